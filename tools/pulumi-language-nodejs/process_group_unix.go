//go:build unix

package main

import (
	"os/exec"
	"sync/atomic"
	"syscall"
	"time"
)

// inOwnProcessGroup starts cmd as the leader of a process group of its own. On cancel the whole
// group gets SIGTERM (npm and the scripts and node processes it started: exec.CommandContext alone
// would signal only the leader, leaving its children running); a leader still there after grace
// is killed. Call the returned func once Run has returned: after a cancel it kills whatever is
// left in the group.
func inOwnProcessGroup(cmd *exec.Cmd, grace time.Duration) (endGroup func()) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var canceled atomic.Bool
	cmd.Cancel = func() error {
		canceled.Store(true)
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
	}
	// Wait returns once the leader is gone, without waiting on pipes a straggler holds open.
	cmd.WaitDelay = grace
	return func() {
		if canceled.Load() && cmd.Process != nil {
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		}
	}
}
