// name: timeline
// description: One actor's meetings and criticism in date order, one row per sentence, with when and where it happened; undated evidence comes last.
// param: name = Putin (actor) -- the actor
// param: since = 2025-12-01 (optional date) -- only evidence dated on or after this day, month or year
// param: until = 2025-12-31 (optional date) -- only evidence dated on or before this day, month or year
ACTOR a = $name
MATCH (a)-[r:MET_WITH|CRITICIZED]-(other:Actor)
UNWIND range(0, size(r.sentences) - 1) AS i
WITH a, r, other, i, coalesce(r.dates[i], '') AS date
WHERE true
  AND ($since IS NULL OR (date <> '' AND left(date, size($since)) >= left($since, size(date))))
  AND ($until IS NULL OR (date <> '' AND left(date, size($until)) <= left($until, size(date))))
OPTIONAL MATCH (art:Article {id: r.articles[i]})
RETURN date, coalesce(r.precisions[i], '') AS precision, a.name AS actor,
       CASE WHEN type(r) = 'MET_WITH' THEN 'met' WHEN startNode(r) = a THEN 'criticized' ELSE 'criticized by' END AS event,
       other.name AS other, coalesce(r.places[i], '') AS place, coalesce(r.venues[i], '') AS venue,
       coalesce(r.countries[i], '') AS country, r.sentences[i] AS evidence,
       CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS article
ORDER BY date = '', date, event, other, evidence
