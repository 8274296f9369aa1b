package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/actorgraph/actorgraph/graph"
)

// corpus writes n distinct articles into a new directory.
func corpus(t *testing.T, n int) string {
	t.Helper()
	contents := map[string]string{}
	for i := range n {
		contents[fmt.Sprintf("%03d.txt", i)] = fmt.Sprintf("Witkoff met Putin in Moscow, report %d.\nThe talks lasted five hours.\n", i)
	}
	return files(t, contents)
}

// TestLoadBatches checks that load writes one batch per transaction, says
// how each went off a terminal, and says nothing with --quiet.
func TestLoadBatches(t *testing.T) {
	dir := corpus(t, 5)
	tests := []struct {
		args   []string
		writes int
		lines  int
	}{
		{[]string{"load", "--batch-size", "2", dir}, 3, 3},
		{[]string{"load", "--batch-size", "2", "--quiet", dir}, 3, 0},
		{[]string{"load", "--batch-size", "5", dir}, 1, 0}, // one batch: the summary says it all
		{[]string{"load", dir}, 1, 0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[1:len(tt.args)-1], " "), func(t *testing.T) {
			c := newCLI(t)
			if code := c.run(tt.args...); code != 0 {
				t.Fatalf("exit code %d; stderr:\n%s", code, c.errOut)
			}
			if len(c.store.graphs) != tt.writes {
				t.Errorf("%d writes, want %d", len(c.store.graphs), tt.writes)
			}
			articles := 0
			for _, g := range c.store.graphs {
				articles += len(g.Articles)
			}
			if articles != 5 {
				t.Errorf("wrote %d articles, want 5", articles)
			}
			lines := c.stderrLines()
			if len(lines) != tt.lines {
				t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), tt.lines, c.errOut)
			}
			if tt.lines > 0 && !strings.HasPrefix(lines[len(lines)-1], "batch 3: 5 of 5 articles, 3 relationships, ") {
				t.Errorf("last progress line %q", lines[len(lines)-1])
			}
			if !strings.Contains(c.out.String(), "Loaded 5 article files") {
				t.Errorf("summary:\n%s", c.out)
			}
		})
	}
}

// TestLoadLeavesOutBadArticles checks that an article found bad while the
// load streams is not written while the good ones are, and that it is
// reported with the exit code of bad input.
func TestLoadLeavesOutBadArticles(t *testing.T) {
	dir := files(t, map[string]string{"a.txt": article, "b.txt": png, "c.txt": "Kushner met Putin.\n", "d.txt": " \n \n"})
	c := newCLI(t)
	if code := c.run("load", "--batch-size", "2", dir); code != exitInput {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitInput, c.errOut)
	}
	var sources []string
	for _, g := range c.store.graphs {
		for _, a := range g.Articles {
			sources = append(sources, filepath.Base(a.Source))
		}
	}
	if got := strings.Join(sources, ","); got != "a.txt,c.txt" {
		t.Errorf("wrote %s, want a.txt,c.txt", got)
	}
	errs := []string{}
	for _, l := range c.stderrLines() {
		if !strings.HasPrefix(l, "batch ") {
			errs = append(errs, l)
		}
	}
	want := []string{
		"actorgraph: " + filepath.Join(dir, "b.txt") + ": not a text file: it is binary or not UTF-8",
		"actorgraph: " + filepath.Join(dir, "d.txt") + ": no article text: the file is empty",
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(c.out.String(), "Loaded 2 article files") {
		t.Errorf("summary:\n%s", c.out)
	}
}

