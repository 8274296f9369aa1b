// name: actor-profile
// description: Every relationship of one actor, either way round, with its evidence.
// param: name = Witkoff (actor) -- the actor to describe
ACTOR a = $name
MATCH (a)-[r:MET_WITH|ADVISES|CRITICIZED]-(x:Actor)
WITH a, r, x,
     CASE
       WHEN type(r) = 'MET_WITH' THEN 'met with'
       WHEN type(r) = 'ADVISES' AND startNode(r) = a THEN 'advises'
       WHEN type(r) = 'ADVISES' THEN 'is advised by'
       WHEN startNode(r) = a THEN 'criticized'
       ELSE 'was criticized by'
     END AS relationship
RETURN a.name AS actor, relationship, x.name AS other, [l IN labels(x) WHERE l <> 'Actor'][0] AS type,
       r.count AS sentences, r.sentences AS evidence,
       COLLECT { MATCH (art:Article) WHERE art.id IN r.articles
                 RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS t ORDER BY t } AS articles
ORDER BY relationship, other, x.id
