package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
)

// resolveRunner finds @pulumi/pulumi's program runner (cmd/run) as node's require would from
// the program folder, then from the project root: the program runs with the @pulumi/pulumi it
// depends on, never one of ours.
func resolveRunner(ctx context.Context, node string, dirs ...string) (string, error) {
	const script = "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/run', { paths: [process.argv[1]] }))"
	var tried []string
	var detail string
	for _, dir := range dirs {
		if dir == "" || contains(tried, dir) {
			continue
		}
		tried = append(tried, dir)
		var stderr bytes.Buffer
		cmd := exec.CommandContext(ctx, node, "-e", script, dir)
		cmd.Dir = dir
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err == nil && len(out) > 0 {
			return string(out), nil
		}
		detail = errorLine(stderr.String())
	}
	msg := fmt.Sprintf("could not find @pulumi/pulumi from %s: run `npm install` there (it must depend on @pulumi/pulumi)", strings.Join(tried, " or "))
	if detail != "" {
		msg += " (" + detail + ")"
	}
	return "", fmt.Errorf("%s", msg)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// errorLine picks node's own message ("Error: Cannot find module …") out of its stack dump.
func errorLine(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "Error") {
			return t
		}
	}
	return ""
}
