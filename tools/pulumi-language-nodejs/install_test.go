package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// fakeStream is the server side of InstallDependencies' stream: it keeps what npm printed.
type fakeStream struct {
	grpc.ServerStream
	ctx context.Context
	out strings.Builder
}

func (s *fakeStream) Context() context.Context { return s.ctx }
func (s *fakeStream) Send(m *pulumirpc.InstallDependenciesResponse) error {
	s.out.Write(m.GetStdout())
	s.out.Write(m.GetStderr())
	return nil
}

// fakeNpm puts an `npm` script first on PATH that runs body (sh) and returns the folder it is in.
func fakeNpm(t *testing.T, body string) string {
	t.Helper()
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "npm"), []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return bin
}

func install(ctx context.Context, program, root string) (*fakeStream, error) {
	s := &fakeStream{ctx: ctx}
	req := &pulumirpc.InstallDependenciesRequest{Info: &pulumirpc.ProgramInfo{ProgramDirectory: program, RootDirectory: root}}
	return s, (&nodeHost{}).InstallDependencies(req, s)
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestInstallNeverRunsNpmAboveTheProjectFolder(t *testing.T) {
	bin := fakeNpm(t, `pwd >> "$(dirname "$0")/ran"`)
	outer := t.TempDir()
	write(t, filepath.Join(outer, "package.json"), "{}") // a package.json above the project
	project := filepath.Join(outer, "project")
	program := filepath.Join(project, "src")
	if err := os.MkdirAll(program, 0o755); err != nil {
		t.Fatal(err)
	}
	// No package.json in the project: nothing runs, whatever the root says.
	for _, root := range []string{project, "", program} {
		if _, err := install(context.Background(), program, root); err != nil {
			t.Fatalf("root %q: %v", root, err)
		}
	}
	// A program folder outside the root finds nothing either.
	if _, err := install(context.Background(), outer, project); err != nil {
		t.Fatal(err)
	}
	if ran, err := os.ReadFile(filepath.Join(bin, "ran")); err == nil {
		t.Fatalf("npm ran above the project folder, in %s", ran)
	}
	// With a package.json in the project folder, npm runs there.
	write(t, filepath.Join(project, "package.json"), "{}")
	if _, err := install(context.Background(), program, project); err != nil {
		t.Fatal(err)
	}
	ran, err := os.ReadFile(filepath.Join(bin, "ran"))
	if err != nil || strings.TrimSpace(string(ran)) != project {
		t.Fatalf("npm ran in %q (%v), want %s", ran, err, project)
	}
}

func TestCancelEndsNpmAndTheProcessesItStarted(t *testing.T) {
	bin := fakeNpm(t, `sleep 300 & echo $! > "$(dirname "$0")/child"; echo started; wait`)
	project := t.TempDir()
	write(t, filepath.Join(project, "package.json"), "{}")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := install(ctx, project, project)
		done <- err
	}()
	childFile := filepath.Join(bin, "child")
	var child int
	for deadline := time.Now().Add(20 * time.Second); child == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the fake npm never started its child")
		}
		if text, err := os.ReadFile(childFile); err == nil && strings.HasSuffix(string(text), "\n") {
			child, _ = strconv.Atoi(strings.TrimSpace(string(text)))
		}
	}
	cancel()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a canceled install reported success")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("InstallDependencies did not return after cancel")
	}
	// The child may need a moment to be reaped by init once killed.
	for deadline := time.Now().Add(10 * time.Second); alive(child); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			_ = syscall.Kill(child, syscall.SIGKILL)
			t.Fatalf("npm's child %d outlived the cancel", child)
		}
	}
}

// alive reports whether pid is a running (not zombie) process.
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true // no /proc: the signal check is all there is
	}
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	return len(fields) == 0 || fields[0] != "Z"
}
