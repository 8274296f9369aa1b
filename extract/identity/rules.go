package identity

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/actorgraph/actorgraph/graph"
)

// Rules are an analyst's orders to Resolve, read from an identity file:
//
//	# comments and blank lines are ignored
//	alias	person:Putin	person:Vladimir Putin
//	apart	person:Bush	person:George Bush
//
// Each line is a verb and two actors, separated by tabs (or by " | "). An
// actor is TYPE:NAME with TYPE person, country or organization; the name is
// matched as ids are, ignoring case, accents and punctuation. "alias A B"
// merges A into B whenever both are met; "apart A B" forbids every merge of
// A and B (either way round), including the ones Resolve would make itself.
type Rules struct {
	aliases  [][2]string
	apartSet map[[2]string]bool
}

// ReadRules reads an identity file; an error names the line that is wrong.
func ReadRules(path string) (*Rules, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("identity file: %w", err)
	}
	defer f.Close()
	r, err := ParseRules(f)
	if err != nil {
		return nil, fmt.Errorf("identity file %s: %w", path, err)
	}
	return r, nil
}

// ParseRules reads rules in the format of Rules.
func ParseRules(in io.Reader) (*Rules, error) {
	r := &Rules{apartSet: map[[2]string]bool{}}
	sc := bufio.NewScanner(in)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var cols []string
		if strings.Contains(line, "\t") {
			cols = strings.Split(line, "\t")
		} else {
			cols = strings.Split(line, " | ")
			if len(cols) == 3 {
				first := strings.Fields(cols[0])
				cols[0] = strings.Join(first, " ")
			}
		}
		var fields []string
		for _, c := range cols {
			if c = strings.TrimSpace(c); c != "" {
				fields = append(fields, c)
			}
		}
		if len(fields) != 3 {
			return nil, fmt.Errorf("line %d: want VERB, ACTOR and ACTOR separated by tabs, got %q", n, line)
		}
		a, err := ParseActor(fields[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		b, err := ParseActor(fields[2])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		switch strings.ToLower(fields[0]) {
		case "alias":
			r.aliases = append(r.aliases, [2]string{a, b})
		case "apart":
			r.apartSet[[2]string{a, b}] = true
			r.apartSet[[2]string{b, a}] = true
		default:
			return nil, fmt.Errorf("line %d: unknown verb %q (want alias or apart)", n, fields[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return r, nil
}

// ParseActor turns TYPE:NAME ("person:Vladimir Putin") into an actor id.
func ParseActor(s string) (string, error) {
	t, name, ok := strings.Cut(s, ":")
	if !ok || strings.TrimSpace(name) == "" {
		return "", fmt.Errorf("actor %q: want TYPE:NAME, as in person:Vladimir Putin", s)
	}
	var typ graph.EntityType
	for _, et := range graph.EntityTypes {
		if strings.EqualFold(strings.TrimSpace(t), string(et)) {
			typ = et
		}
	}
	if typ == "" {
		return "", fmt.Errorf("actor %q: type %q is none of person, country, organization", s, t)
	}
	name = strings.TrimSpace(name)
	if n, suffix, ok := strings.Cut(name, "#"); ok {
		return graph.EntityID(typ, n) + "#" + strings.TrimSpace(suffix), nil // an actor kept apart
	}
	return graph.EntityID(typ, name), nil
}

// apart reports whether the rules keep a and b apart; nil rules keep none.
func (r *Rules) apart(a, b string) bool {
	return r != nil && r.apartSet[[2]string{a, b}]
}

// Aliases returns the alias rules as (from, into) id pairs.
func (r *Rules) Aliases() [][2]string {
	if r == nil {
		return nil
	}
	return r.aliases
}
