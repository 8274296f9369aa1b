// Command actorgraph extracts actor graphs from news articles, loads them into
// Neo4j and runs saved queries against them. Run "actorgraph help" for the
// commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	watchSignals(cancel, func() {
		fmt.Fprintln(os.Stderr, "actorgraph: interrupted")
		os.Exit(exitInterrupted)
	})
	code := execute(ctx, os.Args[1:], systemFactory())
	cancel()
	os.Exit(code)
}

// watchSignals cancels the context of the run at the first SIGINT or
// SIGTERM, so the command stops where it is and reports "interrupted"; at
// the second it calls exit, which ends the program at once.
func watchSignals(cancel context.CancelFunc, exit func()) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		cancel()
		<-sigs
		exit()
	}()
}
