package queries

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// The queries the CLI and the README promise.
var required = []string{
	"who-met-whom", "who-met", "advisers-of", "advised-by", "critics-of", "criticized-by",
	"actor-profile", "connection", "common-contacts", "most-connected", "inner-circle",
	"meetings-by-article",
}

func TestEmbeddedFilesParse(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	all := All()
	for i := 1; i < len(all); i++ {
		if all[i-1].Name >= all[i].Name {
			t.Errorf("All not sorted by name: %s before %s", all[i-1].Name, all[i].Name)
		}
	}
	for _, name := range required {
		if _, err := Lookup(name); err != nil {
			t.Errorf("required query: %v", err)
		}
	}
	for _, q := range all {
		t.Run(q.Name, func(t *testing.T) {
			if q.Description == "" || !strings.HasSuffix(q.Description, ".") {
				t.Errorf("description %q: want a sentence", q.Description)
			}
			if !strings.Contains(q.Cypher, "ORDER BY") {
				t.Errorf("no ORDER BY: answers must come in a fixed order")
			}
			values := map[string]string{}
			for _, p := range q.Params {
				values[p.Name] = p.Example
			}
			params, err := q.Bind(values)
			if err != nil {
				t.Fatalf("Bind(examples): %v", err)
			}
			if len(params) != len(q.Params) {
				t.Errorf("Bind(examples) = %v, want %d params", params, len(q.Params))
			}
		})
	}
}

func TestLookup(t *testing.T) {
	q, err := Lookup("who-met")
	if err != nil {
		t.Fatal(err)
	}
	want := []Param{{Name: "name", Description: "the actor whose meetings to list", Example: "Putin", Actor: true}}
	if !reflect.DeepEqual(q.Params, want) {
		t.Errorf("who-met params = %+v, want %+v", q.Params, want)
	}

	_, err = Lookup("who-meets")
	if !errors.Is(err, ErrUnknownQuery) {
		t.Fatalf("Lookup(who-meets) error = %v, want ErrUnknownQuery", err)
	}
	for _, name := range required {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not list %s", err, name)
		}
	}
}

