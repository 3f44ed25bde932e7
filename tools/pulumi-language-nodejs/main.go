// Command pulumi-language-nodejs is this project's Node.js language host for the Pulumi CLI
// built from tools/pulumi-cli. Pulumi's own host is not served by the Go module proxy our
// machines reach, so this one serves the LanguageRuntime gRPC protocol itself and runs programs
// with @pulumi/pulumi's own `cmd/run` entry point, resolved from the program's folder.
// See ../../README.md for what it does and does not do.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// pluginVersion is the Pulumi release this host stands in for: the CLI it is built beside sets it
// (`-ldflags "-X main.pluginVersion=3.276.0"`, scripts/pulumi-cli.sh).
var pluginVersion = "3.276.0"

func main() {
	cl := parseCommandLine(os.Args[1:])
	exitWhenOrphaned(time.Second)
	host := newNodeHost(cl)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: could not start the gRPC server: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of our stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: the gRPC server stopped: %v\n", err)
		os.Exit(1)
	}
}
