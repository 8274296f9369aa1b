package main

import (
	"fmt"
	"os"

	"github.com/spf13/pflag"

	"github.com/actorgraph/actorgraph/extract"
	"github.com/actorgraph/actorgraph/extract/relate"
)

// ModelOptions choose the relation model and how sure it must be; extract,
// load, eval and sample take them.
type ModelOptions struct {
	// Path is a model file written by `actorgraph train`; "" is the model
	// that ships with actorgraph.
	Path string
	// MinConfidence is the confidence a relationship needs, 0 to 1; a
	// negative value means the model's own threshold.
	MinConfidence float64
}

// register adds the --model and --min-confidence flags.
func (m *ModelOptions) register(fs *pflag.FlagSet) {
	fs.StringVar(&m.Path, "model", "", "relation model file written by `actorgraph train` (default: the model that ships with actorgraph)")
	fs.Float64Var(&m.MinConfidence, "min-confidence", -1, "confidence a relationship needs, 0 to 1 (default: the model's threshold, chosen on dev for precision)")
}

// options turns the choices into extractor options.
func (m *ModelOptions) options() ([]extract.Option, error) {
	var opts []extract.Option
	if m.Path != "" {
		f, err := os.Open(m.Path)
		if err != nil {
			return nil, &InputError{Path: m.Path, Err: err}
		}
		defer f.Close()
		rm, err := relate.ReadModel(f)
		if err != nil {
			return nil, &InputError{Path: m.Path, Err: fmt.Errorf("not a relation model: %w", err)}
		}
		opts = append(opts, extract.WithModel(rm))
	}
	if m.MinConfidence > 1 {
		return nil, argsErr(fmt.Errorf("--min-confidence %g: must be between 0 and 1", m.MinConfidence))
	}
	if m.MinConfidence >= 0 {
		opts = append(opts, extract.WithMinConfidence(m.MinConfidence))
	}
	return opts, nil
}
