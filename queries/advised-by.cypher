// name: advised-by
// description: Whom one actor advises, with the sentences that say so.
// param: name = Witkoff (actor) -- the adviser
ACTOR a = $name
MATCH (a)-[r:ADVISES]->(advisee:Actor)
RETURN a.name AS adviser, advisee.name AS advises, [l IN labels(advisee) WHERE l <> 'Actor'][0] AS type,
       r.count AS sentences, r.sentences AS evidence,
       COLLECT { MATCH (art:Article) WHERE art.id IN r.articles
                 RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS t ORDER BY t } AS articles
ORDER BY advises, advisee.id