// TestReadLimits checks that inputs that are not regular files, or are too
// big, are refused by name before anything is read, with a one-line error.
func TestReadLimits(t *testing.T) {
	dir := files(t, map[string]string{"big.txt": strings.Repeat("Witkoff met Putin. ", 60000)})
	fifo := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.txt")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"fifo", []string{"extract", fifo}, exitInput, fifo + ": not a regular file (a named pipe): only regular files are read"},
		{"dev zero", []string{"load", zero}, exitInput, zero + ": not a regular file (a character device): only regular files are read"},
		{"too large", []string{"extract", "--max-file-size", "1", big}, exitInput, big + ": file too large: 1.1 MB is over the 1 MB limit (raise it with --max-file-size)"},
		{"limit raised", []string{"extract", "--max-file-size", "2", big}, 0, ""},
		{"bad limit", []string{"extract", "--max-file-size", "0", big}, exitUsage, "--max-file-size 0: want 1 (MB) or more"},
		{"bad shard", []string{"load", "--shard", "5/4", big}, exitUsage, `--shard "5/4": want i/n with 1 <= i <= n, such as 1/4`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			done := make(chan int)
			go func() { done <- c.run(tt.args...) }()
			var code int
			select {
			case code = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("still reading after 10s")
			}
			if code != tt.code {
				t.Fatalf("exit code %d, want %d; stderr:\n%s", code, tt.code, c.errOut)
			}
			if tt.want == "" {
				return
			}
			lines := c.stderrLines()
			if len(lines) == 0 || lines[0] != "actorgraph: "+tt.want {
				t.Errorf("stderr:\n%s\nwant first line: actorgraph: %s", c.errOut, tt.want)
			}
			if len(c.opened) > 0 {
				t.Errorf("opened the database")
			}
		})
	}
}

// TestReadTimeout checks that a read that takes too long is given up, by
// name, with the limit in the message.
func TestReadTimeout(t *testing.T) {
	path := filepath.Join(files(t, map[string]string{"a.txt": article}), "a.txt")
	// No regular file is slow to read here, so the deadline is one that has
	// already passed as the read begins.
	_, err := readArticle(context.Background(), path, ReadLimits{MaxBytes: 1 << 20, Timeout: time.Nanosecond})
	if err == nil {
		t.Skip("the read won the race against a 1ns deadline")
	}
	if !errors.Is(err, ErrReadTimeout) || !strings.Contains(err.Error(), "--read-timeout") {
		t.Errorf("error %v, want one naming the read timeout", err)
	}
}

// TestExtractStreams checks that json comes out the same whatever the batch
// size when every article is in one batch, is valid JSON holding every
// article when there are several, and that jsonl gives one graph per line.
func TestExtractStreams(t *testing.T) {
	dir := corpus(t, 5)
	run := func(args ...string) string {
		t.Helper()
		c := newCLI(t)
		if code := c.run(args...); code != 0 {
			t.Fatalf("%v: exit code %d; stderr:\n%s", args, code, c.errOut)
		}
		return c.out.String()
	}
	whole := run("extract", "--format", "json", dir)
	if again := run("extract", "--format", "json", "--batch-size", "5", dir); again != whole {
		t.Errorf("json differs with --batch-size 5:\n%s\nwant:\n%s", again, whole)
	}
	var g graph.Graph
	if err := json.Unmarshal([]byte(whole), &g); err != nil || len(g.Articles) != 5 || len(g.Entities) != 2 || len(g.Relations) != 1 {
		t.Errorf("json: %v, %d articles, %d entities, %d relations", err, len(g.Articles), len(g.Entities), len(g.Relations))
	}
	batched := run("extract", "--format", "json", "--batch-size", "2", dir)
	var b graph.Graph
	if err := json.Unmarshal([]byte(batched), &b); err != nil || len(b.Articles) != 5 {
		t.Fatalf("json in batches: %v, %d articles", err, len(b.Articles))
	}
	var merged graph.Graph
	merged.Merge(&b)
	if len(merged.Entities) != 2 || len(merged.Relations) != 1 || len(merged.Relations[0].Evidence) != 5 {
		t.Errorf("json in batches merges into %d entities, %d relations", len(merged.Entities), len(merged.Relations))
	}
	lines := strings.Split(strings.TrimSuffix(run("extract", "--format", "jsonl", "--batch-size", "2", dir), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("jsonl: %d lines, want 5", len(lines))
	}
	for i, l := range lines {
		var one graph.Graph
		if err := json.Unmarshal([]byte(l), &one); err != nil || len(one.Articles) != 1 || filepath.Base(one.Articles[0].Source) != fmt.Sprintf("%03d.txt", i) {
			t.Errorf("jsonl line %d: %v: %s", i+1, err, l)
		}
	}
	script := run("extract", "--format", "cypher", "--batch-size", "2", dir)
	if n := strings.Count(script, "CREATE CONSTRAINT article_id"); n != 1 {
		t.Errorf("cypher holds the schema %d times, want once", n)
	}
	if n := strings.Count(script, ":param articles =>"); n != 3 {
		t.Errorf("cypher holds %d batches of articles, want 3", n)
	}
}

// blockingExtractor never finishes an article until released.
type blockingExtractor struct{ release chan struct{} }

func (x blockingExtractor) Extract(source string, text []byte) (*graph.Graph, error) {
	<-x.release
	return fakeExtractor{}.Extract(source, text)
}

// TestCancelDuringExtraction checks that a cancelled run stops at once, even
// with an article still being extracted, says "interrupted", exits 130 and
// writes nothing.
func TestCancelDuringExtraction(t *testing.T) {
	dir := corpus(t, 20)
	for _, cmd := range []string{"extract", "load"} {
		t.Run(cmd, func(t *testing.T) {
			c := newCLI(t)
			x := blockingExtractor{release: make(chan struct{})}
			defer close(x.release)
			c.f.Extractor = func() (Extractor, error) { return x, nil }
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan int)
			go func() { done <- execute(ctx, []string{cmd, "--batch-size", "4", dir}, c.f) }()
			time.Sleep(100 * time.Millisecond)
			cancel()
			select {
			case code := <-done:
				if code != exitInterrupted {
					t.Errorf("exit code %d, want %d", code, exitInterrupted)
				}
			case <-time.After(time.Second):
				t.Fatal("still running 1s after the cancel")
			}
			if got := c.errOut.String(); got != "actorgraph: interrupted\n" {
				t.Errorf("stderr %q", got)
			}
			if len(c.store.graphs) > 0 || c.out.Len() > 0 {
				t.Errorf("wrote %d graphs and %d bytes of output", len(c.store.graphs), c.out.Len())
			}
		})
	}
}

