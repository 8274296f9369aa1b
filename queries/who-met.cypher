// name: who-met
// description: Everyone one actor met, with the sentences that say so.
// param: name = Putin (actor) -- the actor whose meetings to list
// param: since = 2025-12-01 (optional date) -- only evidence dated on or after this day, month or year
// param: until = 2025-12-31 (optional date) -- only evidence dated on or before this day, month or year
ACTOR a = $name
MATCH (a)-[r:MET_WITH]-(other:Actor)
WITH a, r, other, [i IN range(0, size(r.sentences) - 1)
          WHERE ($since IS NULL OR (coalesce(r.dates[i], '') <> '' AND left(r.dates[i], size($since)) >= left($since, size(r.dates[i]))))
            AND ($until IS NULL OR (coalesce(r.dates[i], '') <> '' AND left(r.dates[i], size($until)) <= left($until, size(r.dates[i]))))] AS kept
WHERE size(kept) > 0
RETURN a.name AS actor, other.name AS met, [l IN labels(other) WHERE l <> 'Actor'][0] AS type,
       size(kept) AS sentences, [i IN kept | r.sentences[i]] AS evidence,
       COLLECT { MATCH (art:Article) WHERE art.id IN [i IN kept | r.articles[i]]
                 RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS t ORDER BY t } AS articles
ORDER BY met, other.id
