// Silos: source systems that share no identifier with the rest
// Answers: per firm, which source systems (CRM, loyalty, web shop…) hold records that never share an identifier with a record of another system: data the firm cannot join to one view of the customer.
:param {firm: 'equinox'};
MATCH (f:Firm {id: $firm})
MATCH (r:SourceRecord {firm: f.id})
WITH f, r.system AS system, count(r) AS records,
     count(CASE WHEN EXISTS {
       MATCH (r)-[l:IDENTIFIED_BY]->(:Identifier)<-[m:IDENTIFIED_BY]-(other:SourceRecord)
       WHERE other.system <> r.system AND l.excluded IS NULL AND m.excluded IS NULL } THEN 1 END) AS linkedRecords
RETURN system, records, linkedRecords, linkedRecords = 0 AS silo
ORDER BY silo DESC, system;
