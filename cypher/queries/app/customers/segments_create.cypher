// A firm's emergent segments with their profile.
UNWIND $rows AS s
MATCH (f:Firm {id: $firm})
CREATE (f)-[:HAS_SEGMENT]->(:Segment {id: s.id, firm: $firm, name: s.name, rank: s.rank, customers: s.customers, share: s.share,
        k: s.k, silhouette: s.silhouette, recencyDays: s.recencyDays, purchases: s.purchases, meanSpend: s.meanSpend,
        digitalShare: s.digitalShare, voiceShare: s.voiceShare, physicalShare: s.physicalShare, deviceShare: s.deviceShare,
        offerResponse: s.offerResponse, computedAt: s.computedAt})
