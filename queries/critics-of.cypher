// name: critics-of
// description: Who criticized one actor, with the sentences that say so.
// param: name = Witkoff (actor) -- the actor criticized
// param: since = 2025-12-01 (optional date) -- only evidence dated on or after this day, month or year
// param: until = 2025-12-31 (optional date) -- only evidence dated on or before this day, month or year
ACTOR a = $name
MATCH (x:Actor)-[r:CRITICIZED]->(a)
WITH a, r, x, [i IN range(0, size(r.sentences) - 1)
          WHERE ($since IS NULL OR (coalesce(r.dates[i], '') <> '' AND left(r.dates[i], size($since)) >= left($since, size(r.dates[i]))))
            AND ($until IS NULL OR (coalesce(r.dates[i], '') <> '' AND left(r.dates[i], size($until)) <= left($until, size(r.dates[i]))))] AS kept
WHERE size(kept) > 0
RETURN x.name AS critic, [l IN labels(x) WHERE l <> 'Actor'][0] AS type, a.name AS criticized,
       size(kept) AS sentences, [i IN kept | r.sentences[i]] AS evidence,
       COLLECT { MATCH (art:Article) WHERE art.id IN [i IN kept | r.articles[i]]
                 RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS t ORDER BY t } AS articles
ORDER BY critic, x.id
