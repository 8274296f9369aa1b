// name: advisers-of
// description: Who advises one actor, with the sentences that say so.
// param: name = Putin (actor) -- the actor whose advisers to list
ACTOR a = $name
MATCH (x:Actor)-[r:ADVISES]->(a)
RETURN x.name AS adviser, coalesce(x.roles, []) AS roles, a.name AS advises,
       r.count AS sentences, r.sentences AS evidence,
       COLLECT { MATCH (art:Article) WHERE art.id IN r.articles
                 RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS t ORDER BY t } AS articles
ORDER BY adviser, x.id
