// Command actorgraph extracts actor graphs from news articles, loads them into
// Neo4j and runs saved queries against them. Run "actorgraph help" for the
// commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := execute(ctx, os.Args[1:], systemFactory())
	stop()
	os.Exit(code)
}
