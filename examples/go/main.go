// Command cloudreads-go runs program (program.go) with the Automation API as an inline program,
// on the stack named by -stack in this folder's project (Pulumi.yaml, Pulumi.<stack>.yaml):
//
//	go run . [-stack dev] preview|up|outputs|refresh|destroy
//
// The program runs in this process: the CLI dials its language server (--client), so no
// pulumi-language-go is needed, only `pulumi` on PATH. Set the stack's config first with
// `pulumi config set` in this folder (see docs/go.md). The engine installs the provider plugin on
// first use from the server in the SDK's pulumi-plugin.json. Exits 1 with the error on stderr.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
)

func main() {
	stackName := flag.String("stack", "dev", "the stack to run")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: cloudreads-go [-stack NAME] preview|up|outputs|refresh|destroy")
		os.Exit(2)
	}
	if err := run(context.Background(), *stackName, flag.Arg(0)); err != nil {
		fmt.Fprintf(os.Stderr, "cloudreads-go: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, stackName, command string) error {
	// WorkDir ".": the project and stack config of this folder, as `pulumi config set` wrote them.
	stack, err := auto.UpsertStackInlineSource(ctx, stackName, "cloudreads-go", program, auto.WorkDir("."))
	if err != nil {
		return err
	}
	switch command {
	case "preview":
		_, err = stack.Preview(ctx, optpreview.ProgressStreams(os.Stdout))
	case "up":
		_, err = stack.Up(ctx, optup.ProgressStreams(os.Stdout))
	case "outputs":
		err = printOutputs(ctx, stack)
	case "refresh":
		_, err = stack.Refresh(ctx, optrefresh.ProgressStreams(os.Stdout))
	case "destroy":
		_, err = stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stdout))
	default:
		err = fmt.Errorf("unknown command %q: preview, up, outputs, refresh or destroy", command)
	}
	if err != nil {
		return explainMissingPlugin(ctx, stack.Workspace(), err)
	}
	return nil
}

// missingPlugin is the engine's message when the plugin version the SDK asks for is not installed
// and it may not, or could not, download it.
var missingPlugin = regexp.MustCompile(`no resource plugin 'pulumi-resource-([\w-]+)' found in the workspace at version v(\S+) or on your \$PATH(?: from (\S+))?`)

// explainMissingPlugin adds to err, when it is the engine's missing-plugin message, which plugin
// versions are installed and the command that installs the one the SDK wants.
func explainMissingPlugin(ctx context.Context, ws auto.Workspace, err error) error {
	m := missingPlugin.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	name, want, server := m[1], m[2], m[3]
	installed := []string{}
	if plugins, lerr := ws.ListPlugins(ctx); lerr == nil {
		for _, p := range plugins {
			if p.Name == name && p.Kind == "resource" && p.Version != nil {
				installed = append(installed, p.Version.String())
			}
		}
	}
	found := "none"
	if len(installed) > 0 {
		found = strings.Join(installed, ", ")
	}
	install := fmt.Sprintf("pulumi plugin install resource %s %s", name, want)
	if server != "" {
		install += " --server " + server
	}
	return fmt.Errorf("%w\nthe Go SDK asks for the %s plugin %s; installed versions of it: %s. Run `%s`, or let the engine download it (PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION unset)", err, name, want, found, install)
}

// printOutputs prints each stack output as `name: value`, a secret one as `name: [secret]`.
func printOutputs(ctx context.Context, stack auto.Stack) error {
	outs, err := stack.Outputs(ctx)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(outs))
	for name := range outs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if outs[name].Secret {
			fmt.Printf("%s: [secret]\n", name)
		} else {
			fmt.Printf("%s: %v\n", name, outs[name].Value)
		}
	}
	return nil
}
