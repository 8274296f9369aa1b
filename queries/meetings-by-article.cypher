// name: meetings-by-article
// description: The meetings one article reports, with its sentences; the article is found by id, or by part of its source or title.
// param: article = moscow-times -- an article id, or part of its source path or URL or of its title
MATCH (art:Article)
WHERE art.id = $article
   OR toLower(art.source) CONTAINS toLower(trim($article))
   OR toLower(coalesce(art.title, '')) CONTAINS toLower(trim($article))
MATCH (art)-[:MENTIONS]->(a:Actor)-[r:MET_WITH]->(b:Actor)
WHERE art.id IN r.articles
WITH art, r, CASE WHEN a.name <= b.name THEN [a, b] ELSE [b, a] END AS pair
UNWIND [i IN range(0, size(r.articles) - 1) WHERE r.articles[i] = art.id] AS i
RETURN CASE WHEN coalesce(art.title, '') = '' THEN art.source ELSE art.title END AS article,
       pair[0].name AS actor, pair[1].name AS met_with, r.sentences[i] AS evidence
ORDER BY article, actor, met_with, evidence
