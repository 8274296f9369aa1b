// Package queries holds actorgraph's saved Cypher queries, one per embedded
// .cypher file, and binds the values a user gives them to query parameters.
// Each file starts with header comment lines naming the query, describing it
// and listing its parameters with an example value.
package queries

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

//go:embed *.cypher
var files embed.FS

// Errors returned by Lookup and Bind.
var (
	// ErrUnknownQuery is returned by Lookup for a name no saved query has.
	ErrUnknownQuery = errors.New("unknown query")
	// ErrMissingParam is returned by Bind when a parameter has no value.
	ErrMissingParam = errors.New("missing parameter")
)

// Param is one parameter of a saved query.
type Param struct {
	Name        string // the Cypher parameter, without the $
	Description string // what it means; may be empty
	Example     string // a value that gives an answer on the mission article
	// Actor means the value is an actor name, matched by name or alias,
	// case-insensitively.
	Actor bool
	// Optional means the value may be left out; the parameter is then null.
	Optional bool
	// Date means the value is a date: YYYY, YYYY-MM or YYYY-MM-DD.
	Date bool
	// Default means a missing value takes the example: "(default)" after
	// it in the header.
	Default bool
}

// reDate is the form of a date parameter.
var reDate = regexp.MustCompile(`^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$`)

// Integer reports whether the parameter takes an integer: its example is one.
func (p Param) Integer() bool {
	_, err := strconv.ParseInt(p.Example, 10, 64)
	return err == nil
}

// String returns the parameter with its example: "name (e.g. Putin)", or
// "limit (default 10)".
func (p Param) String() string {
	if p.Default {
		return fmt.Sprintf("%s (default %s)", p.Name, p.Example)
	}
	return fmt.Sprintf("%s (e.g. %s)", p.Name, p.Example)
}

// Query is one saved query.
type Query struct {
	Name        string
	Description string
	Params      []Param
	Cypher      string // the whole file, header included
}

// HeaderError is the error for a .cypher file whose header does not parse.
type HeaderError struct {
	File string
	Line int
	Msg  string
}

func (e *HeaderError) Error() string {
	return fmt.Sprintf("queries: %s:%d: %s", e.File, e.Line, e.Msg)
}

var all, loadErr = load(files)

// All returns every saved query, sorted by name. A file whose header does not
// parse is left out; Check reports it.
func All() []Query {
	return append([]Query(nil), all...)
}

// Check returns the errors found while parsing the embedded files, or nil.
func Check() error { return loadErr }

// Lookup returns the saved query with the given name. For an unknown name the
// error wraps ErrUnknownQuery and lists the names there are.
func Lookup(name string) (Query, error) {
	for _, q := range all {
		if q.Name == name {
			return q, nil
		}
	}
	names := make([]string, len(all))
	for i, q := range all {
		names[i] = q.Name
	}
	hint := ""
	if near := Suggest(name, names); len(near) > 0 {
		hint = "; did you mean " + strings.Join(near, " or ") + "?"
	}
	return Query{}, fmt.Errorf("%w %q%s; available: %s", ErrUnknownQuery, Short(name), hint, strings.Join(names, ", "))
}

// Suggest returns the names close to typed, closest first: those within an
// edit distance of a third of their length (at least 2), and those that
// start with typed or contain it.
func Suggest(typed string, names []string) []string {
	typed = strings.ToLower(strings.TrimSpace(typed))
	if typed == "" || len(typed) > 100 {
		return nil
	}
	type near struct {
		name string
		d    int
	}
	var out []near
	for _, n := range names {
		d := distance(typed, strings.ToLower(n))
		limit := max(2, len(n)/3)
		switch {
		case d <= limit:
			out = append(out, near{n, d})
		case len(typed) >= 3 && strings.Contains(n, typed):
			out = append(out, near{n, limit + 1})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].d < out[j].d })
	names = nil
	for i, n := range out {
		if i == 3 {
			break
		}
		names = append(names, n.name)
	}
	return names
}

// distance is the Levenshtein distance between a and b, by runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// maxShown is how many characters of a value a message shows.
const maxShown = 60