// TestSignals runs the real program on the BBC corpus and interrupts it:
// SIGINT and SIGTERM stop it within a second with "interrupted" and exit
// code 130.
func TestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	dir := copies(t, "../../testdata/bbc", 4)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "extract", "--format", "json", dir)
			stderr := &lockedBuffer{}
			cmd.Stderr = stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The signal goes once the first batch is done: the program has
			// started (the page reader's date parser takes about 0.5 s), the
			// models are loaded and extraction runs.
			for deadline := time.Now().Add(20 * time.Second); !strings.Contains(stderr.String(), "batch 1:") && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond)
			}
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			took := time.Since(sent)
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
				t.Errorf("exit %v, want code %d; stderr:\n%s", err, exitInterrupted, stderr.String())
			}
			if took > time.Second {
				t.Errorf("took %s to stop", took)
			}
			lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
			if lines[len(lines)-1] != "actorgraph: interrupted" {
				t.Errorf("stderr %q", stderr.String())
			}
			for _, l := range lines[:len(lines)-1] {
				if !strings.HasPrefix(l, "batch ") {
					t.Errorf("stderr %q", stderr.String())
				}
			}
		})
	}
}

// lockedBuffer is a bytes.Buffer a process writes to while a test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// buildBinary builds the program into a temporary directory.
func buildBinary(t testing.TB) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	bin := filepath.Join(t.TempDir(), "actorgraph")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// copies writes n copies of the .txt files of dir into one new directory,
// each with a line of its own so that every copy is a distinct article.
func copies(t testing.TB, dir string, n int) string {
	t.Helper()
	out := t.TempDir()
	copyCorpus(t, dir, out, n)
	return out
}

// TestSecondSignalExits checks that the first signal cancels the run and the
// second ends the program without waiting for it.
func TestSecondSignalExits(t *testing.T) {
	cancelled := make(chan struct{})
	exited := make(chan struct{})
	watchSignals(func() { close(cancelled) }, func() { close(exited) })
	self, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	for i, ch := range []chan struct{}{cancelled, exited} {
		if err := self.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
		select {
		case <-ch:
		case <-time.After(time.Second):
			t.Fatalf("signal %d: nothing happened", i+1)
		}
	}
}
