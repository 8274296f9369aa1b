// name: actors
// description: Every actor with its type, aliases and roles, and how many articles mention it.
MATCH (a:Actor)
RETURN a.name AS actor, [l IN labels(a) WHERE l <> 'Actor'][0] AS type,
       coalesce(a.aliases, []) AS aliases, coalesce(a.roles, []) AS roles,
       COUNT { (:Article)-[:MENTIONS]->(a) } AS articles
ORDER BY type, actor, a.id