// Short returns s as a message may show it: cut at 60 characters with the
// length it had, so a 100 kB parameter is not echoed back whole.
func Short(s string) string {
	r := []rune(s)
	if len(r) <= maxShown {
		return s
	}
	return fmt.Sprintf("%s… (%d characters)", string(r[:maxShown-1]), len(r))
}

// Bind turns the values a user gave, by parameter name, into the parameters
// of the query: integers for integer parameters, strings otherwise. A missing
// or empty value takes the example when the parameter has a default, else
// gives an error wrapping ErrMissingParam; a value for a parameter the query
// does not have is an error too. Both list the expected parameters with
// examples.
func (q Query) Bind(values map[string]string) (map[string]any, error) {
	known := map[string]bool{}
	for _, p := range q.Params {
		known[p.Name] = true
	}
	var unknown []string
	for k := range values {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		for i, u := range unknown {
			unknown[i] = strconv.Quote(Short(u))
		}
		return nil, fmt.Errorf("query %s has no parameter %s; %s", q.Name, strings.Join(unknown, ", "), q.expected())
	}
	params := make(map[string]any, len(q.Params))
	var missing []string
	for _, p := range q.Params {
		v, ok := values[p.Name]
		v = strings.TrimSpace(v)
		if (!ok || v == "") && p.Default {
			v = p.Example
		}
		if v == "" {
			if p.Optional {
				params[p.Name] = nil
				continue
			}
			missing = append(missing, p.Name)
			continue
		}
		if p.Date && !reDate.MatchString(v) {
			return nil, fmt.Errorf("query %s: parameter %s must be a date, YYYY, YYYY-MM or YYYY-MM-DD (e.g. %s), not %q", q.Name, p.Name, p.Example, Short(v))
		}
		if p.Integer() {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("query %s: parameter %s must be an integer (e.g. %s), not %q", q.Name, p.Name, p.Example, Short(v))
			}
			params[p.Name] = n
			continue
		}
		params[p.Name] = v
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("query %s: %w %s; %s", q.Name, ErrMissingParam, strings.Join(missing, ", "), q.expected())
	}
	return params, nil
}

// expected describes the parameters of q for an error message.
func (q Query) expected() string {
	if len(q.Params) == 0 {
		return "it takes no parameters"
	}
	ps := make([]string, len(q.Params))
	for i, p := range q.Params {
		ps[i] = p.String()
	}
	return "expected: " + strings.Join(ps, ", ")
}

// load parses every .cypher file in fsys.
func load(fsys fs.FS) ([]Query, error) {
	paths, err := fs.Glob(fsys, "*.cypher")
	if err != nil {
		return nil, fmt.Errorf("queries: %w", err)
	}
	var qs []Query
	var errs []error
	names := map[string]string{}
	for _, path := range paths {
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			errs = append(errs, fmt.Errorf("queries: %w", err))
			continue
		}
		q, err := Parse(path, string(b))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, ok := names[q.Name]; ok {
			errs = append(errs, &HeaderError{File: path, Line: 1, Msg: fmt.Sprintf("name %q already used by %s", q.Name, prev)})
			continue
		}
		names[q.Name] = path
		qs = append(qs, q)
	}
	sort.Slice(qs, func(i, j int) bool { return qs[i].Name < qs[j].Name })
	return qs, errors.Join(errs...)
}

