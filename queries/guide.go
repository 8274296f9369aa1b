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
	// URL, when set, is the address the guide is served at; the list on its
	// first slide then links to each query's slide.
	URL string
}

// Guide writes a Neo4j Browser guide (the HTML that ":guide URL" and
// ":play URL" show) listing qs: one slide per query with its description, its
// parameters, a runnable ":params" block that sets them to the example values,
// and the query, runnable too. Browser runs a block with one click on its play
// icon; a click on the code puts it into the editor.
func Guide(w io.Writer, qs []Query, opts GuideOptions) error {
	data := guideData{StyleURL: opts.StyleURL}
	for i, q := range qs {
		gq := guideQuery{Query: q, Params: ParamsCommand(q), Body: q.Body()}
		if opts.URL != "" {
			// Slide 0 is the list; Browser opens a guide at #slide-N.
			gq.Open = fmt.Sprintf("guide %s#slide-%d", opts.URL, i+1)
		}
		data.Queries = append(data.Queries, gq)
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
	Open   string // the Browser command that opens the query's slide, or ""
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
        <p>Each of the next slides holds one saved query of actorgraph{{if .Queries}}{{if (index .Queries 0).Open}}; click a
        name below to open its slide{{end}}{{end}}. There, the &#9654; at the start of the
        <code>:params</code> block sets the parameters to the example values, and the &#9654; of
        the query runs it: one click each. Clicking the code itself puts it into the editor
        instead, to change it (to ask about someone else) and run it with Ctrl+Enter. Actor parameters take
        the name or an alias of an actor, in any case. The same queries run from the shell
        with <code>actorgraph query NAME --param key=value</code>.</p>
        <ol>
{{- range .Queries}}
          <li>{{if .Open}}<a exec-topic="{{.Open}}"><b>{{.Name}}</b></a>{{else}}<b>{{.Name}}</b>{{end}}: {{.Description}}</li>
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
        <p>Parameters (the <code>:params</code> block sets them to the example values):</p>
        <ul>
{{- range .Query.Params}}
          <li><code>{{.Name}}</code>: {{kind .}}{{if .Description}}, {{.Description}}{{end}} (e.g. {{.Example}})</li>
{{- end}}
        </ul>
{{- end}}
{{- if .Params}}
        <pre class="pre-scrollable code runnable" data-block="params">{{.Params}}</pre>
{{- end}}
        <pre class="pre-scrollable code runnable" data-block="query">{{.Body}}</pre>
      </div>
    </slide>
{{- end}}
  </carousel>
</article>
`))
