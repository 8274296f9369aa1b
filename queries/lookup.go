package queries

import (
	"fmt"
	"regexp"
	"strings"
)

// The name look-up of actor parameters. One rule serves the CLI and Neo4j
// Browser, because both run the same Cypher: a query file says
//
//	ACTOR a = $name
//
// and Parse puts ActorLookup("a", "name") in its place ("ACTOR_CANDIDATES a =
// $name" puts ActorCandidates, the list a_candidates). The look-up goes
// through indexes only (no label scan):
//
//  1. the actor whose id is the value (range index actor_id), and every
//     actor with the value, trimmed and lower-cased, among its names
//     (full-text index actor_name_keys, keyword analyzer, on the names
//     property: each name and alias lower-cased and folded by namekey.Key);
//  2. when there is none, the actors with the value as whole words of a
//     name or alias ("Bacon" for Don Bacon), through the full-text index
//     actor_name_search (on name and aliases, standard-folding analyzer),
//     checked against the names property.
//
// The query goes on only when exactly one actor matches: an ambiguous name
// gives no rows, never a pick (the CLI reports the candidates, Browser users
// run find-actor for the list).

// Full-text indexes the look-up needs; neo4jstore.EnsureSchema creates them.
const (
	KeyIndex  = "actor_name_keys"
	WordIndex = "actor_name_search"
)

// reActor matches an ACTOR line of a query file.
var reActor = regexp.MustCompile(`^\s*(ACTOR|ACTOR_CANDIDATES)\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*$`)

// ActorCandidates returns the Cypher that binds to variable the list of
// actors the value of $param names, by the look-up rule above.
func ActorCandidates(variable, param string) string {
	key := fmt.Sprintf("toLower(trim($%s))", param)
	// A Lucene phrase: only " and \ are special inside the quotes.
	phrase := func(s string) string {
		return `'"' + replace(replace(` + s + `, '\\', '\\\\'), '"', '\\"') + '"'`
	}
	return strings.Join([]string{
		"CALL () {",
		fmt.Sprintf("  WITH %s AS key", key),
		fmt.Sprintf("  WITH key, COLLECT { MATCH (n:Actor {id: $%s}) RETURN n } +", param),
		fmt.Sprintf("       COLLECT { CALL db.index.fulltext.queryNodes('%s', %s) YIELD node RETURN node } AS exact", KeyIndex, phrase("key")),
		"  WITH CASE WHEN size(exact) > 0 OR key = '' THEN exact ELSE COLLECT {",
		fmt.Sprintf("         CALL db.index.fulltext.queryNodes('%s', %s) YIELD node", WordIndex, phrase("key")),
		"         WHERE any(n IN node.names WHERE ' ' + n + ' ' CONTAINS ' ' + key + ' ')",
		"         RETURN node } END AS found",
		"  UNWIND found AS f",
		fmt.Sprintf("  RETURN collect(DISTINCT f) AS %s_candidates", variable),
		"}",
	}, "\n")
}

// ActorLookup returns the Cypher that binds variable to the one actor the
// value of $param names, and ends the query with no rows when none or
// several do.
func ActorLookup(variable, param string) string {
	return ActorCandidates(variable, param) + "\n" +
		fmt.Sprintf("WITH *, CASE WHEN size(%[1]s_candidates) = 1 THEN %[1]s_candidates[0] END AS %[1]s\nWHERE %[1]s IS NOT NULL", variable)
}

// CandidatesCypher is the query the CLI runs to resolve an actor parameter:
// the candidates of the look-up rule, one row each.
func CandidatesCypher() string {
	return ActorCandidates("a", "name") + `
UNWIND a_candidates AS a
RETURN a.id AS id, [l IN labels(a) WHERE l <> 'Actor'][0] AS type, a.name AS name,
       coalesce(a.aliases, []) AS aliases, coalesce(a.roles, []) AS roles,
       COUNT { (:Article)-[:MENTIONS]->(a) } AS articles
ORDER BY name, id`
}

// expandActors replaces the ACTOR lines of a query body with the look-up.
// It returns the parameters the lines name, for Parse to check.
func expandActors(body []string) ([]string, map[string]int) {
	out := make([]string, 0, len(body))
	params := map[string]int{}
	for i, line := range body {
		m := reActor.FindStringSubmatch(line)
		if m == nil {
			out = append(out, line)
			continue
		}
		params[m[3]] = i
		if m[1] == "ACTOR" {
			out = append(out, ActorLookup(m[2], m[3]))
		} else {
			out = append(out, ActorCandidates(m[2], m[3]))
		}
	}
	return out, params
}
