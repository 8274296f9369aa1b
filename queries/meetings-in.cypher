// name: meetings-in
// description: The meetings at a place or in a country, in date order, one row per sentence: the place is matched by its city or region, its seat or landmark ("Kremlin") or its country.
// param: place = Moscow -- a city or region, a seat such as the Kremlin, or a country
// param: since = 2025-12-01 (optional date) -- only evidence dated on or after this day, month or year
// param: until = 2025-12-31 (optional date) -- only evidence dated on or before this day, month or year
MATCH (a:Actor)-[r:MET_WITH]->(b:Actor)
WITH r, CASE WHEN a.name <= b.name THEN [a, b] ELSE [b, a] END AS pair, toLower(trim($place)) AS wanted
UNWIND range(0, size(r.sentences) - 1) AS i
WITH r, pair, i, wanted, coalesce(r.dates[i], '') AS date, coalesce(r.places[i], '') AS place,
     coalesce(r.venues[i], '') AS venue, coalesce(r.countries[i], '') AS country
WHERE wanted <> '' AND wanted IN [toLower(place), toLower(venue), 'the ' + toLower(venue), toLower(country)]
  AND ($since IS NULL OR (date <> '' AND left(date, size($since)) >= left($since, size(date))))
  AND ($until IS NULL OR (date <> '' AND left(date, size($until)) <= left($until, size(date))))
OPTIONAL MATCH (art:Article {id: r.articles[i]})
RETURN date, coalesce(r.precisions[i], '') AS precision, place, venue, country,
       pair[0].name AS actor, pair[1].name AS met_with, r.sentences[i] AS evidence,
       CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS article
ORDER BY date = '', date, place, actor, met_with, evidence
