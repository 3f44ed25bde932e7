//go:build !unix

package main

import (
	"os/exec"
	"time"
)

// inOwnProcessGroup: without Unix process groups, cancel kills npm itself (exec's default).
func inOwnProcessGroup(cmd *exec.Cmd, grace time.Duration) (endGroup func()) {
	cmd.WaitDelay = grace
	return func() {}
}
