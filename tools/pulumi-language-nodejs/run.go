package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// exitAfterLoggedError is the exit code of @pulumi/pulumi's runner when it has already reported
// the program's error to the engine (nodeJSProcessExitedAfterLoggingUserActionableMessage).
const exitAfterLoggedError = 32

// cancelGrace is how long a canceled program gets after SIGINT before it is killed.
const cancelGrace = 10 * time.Second

// Run runs the program as
//
//	node [nodeargs] <@pulumi/pulumi/cmd/run> --monitor=… --engine=… --project=… --stack=…
//	     --pwd=<program folder> --root-directory=… --parallel=N [--dry-run] <entry point> [args]
//
// in the program folder, with node's stdout and stderr on ours (the engine shows both).
func (h *nodeHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	cwd, _ := os.Getwd()
	programDir := firstNonEmpty(info.GetProgramDirectory(), req.GetPwd(), cwd)
	rootDir := firstNonEmpty(info.GetRootDirectory(), h.cl.root, programDir)
	entry := firstNonEmpty(info.GetEntryPoint(), req.GetProgram(), ".")
	opts := h.runOptions(info.GetOptions())

	node, err := exec.LookPath("node")
	if err != nil {
		return &pulumirpc.RunResponse{Error: "node is not on PATH: install Node.js to run this program"}, nil
	}
	runner, err := resolveRunner(ctx, node, programDir, rootDir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	env, err := programEnv(req, opts)
	if err != nil {
		return nil, fmt.Errorf("could not encode the stack config: %w", err)
	}

	args := append(append([]string{}, opts.nodeargs...), runner)
	args = append(args, runnerFlags(req, h.engine(), programDir, rootDir, h.cl.tracing)...)
	args = append(args, entry)
	args = append(args, req.GetArgs()...)
	h.logf("running %s %s in %s", node, strings.Join(args, " "), programDir)

	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = programDir
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	// Canceled by the engine: ask node to stop as Ctrl-C would, then kill it after a grace period.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = cancelGrace
	stopWithHost(cmd)
	return runResult(ctx, cmd.Run(), programDir), nil
}

// runnerFlags are the flags of @pulumi/pulumi's cmd/run (see its usage text), in `--k=v` form so
// that an empty value cannot be taken for the next flag.
func runnerFlags(req *pulumirpc.RunRequest, engine, programDir, rootDir, tracing string) []string {
	flags := []string{"--monitor=" + req.GetMonitorAddress()}
	add := func(name, value string) {
		if value != "" {
			flags = append(flags, "--"+name+"="+value)
		}
	}
	add("engine", engine)
	add("organization", req.GetOrganization())
	add("project", req.GetProject())
	add("stack", req.GetStack())
	add("pwd", programDir)
	add("root-directory", rootDir)
	add("parallel", strconv.Itoa(int(req.GetParallel())))
	add("tracing", tracing)
	if req.GetDryRun() {
		flags = append(flags, "--dry-run")
	}
	return flags
}

// runResult turns node's exit into the RunResponse the engine expects: nothing on success,
// Bail when the runner already reported the error (so the engine adds no second message), and
// an error message otherwise.
func runResult(ctx context.Context, err error, programDir string) *pulumirpc.RunResponse {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}
	case errors.As(err, &exit) && exit.ExitCode() == exitAfterLoggedError:
		return &pulumirpc.RunResponse{Bail: true}
	case ctx.Err() != nil:
		return &pulumirpc.RunResponse{Error: "the program was canceled"}
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("the Node.js program in %s exited with code %d", programDir, exit.ExitCode())}
	case errors.As(err, &exit):
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("the Node.js program in %s was stopped: %s", programDir, exit.String())}
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not start node for the program in %s: %v", programDir, err)}
	}
}
