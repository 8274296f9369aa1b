package queries

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
)

// GuideOptions are the choices Guide leaves open.
type GuideOptions struct {
	// StyleURL, when set, is the address of a GraSS file the guide offers to
	// apply with ":style URL".
	StyleURL string
}

// Guide writes a Neo4j Browser guide (the HTML that ":guide URL" and
// ":play URL" show) listing qs: one slide per query with its description, its
// parameters, a runnable ":params" block set to the example values, and the
// query itself, runnable too.
func Guide(w io.Writer, qs []Query, opts GuideOptions) error {
	data := guideData{StyleURL: opts.StyleURL}
	for _, q := range qs {
		data.Queries = append(data.Queries, guideQuery{
			Query:  q,
			Params: ParamsCommand(q),
			Body:   q.Body(),
		})
	}
	if err := guideTemplate.Execute(w, data); err != nil {
		return fmt.Errorf("queries: guide: %w", err)
	}
	return nil
}

// Body returns the Cypher of q without its header comment lines.
func (q Query) Body() string {
	lines := strings.Split(q.Cypher, "\n")
	for i, line := range lines {
		if !strings.HasPrefix(strings.TrimSpace(line), "//") {
			return strings.TrimSpace(strings.Join(lines[i:], "\n"))
		}
	}
	return ""
}

// ParamsCommand returns the Neo4j Browser command that sets the parameters of
// q to their example values, as Bind would bind them:
// ":params {name: 'Putin', limit: 10}". It is empty for a query without
// parameters.
func ParamsCommand(q Query) string {
	if len(q.Params) == 0 {
		return ""
	}
	parts := make([]string, len(q.Params))
	for i, p := range q.Params {
		value := cypherString(p.Example)
		if p.Integer() {
			n, _ := strconv.ParseInt(p.Example, 10, 64)
			value = strconv.FormatInt(n, 10)
		}
		parts[i] = p.Name + ": " + value
	}
	return ":params {" + strings.Join(parts, ", ") + "}"
}

// cypherString quotes s as a Cypher string literal.
func cypherString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	return "'" + r.Replace(s) + "'"
}

type guideData struct {
	StyleURL string
	Queries  []guideQuery
}

type guideQuery struct {
	Query
	Params string // the :params command, or ""
	Body   string // the Cypher without the header
}

// paramKind says what a parameter takes, as "actorgraph queries" does.
func paramKind(p Param) string {
	switch {
	case p.Actor:
		return "an actor's name or alias"
	case p.Integer():
		return "an integer"
	}
	return "a value"
}

var guideTemplate = template.Must(template.New("guide").Funcs(template.FuncMap{"kind": paramKind}).Parse(`<article class="guide">
  <carousel class="deck container-fluid">
    <slide class="row-fluid">
      <div class="col-sm-12">
        <h3>actorgraph: saved queries</h3>
        <p>Each of the next slides holds one saved query of actorgraph. Click its
        <em>parameters</em> block, then its <em>query</em> block: each click runs the block
        in Neo4j Browser, with the example values; change them in the
        <code>:params</code> line to ask about someone else. Actor parameters take
        the name or an alias of an actor, in any case; the same queries run from the shell
        with <code>actorgraph query NAME --param key=value</code>.</p>
        <ol>
{{- range .Queries}}
          <li><b>{{.Name}}</b>: {{.Description}}</li>
{{- end}}
        </ol>
{{- if .StyleURL}}
        <p>actorgraph's graph style (colours per type of actor, names as captions) was applied
        when you connected; to apply it again, run:</p>
        <pre class="pre-scrollable code runnable">:style {{.StyleURL}}</pre>
{{- end}}
      </div>
    </slide>
{{- range .Queries}}
    <slide class="row-fluid" data-query="{{.Name}}">
      <div class="col-sm-12">
        <h3>{{.Name}}</h3>
        <p>{{.Description}}</p>
{{- if .Params}}
        <p>Parameters:</p>
        <ul>
{{- range .Query.Params}}
          <li><code>{{.Name}}</code>: {{kind .}}{{if .Description}}, {{.Description}}{{end}} (e.g. {{.Example}})</li>
{{- end}}
        </ul>
        <p>1. Set the parameters:</p>
        <pre class="pre-scrollable code runnable" data-block="params">{{.Params}}</pre>
        <p>2. Run the query:</p>
{{- else}}
        <p>Run the query:</p>
{{- end}}
        <pre class="pre-scrollable code runnable" data-block="query">{{.Body}}</pre>
      </div>
    </slide>
{{- end}}
  </carousel>
</article>
`))
