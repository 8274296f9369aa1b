package main

import (
	"strings"
	"testing"

	"github.com/actorgraph/actorgraph/queries"
)

// maxMessage is the longest error message parameter parsing may give,
// whatever the input: long values are shortened.
const maxMessage = 2000

// FuzzParams feeds --param values and query names to the parsing the query
// command does before it connects: it must not panic; an error is one line
// of bounded length that wraps the documented sentinels; a success binds
// every parameter of the query with the right type.
func FuzzParams(f *testing.F) {
	for _, q := range queries.All() {
		for _, p := range q.Params {
			f.Add(q.Name, p.Name+"="+p.Example, "")
		}
		f.Add(q.Name, "", "")
	}
	for _, seed := range [][3]string{
		{"who-met", "name=", "name=Putin"},
		{"who-met", "=Putin", ""},
		{"who-met", "name", ""},
		{"most-connected", "limit=ten", ""},
		{"most-connected", "limit=99999999999999999999", ""},
		{"most-connected", "limit= 10 ", "limit=-1"},
		{"connection", "from=Don Bacon", "to=Vladimir Putin"},
		{"whomet", "name=Putin", ""},
		{"who-met", "nom=Putin", "name=Putin"},
		{"who-met", "name=\u202enituP", ""},
		{"who-met", "name=" + strings.Repeat("x", 5000), ""},
		{strings.Repeat("q", 5000), "", ""},
		{"most-connected", "4\nX\x1b[31m=1", ""}, // a key with a newline once broke the one-line message
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, name, p1, p2 string) {
		var pairs []string
		for _, p := range []string{p1, p2} {
			if p != "" {
				pairs = append(pairs, p)
			}
		}
		q, params, err := bindQuery(name, pairs)
		if err != nil {
			msg := err.Error()
			if len(msg) > maxMessage {
				t.Errorf("message of %d bytes for inputs of %d bytes: %.200q...", len(msg), len(name)+len(p1)+len(p2), msg)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("message on several lines: %q", msg)
			}
			if exitCode(argsErr(err)) != exitUsage {
				t.Errorf("exit code of %v is not %d", err, exitUsage)
			}
			return
		}
		for _, p := range q.Params {
			v, ok := params[p.Name]
			if !ok {
				t.Fatalf("%s: parameter %s not bound: %v", q.Name, p.Name, params)
			}
			switch v := v.(type) {
			case nil:
				if !p.Optional {
					t.Errorf("%s: %s bound to null, and it is not optional", q.Name, p.Name)
				}
			case int64:
				if !p.Integer() {
					t.Errorf("%s: %s bound to the integer %d", q.Name, p.Name, v)
				}
			case string:
				if p.Integer() || strings.TrimSpace(v) != v || v == "" {
					t.Errorf("%s: %s bound to %q", q.Name, p.Name, v)
				}
			default:
				t.Errorf("%s: %s bound to %T", q.Name, p.Name, v)
			}
		}
		if len(params) != len(q.Params) {
			t.Errorf("%s: %d values bound for %d parameters: %v", q.Name, len(params), len(q.Params), params)
		}
	})
}
