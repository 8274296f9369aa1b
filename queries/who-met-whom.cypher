// name: who-met-whom
// description: Every meeting, one row per sentence that reports it, with when and where it happened and the article it is from.
MATCH (a:Actor)-[r:MET_WITH]->(b:Actor)
WITH r, CASE WHEN a.name <= b.name THEN [a, b] ELSE [b, a] END AS pair
UNWIND CASE WHEN size(r.sentences) = 0 THEN [null] ELSE range(0, size(r.sentences) - 1) END AS i
OPTIONAL MATCH (art:Article {id: r.articles[i]})
WITH r, pair, i, art,
     [x IN [coalesce(r.venues[i], ''), coalesce(r.places[i], ''), coalesce(r.countries[i], '')] WHERE x <> ''] AS parts
RETURN pair[0].name AS actor, pair[1].name AS met_with, coalesce(r.dates[i], '') AS date,
       CASE WHEN size(parts) = 0 THEN '' ELSE reduce(s = head(parts), x IN tail(parts) | s + ', ' + x) END AS place,
       r.sentences[i] AS evidence,
       CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS article
ORDER BY actor, met_with, article, date, evidence
