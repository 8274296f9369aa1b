package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is the release, set at build time with
// -ldflags "-X main.version=v1.2.3"; when empty, the module version and VCS
// revision recorded in the binary are used.
var version = ""

// VersionOptions are the inputs of the version command.
type VersionOptions struct {
	Factory *Factory
}

func newVersionCmd(f *Factory) *cobra.Command {
	opts := &VersionOptions{Factory: f}
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of actorgraph",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVersion(cmd.Context(), opts)
		},
	}
}

func runVersion(_ context.Context, opts *VersionOptions) error {
	_, err := fmt.Fprintln(opts.Factory.IO.Out, versionString())
	return err
}

// versionString is "actorgraph VERSION (REVISION, GOVERSION)".
func versionString() string {
	v, rev, dirty := version, "", false
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	extra := runtime.Version()
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if dirty {
			rev += "-dirty"
		}
		extra = rev + ", " + extra
	}
	return fmt.Sprintf("actorgraph %s (%s)", v, extra)
}
