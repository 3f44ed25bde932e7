package main

import (
	"fmt"
	"os"
	"time"
)

// exitWhenOrphaned ends the host when the process that started it (the CLI) is gone, for
// instance killed with SIGKILL, which leaves no one to stop us. Running programs then get
// SIGTERM from the kernel (see stopWithHost).
func exitWhenOrphaned(every time.Duration) {
	parent := os.Getppid()
	if parent <= 1 {
		return // started by init or a subreaper: nothing to watch
	}
	go func() {
		for range time.Tick(every) {
			if os.Getppid() != parent {
				fmt.Fprintln(os.Stderr, "pulumi-language-nodejs: the Pulumi CLI that started this host is gone; stopping")
				os.Exit(1)
			}
		}
	}()
}
