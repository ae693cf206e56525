// Who pays whom around a firm
// Answers: the money flows in a firm's ecosystem: which actors pay the firm, which the firm pays, and for what.
:param {firm: 'uber'};
MATCH (f:Firm {id: $firm})
MATCH (from)-[p:PAYS]->(to)
WHERE from = f OR to = f
RETURN coalesce(from.name, from.id) AS payer, coalesce(to.name, to.id) AS payee, p.what AS forWhat,
       CASE WHEN from = f THEN 'firm pays' ELSE 'firm earns' END AS direction
ORDER BY direction, payer;
