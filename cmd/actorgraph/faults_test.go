package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/internal/neo4jtest"
)

// The fault matrix: the program, built as a user runs it, against bad input,
// a Neo4j that misbehaves and signals. Every case ends within its bound with
// one "actorgraph: ..." line on stderr and the exit code of the README's
// table, and the password never appears in any output.

var built struct {
	once sync.Once
	path string
	err  error
}

// binary builds the program once for the test binary's run.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "actorgraph-faults-")
		if err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(dir, "actorgraph")
		out, err := exec.Command("go", "build", "-o", built.path, ".").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

// outcome is what one run of the program showed.
type outcome struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// run is one run of the program.
type run struct {
	args  []string
	env   map[string]string // NEO4J_* and the like; the test's own NEO4J_* are dropped
	stdin io.Reader
	// signal, when set, is sent after signalAfter.
	signal      os.Signal
	signalAfter time.Duration
	// bound is the longest the run may take.
	bound time.Duration
}

func (r run) do(t *testing.T) outcome {
	t.Helper()
	bin := binary(t)
	ctx, cancel := context.WithTimeout(context.Background(), r.bound+10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, r.args...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEO4J_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	for k, v := range r.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr, cmd.Stdin = &stdout, &stderr, r.stdin
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if r.signal != nil {
		time.AfterFunc(r.signalAfter, func() { _ = cmd.Process.Signal(r.signal) })
	}
	err := cmd.Wait()
	o := outcome{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		o.code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if ctx.Err() != nil {
		t.Fatalf("%v: still running after %v; stderr:\n%s", r.args, r.bound+10*time.Second, o.stderr)
	}
	if o.took > r.bound {
		t.Errorf("%v took %v, want at most %v", r.args, o.took.Round(time.Millisecond), r.bound)
	}
	return o
}

// want checks the exit code and that stderr is one line holding each of
// parts, with no stack trace.
func (o outcome) want(t *testing.T, code int, parts ...string) {
	t.Helper()
	if o.code != code {
		t.Errorf("exit code %d, want %d; stderr:\n%s", o.code, code, o.stderr)
	}
	lines := strings.Split(strings.TrimRight(o.stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "actorgraph: ") {
		t.Errorf("want one line \"actorgraph: ...\" on stderr, got:\n%s", o.stderr)
	}
	for _, p := range parts {
		if !strings.Contains(o.stderr, p) {
			t.Errorf("stderr lacks %q:\n%s", p, o.stderr)
		}
	}
	for _, bad := range []string{"goroutine ", "panic", "neo4jstore"} {
		if strings.Contains(o.stderr, bad) {
			t.Errorf("stderr holds %q:\n%s", bad, o.stderr)
		}
	}
}

// noSecret checks that secret appears in no output.
func (o outcome) noSecret(t *testing.T, secret string) {
	t.Helper()
	if strings.Contains(o.stdout+o.stderr, secret) {
		t.Errorf("the password %q was printed:\n%s%s", secret, o.stdout, o.stderr)
	}
}

// silentPort returns the address of a port that accepts TCP connections and
// never says anything.
func silentPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return l.Addr().String()
}

// TestFaultsSilentPort: a port that accepts TCP but never speaks Bolt must
// not hang query or load; the connect timeout ends them, and so does Ctrl-C.
func TestFaultsSilentPort(t *testing.T) {
	addr := silentPort(t)
	article := filepath.Join(files(t, map[string]string{"a.txt": article}), "a.txt")
	env := map[string]string{"NEO4J_URI": "neo4j://" + addr, "NEO4J_PASSWORD": "s3cret-pw"}
	for _, args := range [][]string{{"query", "actors"}, {"load", "-q", article}} {
		t.Run(args[0]+" timeout", func(t *testing.T) {
			o := run{args: append(args, "--connect-timeout", "1s"), env: env, bound: 6 * time.Second}.do(t)
			o.want(t, exitNeo4j, "neo4j is not reachable at neo4j://"+addr, "no Bolt answer within 1s", "--connect-timeout")
			o.noSecret(t, "s3cret-pw")
		})
		t.Run(args[0]+" SIGINT", func(t *testing.T) {
			o := run{args: args, env: env, signal: os.Interrupt, signalAfter: time.Second, bound: 4 * time.Second}.do(t)
			o.want(t, exitInterrupted, "actorgraph: interrupted")
		})
		t.Run(args[0]+" SIGTERM", func(t *testing.T) {
			o := run{args: args, env: env, signal: syscall.SIGTERM, signalAfter: time.Second, bound: 4 * time.Second}.do(t)
			o.want(t, exitInterrupted, "actorgraph: interrupted")
		})
	}
}

// TestFaultsPasswordInURI: a password inside a URI, well-formed or not,
// never reaches the output.
func TestFaultsPasswordInURI(t *testing.T) {
	const pw = "Hunter2-in-uri"
	closed := closedPort(t)
	tests := []struct {
		name  string
		uri   string
		code  int
		parts []string
	}{
		{"bad port", "neo4j://neo4j:" + pw + "@127.0.0.1:x7687", exitUsage, []string{"not a Neo4j Bolt URI: neo4j://127.0.0.1:x7687: invalid port"}},
		{"space in host", "neo4j://neo4j:" + pw + "@local host:7687", exitUsage, []string{"not a Neo4j Bolt URI"}},
		{"http", "http://neo4j:" + pw + "@localhost:7474", exitUsage, []string{"not a Neo4j Bolt URI: http://localhost:7474"}},
		{"no scheme", "neo4j:" + pw + "@localhost:7687", exitUsage, []string{"not a Neo4j Bolt URI: the value (not shown)"}},
		{"password only", pw, exitUsage, []string{"not a Neo4j Bolt URI: the value (not shown)"}},
		{"@ in password", "neo4j://neo4j:" + pw + "@x@" + closed, exitNeo4j, []string{"neo4j is not reachable at neo4j://" + closed + " (connection refused)"}},
		{"well-formed", "bolt://neo4j:" + pw + "@" + closed, exitNeo4j, []string{"neo4j is not reachable at bolt://" + closed + " (connection refused)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, env := range []map[string]string{
				{"NEO4J_URI": tt.uri, "NEO4J_PASSWORD": pw},
				{"NEO4J_URI": tt.uri},
			} {
				o := run{args: []string{"query", "actors"}, env: env, bound: 5 * time.Second}.do(t)
				o.want(t, tt.code, tt.parts...)
				o.noSecret(t, pw)
				o.noSecret(t, "Hunter2")
			}
			o := run{args: []string{"query", "actors", "--uri", tt.uri, "--password", pw}, bound: 5 * time.Second}.do(t)
			o.want(t, tt.code, tt.parts...)
			o.noSecret(t, pw)
		})
	}
}

// TestFaultsPasswordIsAMessageWord: a password that equals a word of the
// message ("refused", "127.0.0.1", ...) shows nowhere, not even as a gap:
// the output is the same byte for byte as with another password.
func TestFaultsPasswordIsAMessageWord(t *testing.T) {
	closed := closedPort(t)
	silent := silentPort(t)
	const control = "qz-control-pw-qz"
	uris := map[string]string{
		"closed port": "neo4j://" + closed,
		"silent port": "neo4j://" + silent,
		"bad URI":     "neo4j://neo4j:PW@127.0.0.1:x7687",
	}
	words := []string{"password", "refused", "127.0.0.1", "neo4j", "not", "reachable", "connection", "a", "s", ":", "7687", "Bolt"}
	for name, uri := range uris {
		t.Run(name, func(t *testing.T) {
			runWith := func(pw string) outcome {
				return run{
					args:  []string{"query", "actors", "--connect-timeout", "500ms"},
					env:   map[string]string{"NEO4J_URI": strings.ReplaceAll(uri, "PW", pw), "NEO4J_PASSWORD": pw},
					bound: 4 * time.Second,
				}.do(t)
			}
			want := runWith(control)
			if want.code != exitNeo4j && want.code != exitUsage {
				t.Fatalf("exit code %d; stderr:\n%s", want.code, want.stderr)
			}
			for _, pw := range words {
				got := runWith(pw)
				if got.stderr != want.stderr || got.stdout != want.stdout || got.code != want.code {
					t.Errorf("with the password %q the output differs from the output with another password:\n%s\nwant:\n%s", pw, got.stderr, want.stderr)
				}
			}
		})
	}
}

// TestFaultsNeo4jAuth runs the login faults against the real Neo4j: a wrong
// password, a password given as the username, none at all, and the rate
// limit that follows repeated failures.
func TestFaultsNeo4jAuth(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Lock(t, cfg)
	t.Cleanup(func() { resetFailedLogins(t) })
	env := func(kv ...string) map[string]string {
		m := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_DATABASE": cfg.Database}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	bound := 20 * time.Second

	t.Run("password as username", func(t *testing.T) {
		resetFailedLogins(t)
		o := run{args: []string{"query", "actors", "--username", cfg.Password}, env: env(), bound: bound}.do(t)
		o.want(t, exitNeo4j, "neo4j refused the username or password", "the user from --username or NEO4J_USERNAME (not shown)")
		o.noSecret(t, cfg.Password)
	})
	t.Run("no password", func(t *testing.T) {
		resetFailedLogins(t)
		o := run{args: []string{"query", "actors"}, env: env("NEO4J_LOCAL_DIR", "/some/state"), bound: bound}.do(t)
		o.want(t, exitNeo4j, "neo4j refused the username or password: user neo4j at ", "no password was given: set NEO4J_PASSWORD or use --password",
			"`source /some/state/env`", "/some/state/password")
	})
	t.Run("wrong password is a message word", func(t *testing.T) {
		resetFailedLogins(t)
		a := run{args: []string{"query", "actors"}, env: env("NEO4J_PASSWORD", "refused"), bound: bound}.do(t)
		resetFailedLogins(t)
		b := run{args: []string{"query", "actors"}, env: env("NEO4J_PASSWORD", "qz-other-qz"), bound: bound}.do(t)
		a.want(t, exitNeo4j, "neo4j refused the username or password: user neo4j at ")
		if a.stderr != b.stderr {
			t.Errorf("the password 'refused' changed the message:\n%s\nwant:\n%s", a.stderr, b.stderr)
		}
	})
	t.Run("rate limit", func(t *testing.T) {
		resetFailedLogins(t)
		var o outcome
		for i := 0; i < 6; i++ {
			o = run{args: []string{"query", "actors"}, env: env("NEO4J_PASSWORD", fmt.Sprintf("wrong-%d", i)), bound: bound}.do(t)
			if strings.Contains(o.stderr, "rate limit") {
				break
			}
		}
		o.want(t, exitNeo4j, "neo4j is refusing logins for a few seconds after repeated failed ones (its authentication rate limit)", "wait 5 seconds")
	})
}

// TestFaultsConnectionDropped cuts the connection to the real Neo4j in the
// middle of a load: the exit code is Neo4j's, the message says the
// connection was lost, and a rerun loads everything once.
func TestFaultsConnectionDropped(t *testing.T) {
	c := newCLI(t)
	useNeo4j(t, c)
	cfg := neo4jtest.Config(t)
	target := strings.TrimPrefix(strings.TrimPrefix(cfg.URI, "neo4j://"), "bolt://")
	// The proxy passes the login and the schema through, then cuts every
	// connection once the client has sent more than cutAfter bytes on one,
	// as the write does, and refuses new ones.
	const cutAfter = 64 << 10
	proxy := cuttingProxy(t, target, cutAfter)
	dir := files(t, map[string]string{})
	// Twenty articles of 200 people each: a write of megabytes.
	given := []string{"Anna", "Tomas", "Maria", "Peter", "Elena", "Lars", "Sofia", "Jonas", "Clara", "Erik"}
	surnames := []string{"Berg", "Lind", "Holm", "Strand", "Dahl", "Ek", "Nyberg", "Sundin", "Wall", "Falk", "Hagen", "Moen", "Lund", "Bakke", "Vik", "Aas", "Brekke", "Haug", "Ness", "Rud"}
	const articles = 20
	for i := 0; i < articles; i++ {
		var text strings.Builder
		for _, s := range surnames {
			for _, g := range given {
				fmt.Fprintf(&text, "Minister %s %s%cson spoke in Oslo on Monday.\n", g, s, 'a'+i)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.txt", i)), []byte(text.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"NEO4J_URI": "bolt://" + proxy, "NEO4J_PASSWORD": cfg.Password, "NEO4J_DATABASE": cfg.Database}
	o := run{args: []string{"load", "-q", dir, "--connect-timeout", "2s"}, env: env, bound: 30 * time.Second}.do(t)
	o.want(t, exitNeo4j, "neo4j is not reachable at bolt://"+proxy)
	o.noSecret(t, cfg.Password)

	env["NEO4J_URI"] = cfg.URI
	if o := (run{args: []string{"load", "-q", dir}, env: env, bound: 60 * time.Second}.do(t)); o.code != 0 {
		t.Fatalf("rerun: exit code %d; stderr:\n%s", o.code, o.stderr)
	}
	n := neo4jtest.Exec(t, cfg, "MATCH (a:Article) RETURN count(a) AS n", nil)[0]["n"]
	if n != int64(articles) {
		t.Errorf("%v articles after the rerun, want %d", n, articles)
	}
}

// cuttingProxy forwards TCP connections to target until one of them has
// carried more than limit bytes from the client; then it closes them all
// and stops accepting.
func cuttingProxy(t *testing.T, target string, limit int64) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		conns []net.Conn
		cut   bool
	)
	cutAll := func() {
		mu.Lock()
		defer mu.Unlock()
		cut = true
		l.Close()
		for _, c := range conns {
			c.Close()
		}
	}
	go func() {
		for {
			client, err := l.Accept()
			if err != nil {
				return
			}
			server, err := net.Dial("tcp", target)
			if err != nil {
				client.Close()
				continue
			}
			mu.Lock()
			if cut {
				mu.Unlock()
				client.Close()
				server.Close()
				return
			}
			conns = append(conns, client, server)
			mu.Unlock()
			go func() {
				n, _ := io.Copy(server, io.LimitReader(client, limit))
				if n >= limit {
					cutAll()
				}
				server.Close()
			}()
			go func() {
				_, _ = io.Copy(client, server)
				client.Close()
			}()
		}
	}()
	t.Cleanup(cutAll)
	return l.Addr().String()
}

// TestFaultsAmbiguousName loads an article, adds a stray "Putin" actor next
// to the Vladimir Putin who has "Putin" as an alias, and asks who met putin:
// an error listing both, not the rows of either.
func TestFaultsAmbiguousName(t *testing.T) {
	c := newCLI(t)
	useNeo4j(t, c)
	cfg := neo4jtest.Config(t)
	dir := files(t, map[string]string{"a.txt": article})
	if code := c.run("load", filepath.Join(dir, "a.txt")); code != 0 {
		t.Fatalf("load: exit code %d; stderr:\n%s", code, c.errOut)
	}
	neo4jtest.Exec(t, cfg, "CREATE (:Person:Actor {id: 'person:putin', name: 'Putin', aliases: [], roles: [], names: ['putin']})", nil)
	if code := c.run("query", "who-met", "--param", "name=putin"); code != exitUsage {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, exitUsage, c.errOut)
	}
	want := `actorgraph: query who-met: parameter name: "putin" matches 2 actors: Putin (Person, id person:putin), Vladimir Putin (Person, id person:vladimir putin); give a full name or an id` + "\n"
	if c.errOut.String() != want || c.out.Len() > 0 {
		t.Errorf("stderr:\n%s\nwant:\n%s\nstdout:\n%s", c.errOut, want, c.out)
	}
	for _, name := range []string{"Vladimir Putin", "person:vladimir putin", "VLADIMIR PUTIN", "Vlad\u0456mir Putin"} {
		if code := c.run("query", "who-met", "--param", "name="+name, "--format", "csv"); code != 0 || !strings.Contains(c.out.String(), "Steve Witkoff") {
			t.Errorf("who-met %q: exit code %d; stdout:\n%s\nstderr:\n%s", name, code, c.out, c.errOut)
		}
	}
	if code := c.run("query", "who-met", "--param", "name=Witkof"); code != exitUsage || !strings.Contains(c.errOut.String(), `no actor named "Witkof"; did you mean Steve Witkoff?`) {
		t.Errorf("who-met Witkof: exit code %d; stderr:\n%s", code, c.errOut)
	}
}

// TestFaultsFiles gives extract and load files that are not articles: a
// FIFO named like one, a link to /dev/zero, a file over the size limit.
// Each is refused by name within a second or two, before anything reads it
// whole or waits on it, and before Neo4j is touched (the URI points at a
// closed port).
func TestFaultsFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	zero := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.txt")
	line := []byte(strings.Repeat("Anna Berg met Tomas Lind in Oslo. ", 30) + "\n")
	if err := os.WriteFile(big, bytes.Repeat(line, (2<<20)/len(line)+1), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"NEO4J_URI": "neo4j://" + closedPort(t), "NEO4J_PASSWORD": "s3cret-pw"}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"FIFO", []string{fifo}, []string{fifo + ": not a regular file (a named pipe): only regular files are read"}},
		{"/dev/zero", []string{zero}, []string{zero + ": not a regular file", "only regular files are read"}},
		{"oversized", []string{"--max-file-size", "1", big}, []string{big + ": file too large: ", "is over the 1 MB limit (raise it with --max-file-size)"}},
	}
	for _, tt := range tests {
		for _, cmd := range []string{"extract", "load"} {
			t.Run(cmd+" "+tt.name, func(t *testing.T) {
				args := append([]string{cmd}, tt.args...)
				if cmd == "load" {
					args = append(args, "-q")
				}
				o := run{args: args, env: env, bound: 5 * time.Second}.do(t)
				o.want(t, exitInput, tt.want...)
				if o.stdout != "" {
					t.Errorf("stdout: %s", o.stdout)
				}
			})
		}
	}
}

