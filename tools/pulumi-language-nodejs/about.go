package main

import (
	"context"
	"fmt"
	"os/exec"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// About reports the node on PATH and its version, for `pulumi about`.
func (h *nodeHost) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("node is not on PATH: %w", err)
	}
	out, err := exec.CommandContext(ctx, node, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("`%s --version` failed: %w", node, err)
	}
	version := strings.TrimPrefix(strings.TrimSpace(string(out)), "v")
	return &pulumirpc.AboutResponse{Executable: node, Version: version}, nil
}
