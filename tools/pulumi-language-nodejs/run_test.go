package main

import (
	"context"
	"os/exec"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func exitWith(t *testing.T, code string) error {
	t.Helper()
	return exec.Command("sh", "-c", "exit "+code).Run()
}

func TestRunResultMapsExitCodes(t *testing.T) {
	ctx := context.Background()
	if r := runResult(ctx, nil, "/p"); r.Bail || r.Error != "" {
		t.Fatalf("success gave %+v", r)
	}
	if r := runResult(ctx, exitWith(t, "32"), "/p"); !r.Bail || r.Error != "" {
		t.Fatalf("exit 32 gave %+v", r)
	}
	if r := runResult(ctx, exitWith(t, "1"), "/p"); r.Bail || !strings.Contains(r.Error, "exited with code 1") {
		t.Fatalf("exit 1 gave %+v", r)
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if r := runResult(canceled, exitWith(t, "130"), "/p"); r.Error != "the program was canceled" {
		t.Fatalf("cancel gave %+v", r)
	}
}

func TestRunnerFlagsUseKeyValueFormAndSkipEmptyValues(t *testing.T) {
	req := &pulumirpc.RunRequest{MonitorAddress: "m:1", Project: "p", Stack: "s", Parallel: 4, DryRun: true}
	got := strings.Join(runnerFlags(req, "e:2", "/prog", "/root", ""), " ")
	want := "--monitor=m:1 --engine=e:2 --project=p --stack=s --pwd=/prog --root-directory=/root --parallel=4 --dry-run"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}
