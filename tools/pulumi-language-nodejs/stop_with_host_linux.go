package main

import (
	"os/exec"
	"syscall"
)

// stopWithHost has the kernel send node SIGTERM should this host die first (killed by the
// engine, or by a signal), so no program outlives it. node stays in our process group, which
// the engine signals as a whole when it cancels.
func stopWithHost(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
