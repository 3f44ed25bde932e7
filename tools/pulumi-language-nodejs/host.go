package main

import (
	"context"
	"fmt"
	"os"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

// nodeHost implements the LanguageRuntime calls that `pulumi preview`, `up`, `refresh`,
// `destroy`, `install` and `about` make. The others (code generation, packages, plugins written
// in Node.js, templates) answer Unimplemented through the embedded type.
type nodeHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	cl commandLine

	mu            sync.Mutex
	engineAddress string
}

func newNodeHost(cl commandLine) *nodeHost {
	return &nodeHost{cl: cl, engineAddress: cl.engineAddress}
}

// logf writes a diagnostic line when the engine asked for verbose plugin logs (-v=5 or more
// with --logtostderr); the engine then shows our stderr in its own log.
func (h *nodeHost) logf(format string, args ...any) {
	if h.cl.logToStderr && h.cl.verbose >= 5 {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: "+format+"\n", args...)
	}
}

func (h *nodeHost) engine() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.engineAddress
}

// Handshake is the engine's first call; it repeats the engine's address.
func (h *nodeHost) Handshake(_ context.Context, req *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	if addr := req.GetEngineAddress(); addr != "" {
		h.mu.Lock()
		h.engineAddress = addr
		h.mu.Unlock()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *nodeHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: pluginVersion}, nil
}

// GetRequiredPlugins names no plugin to download: the only one our programs need, the
// dynamic-provider plugin pulumi-resource-pulumi-nodejs, is bundled beside the CLI.
func (h *nodeHost) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

// GetRequiredPackages: none, for the same reason as GetRequiredPlugins.
func (h *nodeHost) GetRequiredPackages(context.Context, *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// RuntimeOptionsPrompts: `pulumi new` asks nothing more (npm is the only package manager).
func (h *nodeHost) RuntimeOptionsPrompts(context.Context, *pulumirpc.RuntimeOptionsRequest) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}
