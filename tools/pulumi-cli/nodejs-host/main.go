// Command pulumi-language-nodejs is this project's Node.js language host for the Pulumi CLI it
// builds: the official one is not served by the Go module proxy these machines reach. It serves
// Pulumi's LanguageRuntime gRPC protocol and runs a program with @pulumi/pulumi's own
// `cmd/run` entry point, resolved from the program's folder. See ../README.md.
package main

import (
	"fmt"
	"os"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"google.golang.org/grpc"
)

// version is the Pulumi release this host stands in for.
const version = "3.248.0"

// flagsWithValue are the engine's flags that take a separate value when not written with "=".
var flagsWithValue = map[string]bool{"root": true, "tracing": true, "v": true, "typescript": false, "logtostderr": false}

// parseArgs returns the engine address (the one positional argument) and the flags as a map.
// Unknown flags are kept and ignored, so a newer engine's extra flags do not stop the host.
func parseArgs(args []string) (string, map[string]string) {
	flags := map[string]string{}
	engine := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			engine = a
			continue
		}
		name := strings.TrimLeft(a, "-")
		if k, v, ok := strings.Cut(name, "="); ok {
			flags[k] = v
			continue
		}
		if flagsWithValue[name] && i+1 < len(args) {
			flags[name] = args[i+1]
			i++
			continue
		}
		flags[name] = "true"
	}
	return engine, flags
}

func main() {
	engine, flags := parseArgs(os.Args[1:])
	host := &languageHost{engineAddress: engine, tracing: flags["tracing"]}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not start serving: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}
