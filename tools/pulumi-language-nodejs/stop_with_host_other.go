//go:build !linux

package main

import "os/exec"

// stopWithHost: only Linux has a parent-death signal; elsewhere node stops with the process
// group the engine signals when it cancels.
func stopWithHost(*exec.Cmd) {}
