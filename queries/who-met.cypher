// name: who-met
// description: Everyone one actor met, with when and where (the dates and places of the sentences that say so), the sentences and the articles.
// param: name = Putin (actor) -- the actor whose meetings to list
ACTOR a = $name
MATCH (a)-[r:MET_WITH]-(other:Actor)
RETURN a.name AS actor, other.name AS met, [l IN labels(other) WHERE l <> 'Actor'][0] AS type,
       r.count AS sentences,
       COLLECT { UNWIND coalesce(r.dates, []) AS d WITH DISTINCT d WHERE d <> '' RETURN d ORDER BY d } AS dates,
       COLLECT { UNWIND range(0, size(r.sentences) - 1) AS i
                 WITH [x IN [coalesce(r.venues[i], ''), coalesce(r.places[i], ''), coalesce(r.countries[i], '')] WHERE x <> ''] AS parts
                 WHERE size(parts) > 0
                 WITH DISTINCT reduce(s = head(parts), x IN tail(parts) | s + ', ' + x) AS place
                 RETURN place ORDER BY place } AS places,
       r.sentences AS evidence,
       COLLECT { MATCH (art:Article) WHERE art.id IN r.articles
                 RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS t ORDER BY t } AS articles
ORDER BY met, other.id