func TestBind(t *testing.T) {
	whoMet, _ := Lookup("who-met")
	timeline, _ := Lookup("timeline")
	mostConnected, _ := Lookup("most-connected")
	connection, _ := Lookup("connection")
	all, _ := Lookup("actors")
	tests := []struct {
		name    string
		query   Query
		values  map[string]string
		want    map[string]any
		wantIs  error    // the sentinel the error wraps, if any
		wantMsg []string // what the error text must say
	}{
		{name: "actor", query: whoMet, values: map[string]string{"name": "putin"}, want: map[string]any{"name": "putin"}},
		{name: "trimmed", query: whoMet, values: map[string]string{"name": "  Vladimir Putin "}, want: map[string]any{"name": "Vladimir Putin"}},
		{name: "optional dates left out", query: timeline, values: map[string]string{"name": "putin"}, want: map[string]any{"name": "putin", "since": nil, "until": nil}},
		{name: "dates", query: timeline, values: map[string]string{"name": "Putin", "since": "2025", "until": "2025-12-02"}, want: map[string]any{"name": "Putin", "since": "2025", "until": "2025-12-02"}},
		{name: "month", query: timeline, values: map[string]string{"name": "Putin", "since": "2025-11"}, want: map[string]any{"name": "Putin", "since": "2025-11", "until": nil}},
		{name: "not a date", query: timeline, values: map[string]string{"name": "Putin", "since": "last week"}, wantMsg: []string{"since must be a date", "YYYY-MM-DD", "last week"}},
		{name: "no such month", query: timeline, values: map[string]string{"name": "Putin", "until": "2025-13-01"}, wantMsg: []string{"until must be a date"}},
		{name: "integer", query: mostConnected, values: map[string]string{"limit": "5"}, want: map[string]any{"limit": int64(5)}},
		{name: "two params", query: connection, values: map[string]string{"from": "Bacon", "to": "Putin"}, want: map[string]any{"from": "Bacon", "to": "Putin"}},
		{name: "no params", query: all, values: nil, want: map[string]any{}},
		{name: "missing", query: whoMet, values: nil, wantIs: ErrMissingParam, wantMsg: []string{"who-met", "name (e.g. Putin)"}},
		{name: "empty", query: whoMet, values: map[string]string{"name": " "}, wantIs: ErrMissingParam, wantMsg: []string{"name (e.g. Putin)"}},
		{name: "one of two missing", query: connection, values: map[string]string{"from": "Bacon"}, wantIs: ErrMissingParam,
			wantMsg: []string{"missing parameter to", "from (e.g. Don Bacon)", "to (e.g. Vladimir Putin)"}},
		{name: "unknown", query: whoMet, values: map[string]string{"name": "Putin", "actor": "Putin"}, wantMsg: []string{`no parameter "actor"`, "name (e.g. Putin)"}},
		{name: "unknown, no params", query: all, values: map[string]string{"name": "x"}, wantMsg: []string{`no parameter "name"`, "takes no parameters"}},
		{name: "not an integer", query: mostConnected, values: map[string]string{"limit": "ten"}, wantMsg: []string{"limit must be an integer", "ten"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.query.Bind(tt.values)
			if tt.wantMsg == nil {
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("Bind = %#v, want %#v", got, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("Bind = %v, want an error", got)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %q does not wrap %v", err, tt.wantIs)
			}
			for _, s := range tt.wantMsg {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not say %q", err, s)
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Query  // when no error
		err  string // part of the error, when one is expected
	}{
		{
			name: "full header",
			text: "// name: q\n// description: A query.\n// param: name = Putin (actor) -- who\n// param: limit = 3\nMATCH (a) WHERE a.name = $name RETURN a LIMIT $limit\n",
			want: Query{Name: "q", Description: "A query.", Params: []Param{
				{Name: "name", Description: "who", Example: "Putin", Actor: true},
				{Name: "limit", Example: "3"},
			}},
		},
		{
			name: "plain comments and parameters in strings",
			text: "// name: q\n// A note without a key.\n// description: D.\nRETURN '$notaparam' // $neither\n",
			want: Query{Name: "q", Description: "D."},
		},
		{name: "no name", text: "// description: D.\nRETURN 1\n", err: "no \"// name:\""},
		{name: "no description", text: "// name: q\nRETURN 1\n", err: "no \"// description:\""},
		{name: "no body", text: "// name: q\n// description: D.\n", err: "no Cypher"},
		{name: "bad param", text: "// name: q\n// description: D.\n// param: name\nRETURN $name\n", err: "want \"NAME = EXAMPLE\""},
		{name: "no example", text: "// name: q\n// description: D.\n// param: name = (actor)\nRETURN $name\n", err: "no example"},
		{name: "optional date", text: "// name: q\n// description: D.\n// param: since = 2025 (optional date) -- from\nRETURN $since\n",
			want: Query{Name: "q", Description: "D.", Params: []Param{{Name: "since", Description: "from", Example: "2025", Optional: true, Date: true}}}},
		{name: "unknown kind", text: "// name: q\n// description: D.\n// param: since = 2025 (maybe)\nRETURN $since\n", err: "unknown kind"},
		{name: "undeclared", text: "// name: q\n// description: D.\nRETURN $name\n", err: "$name used but not declared"},
		{name: "unused", text: "// name: q\n// description: D.\n// param: name = x\nRETURN 1\n", err: "declared but not used"},
		{name: "twice", text: "// name: q\n// description: D.\n// param: name = x\n// param: name = y\nRETURN $name\n", err: "declared twice"},
		{name: "bad name", text: "// name: q\n// description: D.\n// param: my-name = x\nRETURN 1\n", err: "letters, digits and _"},
		{
			name: "default",
			text: "// name: q\n// description: D.\n// param: limit = 10 (default) -- how many\nRETURN $limit\n",
			want: Query{Name: "q", Description: "D.", Params: []Param{{Name: "limit", Description: "how many", Example: "10", Default: true}}},
		},
		{name: "ACTOR of a plain parameter", text: "// name: q\n// description: D.\n// param: name = x\nACTOR a = $name\nRETURN a\n", err: "ACTOR $name: declare it with"},
		{name: "ACTOR of an undeclared parameter", text: "// name: q\n// description: D.\nACTOR a = $who\nRETURN a\n", err: "ACTOR $who: declare it with"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("test.cypher", tt.text)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "test.cypher:") {
					t.Fatalf("Parse error = %v, want one with test.cypher: and %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Cypher = strings.TrimSuffix(tt.text, "\n") + "\n"
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestActorLines checks that ACTOR lines become the look-up, in every
// embedded query with an actor parameter, and that the Cypher holds no
// ACTOR line any more (Browser could not run it).
func TestActorLines(t *testing.T) {
	q, err := Parse("t.cypher", "// name: q\n// description: D.\n// param: a = X (actor)\n// param: b = Y (actor)\nACTOR x = $a\nACTOR y = $b\nRETURN x, y\n")
	if err != nil {
		t.Fatal(err)
	}
	want := "// name: q\n// description: D.\n// param: a = X (actor)\n// param: b = Y (actor)\n" + ActorLookup("x", "a") + "\n" + ActorLookup("y", "b") + "\nRETURN x, y\n"
	if q.Cypher != want {
		t.Errorf("Cypher:\n%s\nwant:\n%s", q.Cypher, want)
	}
	for _, q := range All() {
		if reActor.MatchString(q.Cypher) || strings.Contains(q.Cypher, "\nACTOR") {
			t.Errorf("%s: an ACTOR line is left", q.Name)
		}
		for _, p := range q.Params {
			if p.Actor && !strings.Contains(q.Cypher, "CALL () {\n  WITH toLower(trim($"+p.Name+")) AS key") {
				t.Errorf("%s: actor parameter %s is not looked up by the one rule", q.Name, p.Name)
			}
			if p.Actor && strings.Contains(q.Cypher, "IN a.names") {
				t.Errorf("%s: matches names outside the look-up", q.Name)
			}
		}
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"who-met", "who-met-whom", "most-connected", "actors", "actor-profile"}
	for _, tt := range []struct {
		typed string
		want  string
	}{
		{"whomet", "who-met"},
		{"who-met-who", "who-met-whom"},
		{"most-conected", "most-connected"},
		{"profile", "actor-profile"},
		{"zzzzzz", ""},
		{"", ""},
	} {
		if got := strings.Join(Suggest(tt.typed, names), ","); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

func TestShort(t *testing.T) {
	if got := Short("Putin"); got != "Putin" {
		t.Errorf("Short(Putin) = %q", got)
	}
	long := strings.Repeat("é", 100000)
	if got := Short(long); got != strings.Repeat("é", 59)+"… (100000 characters)" {
		t.Errorf("Short(long) = %q", got)
	}
}
