// name: common-contacts
// description: Actors who met both of two actors, with the sentences for each meeting.
// param: a = Witkoff (actor) -- one actor
// param: b = Kushner (actor) -- the other
ACTOR x = $a
ACTOR y = $b
MATCH (x)-[rx:MET_WITH]-(c:Actor)-[ry:MET_WITH]-(y)
WHERE c <> x AND c <> y AND x <> y
RETURN c.name AS contact, [l IN labels(c) WHERE l <> 'Actor'][0] AS type,
       x.name AS a, rx.sentences AS evidence_with_a, y.name AS b, ry.sentences AS evidence_with_b
ORDER BY contact, c.id
