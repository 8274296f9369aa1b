package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// UserAgent names the tool to the sites it fetches from.
const UserAgent = "actorgraph/1 (+https://github.com/actorgraph/actorgraph; news reader for an actor graph)"

// ErrStatus is the error of a response that is not 200 OK; it is wrapped
// with the status.
var ErrStatus = errors.New("HTTP status")

// Fetcher fetches pages like a good citizen: with a timeout, a size limit,
// a few retries with backoff on failures that may pass, a User-Agent naming
// the tool, and a limit on requests at once to one host. It is safe for
// concurrent use.
type Fetcher struct {
	Client   *http.Client
	Timeout  time.Duration // for one attempt, body included
	MaxBytes int64         // a larger body is an error
	Retries  int           // further attempts after a failure that may pass
	Backoff  time.Duration // wait before the first retry; doubled after each
	PerHost  int           // requests at once to one host

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

// NewFetcher returns a Fetcher with the defaults: 20 s, 10 MB, 2 retries
// from 500 ms, 2 requests at once per host.
func NewFetcher() *Fetcher {
	return &Fetcher{
		Client:   &http.Client{},
		Timeout:  20 * time.Second,
		MaxBytes: 10 << 20,
		Retries:  2,
		Backoff:  500 * time.Millisecond,
		PerHost:  2,
	}
}

// Fetch returns the body of the page at addr and its address after
// redirects.
func (f *Fetcher) Fetch(ctx context.Context, addr string) ([]byte, string, error) {
	u, err := url.Parse(addr)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, "", fmt.Errorf("not an http(s) URL")
	}
	release, err := f.acquire(ctx, u.Host)
	if err != nil {
		return nil, "", err
	}
	defer release()
	wait := f.Backoff
	for attempt := 0; ; attempt++ {
		body, final, err := f.once(ctx, addr)
		if err == nil || attempt >= f.Retries || !retryable(err) || ctx.Err() != nil {
			return body, final, err
		}
		select {
		case <-ctx.Done():
			return nil, "", ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// statusError is a response status; 429 and 5xx may pass.
type statusError struct{ code int }

func (e *statusError) Error() string {
	return fmt.Sprintf("%d %s", e.code, http.StatusText(e.code))
}
func (e *statusError) Is(target error) bool { return target == ErrStatus }

func retryable(err error) bool {
	var se *statusError
	if errors.As(err, &se) {
		return se.code == http.StatusTooManyRequests || se.code >= 500
	}
	if errors.Is(err, ErrTooLarge) {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF)
}

func (f *Fetcher) once(ctx context.Context, addr string) ([]byte, string, error) {
	if f.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return nil, "", fmt.Errorf("request: %w", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	client := f.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", timeoutError(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, "", &statusError{resp.StatusCode}
	}
	if resp.ContentLength > f.MaxBytes {
		return nil, "", fmt.Errorf("%w of %d bytes (it is %d)", ErrTooLarge, f.MaxBytes, resp.ContentLength)
	}
	body, err := readLimited(resp.Body, f.MaxBytes)
	if err != nil {
		return nil, "", timeoutError(ctx, err)
	}
	return body, resp.Request.URL.String(), nil
}

// timeoutError says "timed out" for a request that ran out of time.
func timeoutError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("timed out: %w", err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// acquire waits for a free slot for host, and returns its release.
func (f *Fetcher) acquire(ctx context.Context, host string) (func(), error) {
	n := f.PerHost
	if n <= 0 {
		n = 1
	}
	f.mu.Lock()
	if f.hosts == nil {
		f.hosts = map[string]chan struct{}{}
	}
	sem, ok := f.hosts[host]
	if !ok {
		sem = make(chan struct{}, n)
		f.hosts[host] = sem
	}
	f.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (r *Reader) fetch(ctx context.Context, addr string) ([]byte, string, error) {
	body, final, err := r.fetcher().Fetch(ctx, addr)
	if err == nil {
		r.fetched.Add(1)
	}
	return body, final, err
}
