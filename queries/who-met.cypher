// name: who-met
// description: Everyone one actor met, with the sentences that say so.
// param: name = Putin (actor) -- the actor whose meetings to list
ACTOR a = $name
MATCH (a)-[r:MET_WITH]-(other:Actor)
RETURN a.name AS actor, other.name AS met, [l IN labels(other) WHERE l <> 'Actor'][0] AS type,
       r.count AS sentences, r.sentences AS evidence,
       COLLECT { MATCH (art:Article) WHERE art.id IN r.articles
                 RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS t ORDER BY t } AS articles
ORDER BY met, other.id
