// name: inner-circle
// description: The advisers of those who met one actor: who stands behind the people across the table.
// param: name = Witkoff (actor) -- the actor whose counterparts to look behind
ACTOR a = $name
MATCH (a)-[:MET_WITH]-(counterpart:Actor)<-[r:ADVISES]-(x:Actor)
WHERE x <> a
RETURN a.name AS actor, counterpart.name AS met, x.name AS adviser,
       coalesce(x.roles, []) AS roles, r.sentences AS evidence
ORDER BY met, adviser, x.id
