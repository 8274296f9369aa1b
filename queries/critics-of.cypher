// name: critics-of
// description: Who criticized one actor, with the sentences that say so.
// param: name = Witkoff (actor) -- the actor criticized
ACTOR a = $name
MATCH (x:Actor)-[r:CRITICIZED]->(a)
RETURN x.name AS critic, [l IN labels(x) WHERE l <> 'Actor'][0] AS type, a.name AS criticized,
       r.count AS sentences, r.sentences AS evidence,
       COLLECT { MATCH (art:Article) WHERE art.id IN r.articles
                 RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS t ORDER BY t } AS articles
ORDER BY critic, x.id
