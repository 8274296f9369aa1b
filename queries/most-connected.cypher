// name: most-connected
// description: Actors by how many relationships they have (meetings, advice, criticism, either way round).
// param: limit = 10 (default) -- how many actors to list
MATCH (a:Actor)-[r:MET_WITH|ADVISES|CRITICIZED]-(other:Actor)
WITH a, count(r) AS relationships, count(DISTINCT other) AS actors, sum(r.count) AS sentences,
     count(CASE WHEN type(r) = 'MET_WITH' THEN 1 END) AS meetings
RETURN a.name AS actor, [l IN labels(a) WHERE l <> 'Actor'][0] AS type,
       relationships, meetings, actors AS connected_actors, sentences
ORDER BY relationships DESC, sentences DESC, actor, a.id
LIMIT $limit
