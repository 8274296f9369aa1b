package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/graph/neo4jstore"
	"github.com/actorgraph/actorgraph/queries"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // anything not below
	exitUsage = 2 // bad flags or arguments, unknown query, missing parameter, no such actor
	exitInput = 3 // an input file is missing, empty, binary or unreadable
	exitNeo4j = 4 // Neo4j is not reachable or refused the credentials

	exitInterrupted = 130 // stopped by SIGINT or SIGTERM (128 + SIGINT, as shells do)
)

// usageError is a mistake in the command line. With showUsage the command's
// usage follows the message.
type usageError struct {
	err       error
	cmd       *cobra.Command
	showUsage bool
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usageErr reports a flag or argument error of cmd, with its usage.
func usageErr(cmd *cobra.Command, err error) error {
	return &usageError{err: err, cmd: cmd, showUsage: true}
}

// argsErr is a usage error for a bad argument whose message says what is
// expected, so the usage is not shown.
func argsErr(err error) error { return &usageError{err: err} }

// usageArgs wraps a cobra argument check so its errors show the usage.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageErr(cmd, err)
		}
		return nil
	}
}

// InputError is a problem with one input file.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string {
	return e.Path + ": " + strings.ReplaceAll(reason(e.Err), "\n", "; ")
}
func (e *InputError) Unwrap() error { return e.Err }

// reason is why an input failed, without the path the error may repeat.
func reason(err error) string {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		switch {
		case errors.Is(perr.Err, fs.ErrNotExist):
			return "no such file or directory"
		case errors.Is(perr.Err, fs.ErrPermission):
			return "permission denied"
		case errors.Is(perr.Err, syscall.EISDIR):
			return "is a directory"
		}
		return perr.Err.Error()
	}
	return err.Error()
}

// InputErrors are the problems found in several input files, reported
// together so a user can fix them all at once.
type InputErrors []*InputError

func (l InputErrors) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Err returns l as an error, or nil when it is empty.
func (l InputErrors) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// exitCode classifies err.
func exitCode(err error) int {
	var (
		uerr  *usageError
		ierr  *InputError
		ierrs InputErrors
	)
	switch {
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &uerr),
		errors.Is(err, queries.ErrUnknownQuery), errors.Is(err, queries.ErrMissingParam),
		errors.Is(err, neo4jstore.ErrNoActor), errors.Is(err, neo4jstore.ErrAmbiguousActor):
		return exitUsage
	case errors.As(err, &ierr), errors.As(err, &ierrs),
		errors.Is(err, extract.ErrEmpty), errors.Is(err, extract.ErrBinary):
		return exitInput
	case errors.Is(err, neo4jstore.ErrUnavailable), errors.Is(err, neo4jstore.ErrAuth):
		return exitNeo4j
	}
	return exitError
}

// report writes err for the user, one line per problem prefixed with the
// program name, and the usage after flag and argument errors; it returns the
// exit code.
func report(w io.Writer, cmd *cobra.Command, err error) int {
	code := exitCode(err)
	msg := err.Error()
	if errors.Is(err, context.Canceled) {
		msg = "interrupted"
	}
	// cobra's own argument errors (unknown command or flag) come without
	// a usage error around them.
	if strings.HasPrefix(msg, "unknown command ") || strings.HasPrefix(msg, "unknown flag") || strings.HasPrefix(msg, "unknown shorthand flag") {
		code = exitUsage
		err = usageErr(cmd, err)
	}
	for _, line := range strings.Split(msg, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			fmt.Fprintf(w, "actorgraph: %s\n", line)
		}
	}
	var uerr *usageError
	if errors.As(err, &uerr) && uerr.showUsage {
		c := uerr.cmd
		if c == nil {
			c = cmd
		}
		if c != nil {
			fmt.Fprintf(w, "\n%s", c.UsageString())
		}
	}
	return code
}
