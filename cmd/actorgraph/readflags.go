package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/actorgraph/actorgraph/internal/source"
)

// ReadFlags are the flags of the commands that read a corpus: how it is cut
// in batches, the limits on each file, the share of it this run takes and
// whether progress is shown.
type ReadFlags struct {
	BatchSize   int
	MaxFileMB   int
	ReadTimeout time.Duration
	Shard       string // "i/n", empty for the whole corpus
	Quiet       bool
	// TopLevel reads only the files directly in a directory; FetchTimeout
	// bounds one attempt at fetching a page or feed.
	TopLevel     bool
	FetchTimeout time.Duration
}

func (r *ReadFlags) register(fs *pflag.FlagSet, shard bool) {
	fs.IntVar(&r.BatchSize, "batch-size", defaultBatchSize, "articles read, extracted and written together; memory holds a few batches at most")
	fs.IntVar(&r.MaxFileMB, "max-file-size", defaultMaxFileSize>>20, "largest article file read, in MB")
	fs.DurationVar(&r.ReadTimeout, "read-timeout", defaultReadTimeout, "longest time reading one file may take")
	fs.BoolVarP(&r.Quiet, "quiet", "q", false, "show no progress on stderr")
	fs.BoolVar(&r.TopLevel, "top-level", false, "read only the files directly in a directory, not those of its subfolders")
	fs.DurationVar(&r.FetchTimeout, "fetch-timeout", 20*time.Second, "longest time one attempt at fetching a page or feed may take")
	if shard {
		fs.StringVar(&r.Shard, "shard", "", "load only shard `i/n` of the files (1 <= i <= n): every n-th file from the i-th, so n loads with 1/n .. n/n take each file once")
	}
}

// check reports flag values that make no sense.
func (r *ReadFlags) check() error {
	switch {
	case r.BatchSize < 1:
		return fmt.Errorf("--batch-size %d: want 1 or more", r.BatchSize)
	case r.MaxFileMB < 1:
		return fmt.Errorf("--max-file-size %d: want 1 (MB) or more", r.MaxFileMB)
	case r.ReadTimeout <= 0:
		return fmt.Errorf("--read-timeout %s: want a positive duration such as 30s", r.ReadTimeout)
	case r.FetchTimeout <= 0:
		return fmt.Errorf("--fetch-timeout %s: want a positive duration such as 20s", r.FetchTimeout)
	}
	_, _, err := r.shard()
	return err
}

// limits are the reading limits the flags set.
func (r *ReadFlags) limits() ReadLimits {
	return ReadLimits{MaxBytes: int64(r.MaxFileMB) << 20, Timeout: r.ReadTimeout}
}

// shard parses --shard: i counts from 1; n is 0 without the flag.
func (r *ReadFlags) shard() (i, n int, err error) {
	if r.Shard == "" {
		return 0, 0, nil
	}
	a, b, ok := strings.Cut(r.Shard, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return 0, 0, fmt.Errorf("--shard %q: want i/n with 1 <= i <= n, such as 1/4", r.Shard)
	}
	return i, n, nil
}

// source returns the source of the articles in args, this run's shard of
// them. The files of a directory that are not read are named on errOut
// with the reason.
func (r *ReadFlags) source(args []string, errOut io.Writer) (*fileSource, map[string]int, error) {
	i, n, err := r.shard()
	if err != nil {
		return nil, nil, err
	}
	fetcher := source.NewFetcher()
	fetcher.Timeout = r.FetchTimeout
	fetcher.MaxBytes = r.limits().MaxBytes
	reader := &source.Reader{
		Fetcher:  fetcher,
		TopLevel: r.TopLevel,
		Skipped:  func(path, why string) { fmt.Fprintf(errOut, "skipped %s: %s\n", path, why) },
	}
	return newFileSource(args, r.limits(), i, n, reader)
}
