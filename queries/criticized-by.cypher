// name: criticized-by
// description: Whom one actor criticized, with the sentences that say so.
// param: name = Bacon (actor) -- the critic
// param: since = 2025-12-01 (optional date) -- only evidence dated on or after this day, month or year
// param: until = 2025-12-31 (optional date) -- only evidence dated on or before this day, month or year
ACTOR a = $name
MATCH (a)-[r:CRITICIZED]->(target:Actor)
WITH a, r, target, [i IN range(0, size(r.sentences) - 1)
          WHERE ($since IS NULL OR (coalesce(r.dates[i], '') <> '' AND left(r.dates[i], size($since)) >= left($since, size(r.dates[i]))))
            AND ($until IS NULL OR (coalesce(r.dates[i], '') <> '' AND left(r.dates[i], size($until)) <= left($until, size(r.dates[i]))))] AS kept
WHERE size(kept) > 0
RETURN a.name AS critic, target.name AS criticized, [l IN labels(target) WHERE l <> 'Actor'][0] AS type,
       size(kept) AS sentences, [i IN kept | r.sentences[i]] AS evidence,
       COLLECT { MATCH (art:Article) WHERE art.id IN [i IN kept | r.articles[i]]
                 RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS t ORDER BY t } AS articles
ORDER BY criticized, target.id
