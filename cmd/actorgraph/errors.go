package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"syscall"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
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
	exitNeo4j = 4 // Neo4j is not reachable, refused the credentials, timed out or dropped the connection
	// exitInterrupted is the shell's code for a command ended by SIGINT
	// (128 + 2); SIGTERM ends it the same way.
	exitInterrupted = 130
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

// usageArgs wraps a cobra argument check so its errors show the usage and
// say what the command takes in its own words, not cobra's.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		err := check(cmd, args)
		if err == nil {
			return nil
		}
		if strings.HasPrefix(err.Error(), "unknown command ") {
			return unknownCommand(cmd, args[0], "")
		}
		want := strings.Join(strings.Fields(cmd.Use)[1:], " ")
		if want == "" {
			want = "no arguments"
		}
		got := "no arguments"
		if len(args) > 0 {
			got = plural(len(args), "argument", "arguments")
		}
		name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
		return usageErr(cmd, fmt.Errorf("%s takes %s; got %s", name, want, got))
	}
}

// unknownCommand is the usage error for a command name parent does not
// have, with the names it has that come close. via is the command that was
// asked ("help"), if not parent itself.
func unknownCommand(parent *cobra.Command, name, via string) error {
	var names []string
	for _, c := range parent.Commands() {
		if c.IsAvailableCommand() || c.Name() == "help" {
			names = append(names, c.Name())
		}
	}
	msg := fmt.Sprintf("unknown command %q", queries.Short(name))
	if via != "" {
		msg = fmt.Sprintf("%s: %s", via, msg)
	}
	if near := queries.Suggest(name, names); len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, " or ") + "?"
	}
	return usageErr(parent, fmt.Errorf("%s (commands: %s)", msg, strings.Join(names, ", ")))
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
		nerr  *neo4j.Neo4jError
		cerr  *neo4j.ConnectivityError
	)
	switch {
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &uerr),
		errors.Is(err, queries.ErrUnknownQuery), errors.Is(err, queries.ErrMissingParam),
		errors.Is(err, neo4jstore.ErrNoActor), errors.Is(err, neo4jstore.ErrAmbiguousActor),
		errors.Is(err, neo4jstore.ErrBadURI):
		return exitUsage
	case errors.As(err, &ierr), errors.As(err, &ierrs),
		errors.Is(err, extract.ErrEmpty), errors.Is(err, extract.ErrBinary):
		return exitInput
	case errors.Is(err, neo4jstore.ErrUnavailable), errors.Is(err, neo4jstore.ErrAuth),
		errors.Is(err, neo4jstore.ErrRateLimited), errors.Is(err, neo4jstore.ErrTimeout),
		errors.As(err, &cerr), errors.As(err, &nerr), neo4j.IsConnectivityError(err):
		// Neo4jError: the server refused the work (a constraint, memory,
		// a transaction it ended); ConnectivityError: the connection broke.
		return exitNeo4j
	}
	return exitError
}

// Patterns of cobra's and pflag's own messages, put in our words by report.
var (
	reCobraUnknown  = regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`)
	reCobraRequired = regexp.MustCompile(`^required flag\(s\) (.*) not set$`)
	reFlagInvalid   = regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: (.*)$`)
	// Package names that must not reach a user.
	rePackage = regexp.MustCompile(`\bneo4jstore: `)
)

// message is err's text for the user: cobra's phrasing replaced, package
// names taken out.
func message(root *cobra.Command, err error) (string, error) {
	msg := err.Error()
	if errors.Is(err, context.Canceled) {
		return "interrupted", err
	}
	if m := reCobraUnknown.FindStringSubmatch(msg); m != nil {
		parent := root
		if root != nil {
			if c, _, ferr := root.Root().Find(strings.Fields(m[2])[1:]); ferr == nil && c != nil {
				parent = c
			}
		}
		if parent != nil {
			err = unknownCommand(parent, m[1], "")
			return err.Error(), err
		}
	}
	if m := reCobraRequired.FindStringSubmatch(msg); m != nil {
		var flags []string
		for _, f := range strings.Split(m[1], ",") {
			flags = append(flags, "--"+strings.Trim(strings.TrimSpace(f), `"`))
		}
		msg = strings.Join(flags, ", ") + " is required"
	}
	if m := reFlagInvalid.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s %q: %s", m[2], queries.Short(m[1]), m[3])
	}
	return rePackage.ReplaceAllString(msg, ""), err
}

// report writes err for the user, one line per problem prefixed with the
// program name, and the usage after flag and argument errors; it returns the
// exit code.
func report(w io.Writer, cmd *cobra.Command, err error) int {
	msg, err := message(cmd, err)
	code := exitCode(err)
	// cobra's own argument errors (unknown command or flag) come without
	// a usage error around them.
	if strings.HasPrefix(msg, "unknown flag") || strings.HasPrefix(msg, "unknown shorthand flag") || strings.HasPrefix(msg, "flag needs an argument") {
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
