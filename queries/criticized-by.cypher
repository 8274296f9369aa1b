// name: criticized-by
// description: Whom one actor criticized, with the sentences that say so.
// param: name = Bacon (actor) -- the critic
ACTOR a = $name
MATCH (a)-[r:CRITICIZED]->(target:Actor)
RETURN a.name AS critic, target.name AS criticized, [l IN labels(target) WHERE l <> 'Actor'][0] AS type,
       r.count AS sentences, r.sentences AS evidence,
       COLLECT { MATCH (art:Article) WHERE art.id IN r.articles
                 RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS t ORDER BY t } AS articles
ORDER BY criticized, target.id