// TestFaultsSignalDuringExtraction interrupts extract and load while they
// extract a corpus: each stops within two seconds of the signal, says
// "interrupted" and exits 130; load writes nothing.
func TestFaultsSignalDuringExtraction(t *testing.T) {
	corpus := corpusCopy(t, 300)
	env := map[string]string{"NEO4J_URI": "neo4j://" + silentPort(t), "NEO4J_PASSWORD": "s3cret-pw"}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		for _, args := range [][]string{{"extract", "--format", "json", corpus}, {"load", "-q", "--batch-size", "100000", corpus}} {
			t.Run(fmt.Sprintf("%s %v", args[0], sig), func(t *testing.T) {
				o := run{args: args, env: env, signal: sig, signalAfter: 1500 * time.Millisecond, bound: 1500*time.Millisecond + 2*time.Second}.do(t)
				o.want(t, exitInterrupted, "actorgraph: interrupted")
			})
		}
	}
}

// TestFaultsSignalDuringWrite interrupts a load in the middle of its writes
// to the real Neo4j: it exits 130 with "interrupted"; the batches written
// are whole, and a rerun gives the graph a single load gives, count for
// count.
func TestFaultsSignalDuringWrite(t *testing.T) {
	c := newCLI(t)
	useNeo4j(t, c)
	cfg := neo4jtest.Config(t)
	corpus := corpusCopy(t, 120)
	env := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_PASSWORD": cfg.Password, "NEO4J_DATABASE": cfg.Database}
	load := run{args: []string{"load", "-q", "--batch-size", "5", corpus}, env: env, bound: 3 * time.Minute}
	counts := func() string {
		r := neo4jtest.Exec(t, cfg, `MATCH (n) WITH count(n) AS nodes
			OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS rels
			OPTIONAL MATCH ()-[e:MET_WITH|ADVISES|CRITICIZED]->() RETURN nodes, rels, sum(size(e.sentences)) AS evidence`, nil)[0]
		return fmt.Sprintf("%v nodes, %v relationships, %v evidence sentences", r["nodes"], r["rels"], r["evidence"])
	}
	if o := load.do(t); o.code != 0 {
		t.Fatalf("load: exit code %d; stderr:\n%s", o.code, o.stderr)
	}
	want := counts()
	neo4jtest.Reset(t, cfg)

	// Interrupt once the first batches are in.
	interrupted := load
	interrupted.signal = os.Interrupt
	interrupted.bound = 3 * time.Minute
	done := make(chan outcome, 1)
	go func() {
		done <- interrupted.withSignalWhen(t, func() bool {
			return neo4jtest.Exec(t, cfg, "MATCH (a:Article) RETURN count(a) AS n", nil)[0]["n"].(int64) > 0
		})
	}()
	o := <-done
	o.want(t, exitInterrupted, "actorgraph: interrupted")
	if got := counts(); got == want {
		t.Logf("the load ended before the signal: %s", got)
	}
	if o := load.do(t); o.code != 0 {
		t.Fatalf("rerun: exit code %d; stderr:\n%s", o.code, o.stderr)
	}
	if got := counts(); got != want {
		t.Errorf("after an interrupted load and a rerun: %s; a single load gives %s", got, want)
	}
}

