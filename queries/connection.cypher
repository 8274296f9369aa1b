// name: connection
// description: The shortest chains of meetings, advice and criticism, in any direction, that link two actors.
// param: from = Don Bacon (actor) -- where the chain starts
// param: to = Vladimir Putin (actor) -- where it ends
ACTOR a = $from
ACTOR b = $to
WITH a, b
WHERE a <> b
MATCH p = allShortestPaths((a)-[:MET_WITH|ADVISES|CRITICIZED*..10]-(b))
WITH p, nodes(p) AS ns, relationships(p) AS rs
RETURN length(p) AS hops,
       reduce(s = ns[0].name, i IN range(0, size(rs) - 1) |
         s + CASE
               WHEN type(rs[i]) = 'MET_WITH' THEN ' -[MET_WITH]- '
               WHEN startNode(rs[i]) = ns[i] THEN ' -[' + type(rs[i]) + ']-> '
               ELSE ' <-[' + type(rs[i]) + ']- '
             END + ns[i + 1].name) AS path,
       [r IN rs | r.sentences[0]] AS evidence
ORDER BY hops, path
