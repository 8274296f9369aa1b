// name: find-actor
// description: The actors a name or alias matches, by the rule every actor parameter follows; more than one means the name is ambiguous.
// param: name = Putin (actor) -- a name, alias or id
ACTOR_CANDIDATES a = $name
UNWIND a_candidates AS a
RETURN a.name AS actor, [l IN labels(a) WHERE l <> 'Actor'][0] AS type, a.id AS id,
       coalesce(a.aliases, []) AS aliases, coalesce(a.roles, []) AS roles,
       COUNT { (:Article)-[:MENTIONS]->(a) } AS articles
ORDER BY actor, id
