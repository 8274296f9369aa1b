package browser_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the Chromium to drive: $CHROMIUM, else the first of the
// usual names on PATH. Without one the test skips, except on CI.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium found (set CHROMIUM, or apt-get install chromium)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (CI=true: the real-browser test must run)")
	}
	t.Skip(msg)
	return ""
}

// screenshotDir is where the end-to-end test saves its screenshots:
// $BROWSER_SCREENSHOTS, else .neo4j-local/screenshots at the repository root.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("BROWSER_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(repoRoot(t), ".neo4j-local", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowserRunsWhoMetFromTheGuide is what an analyst does: open Browser,
// connect with the password, find the guide of saved queries open, go to
// who-met, set its parameters (Putin) and run it, one click each, and read
// Witkoff and Kushner in the result.
func TestBrowserRunsWhoMetFromTheGuide(t *testing.T) {
	s := localServer(t)
	exe := chromium(t)
	lockDatabase(t)
	loadArticle(t)
	shots := screenshotDir(t)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.WindowSize(1400, 1000),
		chromedp.UserDataDir(t.TempDir()), // no stored credentials or guides from elsewhere
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithLogf(t.Logf))
	defer cancel()
	// The first Do starts Chromium; it lives as long as ctx.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}

	n := 0
	// step runs actions with a time limit, then saves a screenshot named after
	// the step, whether the actions worked or not.
	step := func(name string, timeout time.Duration, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		n++
		c, cancel := context.WithTimeout(ctx, timeout)
		err := chromedp.Do(c, actions...)
		cancel()
		c, cancel = context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if png, serr := chromedp.Run(c, chromedp.FullScreenshot(100)); serr == nil {
			path := filepath.Join(shots, fmt.Sprintf("%02d-%s.png", n, name))
			if werr := os.WriteFile(path, png, 0o644); werr != nil {
				t.Error(werr)
			} else {
				t.Logf("screenshot: %s", path)
			}
		}
		if err != nil {
			t.Fatalf("step %s: %v", name, err)
		}
	}

	step("connect", 90*time.Second,
		chromedp.Navigate(s.Browser),
		chromedp.WaitVisible(`[data-testid="password"]`),
		chromedp.SendKeys(`[data-testid="username"]`, "neo4j"),
		chromedp.SendKeys(`[data-testid="password"]`, os.Getenv("NEO4J_PASSWORD")),
		chromedp.Click(`[data-testid="connect"]`),
		// The guide opens by itself after connecting (browser.post_connect_cmd).
		chromedp.WaitVisible(`//*[@data-testid="guidesDrawer"]//h3[text()="actorgraph: saved queries"]`),
	)
	// The style came with the connection too: Browser shows the :style frame with
	// the colour of Person.
	step("style", 30*time.Second,
		chromedp.WaitVisible(`//*[@data-testid="stream"]//*[@data-testid="frame"][.//*[contains(text(), "actorgraph.grass")]]//*[contains(text(), "node.Person")]`),
	)
	step("guide-who-met", 30*time.Second,
		chromedp.Click(`//*[@data-testid="guidesDrawer"]//a[b[text()="who-met"]]`),
		chromedp.WaitVisible(`//*[@data-testid="guidesDrawer"]//h3[text()="who-met"]`),
	)
	step("params", 30*time.Second,
		// The play icon Browser puts at the start of a runnable block runs it.
		chromedp.Click(`//*[@data-testid="guidesDrawer"]//pre[@data-block="params"]/i`),
		chromedp.WaitVisible(`//*[@data-testid="stream"]//*[contains(text(), "Successfully set your parameters")]`),
	)
	step("who-met-result", 60*time.Second,
		chromedp.Click(`//*[@data-testid="guidesDrawer"]//pre[@data-block="query"]/i`),
		chromedp.WaitVisible(`//*[@data-testid="stream"]//td[contains(., "Steve Witkoff")]`),
	)

	c, cancelText := context.WithTimeout(ctx, 20*time.Second)
	defer cancelText()
	frame, err := chromedp.Run(c, chromedp.Text(chromedp.CSS(`[data-testid="frame"]`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Vladimir Putin", "Steve Witkoff", "Jared Kushner"} {
		if !strings.Contains(frame, want) {
			t.Errorf("the who-met frame does not show %q:\n%.2000s", want, frame)
		}
	}

	// Drawn as a graph, people take the colour of the style.
	step("graph", 60*time.Second,
		chromedp.SendKeys(`[data-testid="activeEditor"] textarea`, "MATCH p=(:Person)-[:MET_WITH]-(:Person) RETURN p"),
		chromedp.Click(`[data-testid="editor-Run"]`),
		chromedp.WaitVisible(`//*[@data-testid="stream"]//*[@data-testid="frame"][1]//*[name()="g"][contains(@class, "node")]`),
		chromedp.Sleep(3*time.Second), // let the layout settle for the screenshot
	)
	c, cancelFill := context.WithTimeout(ctx, 20*time.Second)
	defer cancelFill()
	fills, err := chromedp.Run(c, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('[data-testid="frame"] svg g.node circle.b-outline')).map(c => (c.getAttribute('fill') || '').toUpperCase())`))
	if err != nil {
		t.Fatal(err)
	}
	if len(fills) == 0 {
		t.Fatal("the graph frame has no node circles")
	}
	for _, f := range fills {
		if f != "#4C8EDA" {
			t.Errorf("a Person node is drawn %s, want #4C8EDA from browser/actorgraph.grass (all: %v)", f, fills)
			break
		}
	}
}
