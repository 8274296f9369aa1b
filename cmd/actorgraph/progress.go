package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress tells on stderr how a long run goes. On a terminal it draws a bar
// (articles done of the total, rate, time left, relationships so far); off a
// terminal it writes one line per batch, and nothing when the whole run is
// one batch, whose summary the command prints anyway. Quiet silences both.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	bar   *progressbar.ProgressBar // on a terminal
	lines bool                     // off a terminal: a line per batch
	total int                      // -1 when unknown
	start time.Time
	now   func() time.Time
}

// newProgress returns the progress of a run that started at start over
// total inputs (-1 when not known) cut in batches of batchSize.
func newProgress(f *Factory, start time.Time, total, batchSize int, quiet bool) *progress {
	p := &progress{w: f.IO.ErrOut, total: total, now: f.Now, start: start}
	if quiet {
		return p
	}
	if file, ok := f.IO.ErrOut.(*os.File); ok && isTerminal(file) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(file),
			progressbar.OptionSetDescription("extracting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
		)
		return p
	}
	p.lines = total < 0 || total > batchSize
	return p
}

// article counts one input handled; it is safe for concurrent use.
func (p *progress) article() {
	if p.bar != nil {
		_ = p.bar.Add(1)
	}
}

// batch reports a batch done; relationships is how many there are so far.
func (p *progress) batch(b *batch, relationships int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Describe(fmt.Sprintf("%s so far", plural(relationships, "relationship", "relationships")))
		return
	}
	if !p.lines {
		return
	}
	took := p.now().Sub(p.start)
	rate := 0.0
	if took > 0 {
		rate = float64(b.Done) / took.Seconds()
	}
	of := ""
	left := ""
	if p.total >= 0 {
		of = fmt.Sprintf(" of %d", p.total)
		if rate > 0 {
			left = fmt.Sprintf(", %s left", time.Duration(float64(p.total-b.Done)/rate*float64(time.Second)).Round(time.Second))
		}
	}
	fmt.Fprintf(p.w, "batch %d: %d%s articles, %s, %.0f articles/s%s\n",
		b.Seq, b.Done, of, plural(relationships, "relationship", "relationships"), rate, left)
}

// finish removes the bar.
func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
