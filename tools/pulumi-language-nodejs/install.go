package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// InstallDependencies runs `npm install` in the folder of the program's package.json when its
// node_modules folder is missing, streaming npm's output back. npm is the only package manager.
// The package.json must be inside the project folder: npm never runs above it (in a home folder
// or at /). On cancel, npm and every process it started are ended as a group.
func (h *nodeHost) InstallDependencies(req *pulumirpc.InstallDependenciesRequest, stream grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse]) error {
	start := firstNonEmpty(req.GetInfo().GetProgramDirectory(), req.GetDirectory())
	dir, ok := projectPackageDir(start, req.GetInfo().GetRootDirectory())
	if !ok {
		return nil // no package.json in the project: nothing to install
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err == nil {
		return nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return fmt.Errorf("node_modules is missing in %s and npm is not on PATH to install it", dir)
	}
	out := &installStream{stream: stream}
	cmd := exec.CommandContext(stream.Context(), npm, "install")
	cmd.Dir = dir
	cmd.Stdout = out.writer(false)
	cmd.Stderr = out.writer(true)
	endGroup := inOwnProcessGroup(cmd, cancelGrace)
	err = cmd.Run()
	endGroup()
	if err != nil {
		return fmt.Errorf("`npm install` in %s failed: %w", dir, err)
	}
	return nil
}

// installStream sends command output as InstallDependenciesResponse messages. os/exec copies
// stdout and stderr on two goroutines, and a gRPC stream allows one sender at a time.
type installStream struct {
	mu     sync.Mutex
	stream grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse]
}

type installWriter struct {
	s      *installStream
	stderr bool
}

func (s *installStream) writer(stderr bool) installWriter { return installWriter{s: s, stderr: stderr} }

func (w installWriter) Write(p []byte) (int, error) {
	chunk := append([]byte(nil), p...)
	msg := &pulumirpc.InstallDependenciesResponse{Stdout: chunk}
	if w.stderr {
		msg = &pulumirpc.InstallDependenciesResponse{Stderr: chunk}
	}
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	if err := w.s.stream.Send(msg); err != nil {
		return 0, err
	}
	return len(p), nil
}

// projectPackageDir is the folder of the nearest package.json from start up to the project
// folder root, never above it. Without a root, only start itself counts; a start outside the
// root finds nothing.
func projectPackageDir(start, root string) (string, bool) {
	if start == "" {
		return "", false
	}
	start, _ = filepath.Abs(start)
	if root == "" {
		root = start
	}
	root, _ = filepath.Abs(root)
	if rel, err := filepath.Rel(root, start); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return findUp(start, root, "package.json")
}