// Parse reads one saved query from the text of its file. The header is the
// run of "// key: value" lines at the top:
//
//	// name: who-met
//	// description: Everyone one actor met, with the sentences that say so.
//	// param: name = Putin (actor) -- the actor whose meetings to list
//
// A param line is "NAME = EXAMPLE", then in brackets its kinds: "actor"
// when the value names an actor, "date" for a date, "optional" when it may
// be left out (it is then null), "default" when a value left out is the
// example; then optionally " -- DESCRIPTION". name and description are
// required, every $parameter of the body must be declared and every declared
// one used.
func Parse(file, text string) (Query, error) {
	q := Query{Cypher: text}
	lines := strings.Split(text, "\n")
	body := len(lines)
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "//") {
			body = i
			break
		}
		key, value, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "//")), ":")
		if !ok {
			continue // a plain comment
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		switch key {
		case "name":
			q.Name = value
		case "description":
			q.Description = value
		case "param":
			p, err := parseParam(value)
			if err != nil {
				return Query{}, &HeaderError{File: file, Line: i + 1, Msg: err.Error()}
			}
			q.Params = append(q.Params, p)
		}
	}
	switch {
	case q.Name == "":
		return Query{}, &HeaderError{File: file, Line: 1, Msg: "no \"// name:\" line in the header"}
	case q.Description == "":
		return Query{}, &HeaderError{File: file, Line: 1, Msg: "no \"// description:\" line in the header"}
	case strings.TrimSpace(strings.Join(lines[body:], "\n")) == "":
		return Query{}, &HeaderError{File: file, Line: body + 1, Msg: "no Cypher after the header"}
	}
	expanded, actors := expandActors(lines[body:])
	for name, line := range actors {
		if !slices.ContainsFunc(q.Params, func(p Param) bool { return p.Name == name && p.Actor }) {
			return Query{}, &HeaderError{File: file, Line: body + line + 1, Msg: fmt.Sprintf("ACTOR $%s: declare it with \"// param: %s = EXAMPLE (actor)\"", name, name)}
		}
	}
	q.Cypher = strings.Join(append(lines[:body:body], expanded...), "\n")
	used := parameters(strings.Join(expanded, "\n"))
	declared := map[string]bool{}
	for _, p := range q.Params {
		if declared[p.Name] {
			return Query{}, &HeaderError{File: file, Line: 1, Msg: fmt.Sprintf("parameter %s declared twice", p.Name)}
		}
		declared[p.Name] = true
		if !used[p.Name] {
			return Query{}, &HeaderError{File: file, Line: 1, Msg: fmt.Sprintf("parameter %s declared but not used", p.Name)}
		}
	}
	for name := range used {
		if !declared[name] {
			return Query{}, &HeaderError{File: file, Line: body + 1, Msg: fmt.Sprintf("$%s used but not declared with a \"// param:\" line", name)}
		}
	}
	return q, nil
}

// parseParam parses "name = Example (actor) -- description" or
// "name = Example (default) -- description".
func parseParam(s string) (Param, error) {
	var p Param
	s, p.Description, _ = strings.Cut(s, "--")
	p.Description = strings.TrimSpace(p.Description)
	name, example, ok := strings.Cut(s, "=")
	if !ok {
		return Param{}, fmt.Errorf("param %q: want \"NAME = EXAMPLE\"", s)
	}
	p.Name = strings.TrimSpace(name)
	example = strings.TrimSpace(example)
	if i := strings.LastIndex(example, "("); i >= 0 && strings.HasSuffix(example, ")") {
		for _, flag := range strings.Fields(example[i+1 : len(example)-1]) {
			switch flag {
			case "actor":
				p.Actor = true
			case "optional":
				p.Optional = true
			case "date":
				p.Date = true
			case "default":
				p.Default = true
			default:
				return Param{}, fmt.Errorf("param %q: unknown kind %q; want actor, optional, date or default", s, flag)
			}
		}
		example = strings.TrimSpace(example[:i])
	}
	p.Example = example
	if !identifier(p.Name) {
		return Param{}, fmt.Errorf("param %q: name must be letters, digits and _", p.Name)
	}
	if p.Example == "" {
		return Param{}, fmt.Errorf("param %s: no example value", p.Name)
	}
	return p, nil
}

func identifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
		case '0' <= r && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// parameters returns the $names used in a Cypher body, skipping string
// literals and comments.
func parameters(cypher string) map[string]bool {
	used := map[string]bool{}
	rs := []rune(cypher)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; {
		case r == '\'' || r == '"' || r == '`':
			for i++; i < len(rs) && rs[i] != r; i++ {
				if rs[i] == '\\' {
					i++
				}
			}
		case r == '/' && i+1 < len(rs) && rs[i+1] == '/':
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
		case r == '$':
			j := i + 1
			for j < len(rs) && (rs[j] == '_' || 'a' <= rs[j] && rs[j] <= 'z' || 'A' <= rs[j] && rs[j] <= 'Z' || '0' <= rs[j] && rs[j] <= '9') {
				j++
			}
			if j > i+1 {
				used[string(rs[i+1:j])] = true
			}
			i = j - 1
		}
	}
	return used
}
