// name: who-met
// description: Everyone one actor met, with the sentences that say so.
// param: name = Putin (actor) -- the actor whose meetings to list
MATCH (a:Actor)
WHERE a.id = $name OR toLower(trim($name)) IN a.names
MATCH (a)-[r:MET_WITH]-(other:Actor)
UNWIND range(0, size(r.sentences) - 1) AS i
OPTIONAL MATCH (art:Article {id: r.articles[i]})
RETURN a.name AS actor, other.name AS met, labels(other)[0] AS type,
       r.sentences[i] AS evidence, coalesce(art.title, r.articles[i]) AS article
ORDER BY met, article, evidence
