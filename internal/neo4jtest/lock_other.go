//go:build !unix

package neo4jtest

import "os"

// lockFile does nothing where flock is missing: run go test -p 1 there.
func lockFile(f *os.File) error { return nil }

// unlockFile does nothing where flock is missing.
func unlockFile(f *os.File) error { return nil }