// withSignalWhen runs r and sends r.signal as soon as ready reports true
// (polled every 50 ms); the bound counts from the signal.
func (r run) withSignalWhen(t *testing.T, ready func() bool) outcome {
	t.Helper()
	bin := binary(t)
	ctx, cancel := context.WithTimeout(context.Background(), r.bound)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, r.args...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEO4J_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	for k, v := range r.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	var sent time.Time
	var err error
poll:
	for {
		select {
		case err = <-exited:
			break poll
		case <-time.After(50 * time.Millisecond):
			if sent.IsZero() && ready() {
				sent = time.Now()
				_ = cmd.Process.Signal(r.signal)
			}
		}
	}
	o := outcome{stdout: stdout.String(), stderr: stderr.String()}
	if !sent.IsZero() {
		o.took = time.Since(sent)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		o.code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if sent.IsZero() {
		t.Fatalf("the load ended before it wrote anything: exit code %d; stderr:\n%s", o.code, o.stderr)
	}
	if o.took > 2*time.Second {
		t.Errorf("the load took %v to stop after the signal, want at most 2s", o.took)
	}
	return o
}

// corpusCopy links the first n articles of the BBC sample into a new
// directory.
func corpusCopy(t *testing.T, n int) string {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/bbc/*.txt")
	if err != nil || len(paths) < n {
		t.Fatalf("want %d articles in testdata/bbc, have %d (%v)", n, len(paths), err)
	}
	dir := t.TempDir()
	for _, p := range paths[:n] {
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(abs)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
