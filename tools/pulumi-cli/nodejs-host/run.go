package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

// exitAfterLoggedError is @pulumi/pulumi's exit code for "the error was already reported".
const exitAfterLoggedError = 32

// runEntry finds @pulumi/pulumi's program runner from the program's folder, as node would.
func runEntry(dirs ...string) (string, error) {
	var last error
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		cmd := exec.Command("node", "-p", "require.resolve('@pulumi/pulumi/cmd/run', { paths: [process.cwd()] })")
		cmd.Dir = dir
		out, err := cmd.Output()
		if err == nil {
			return strings.TrimSpace(string(out)), nil
		}
		last = err
	}
	return "", fmt.Errorf("could not find @pulumi/pulumi from %s (run `npm install` there): %v", strings.Join(dirs, " or "), last)
}

func option(opts *structpb.Struct, name string) (*structpb.Value, bool) {
	if opts == nil {
		return nil, false
	}
	v, ok := opts.GetFields()[name]
	return v, ok
}

// programEnv is the environment @pulumi/pulumi's runner reads: the stack config, its secret keys
// and the TypeScript settings of Pulumi.yaml's runtime options.
func programEnv(req *pulumirpc.RunRequest) ([]string, error) {
	config, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	keys, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(), "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(keys))
	opts := req.GetInfo().GetOptions()
	typescript := true
	if v, ok := option(opts, "typescript"); ok {
		typescript = v.GetBoolValue()
	}
	env = append(env, "PULUMI_NODEJS_TYPESCRIPT="+strconv.FormatBool(typescript))
	if v, ok := option(opts, "tsconfig"); ok && v.GetStringValue() != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+v.GetStringValue())
	}
	return env, nil
}

// Run runs the program with `node [nodeargs] <@pulumi/pulumi/cmd/run> <flags> <entry point>` in
// the program's folder; its output goes to this host's stdout and stderr, which the engine shows.
func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	dir := info.GetProgramDirectory()
	if dir == "" {
		dir = req.GetPwd()
	}
	entry := info.GetEntryPoint()
	if entry == "" {
		entry = req.GetProgram()
	}
	if entry == "" {
		entry = "."
	}
	runner, err := runEntry(dir, info.GetRootDirectory())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	env, err := programEnv(req)
	if err != nil {
		return nil, err
	}
	var args []string
	if v, ok := option(info.GetOptions(), "nodeargs"); ok && v.GetStringValue() != "" {
		args = append(args, strings.Fields(v.GetStringValue())...)
	}
	args = append(args, runner,
		"--monitor", req.GetMonitorAddress(),
		"--engine", h.engineAddress,
		"--organization", req.GetOrganization(),
		"--project", req.GetProject(),
		"--stack", req.GetStack(),
		"--pwd", dir,
		"--root-directory", info.GetRootDirectory(),
		"--parallel", strconv.Itoa(int(req.GetParallel())),
	)
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if h.tracing != "" {
		args = append(args, "--tracing", h.tracing)
	}
	args = append(args, entry)
	args = append(args, req.GetArgs()...)

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(err, &exit) && exit.ExitCode() == exitAfterLoggedError:
		return &pulumirpc.RunResponse{Bail: true}, nil
	case errors.As(err, &exit):
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("the Node.js program in %s exited with code %d", filepath.Clean(dir), exit.ExitCode())}, nil
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run node: %v", err)}, nil
	}
}
