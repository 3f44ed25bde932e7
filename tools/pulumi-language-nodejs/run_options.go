package main

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

// runOptions are Pulumi.yaml's `runtime.options` for nodejs that this host honours; the
// command-line flags of older engines are the defaults.
type runOptions struct {
	typescript bool     // PULUMI_NODEJS_TYPESCRIPT: load ts-node (default true)
	tsconfig   string   // PULUMI_NODEJS_TSCONFIG_PATH, relative to the program folder
	nodeargs   []string // extra arguments to node, before the runner
}

func (h *nodeHost) runOptions(opts *structpb.Struct) runOptions {
	o := runOptions{typescript: true, tsconfig: h.cl.tsconfig, nodeargs: strings.Fields(h.cl.nodeargs)}
	if h.cl.typescript != nil {
		o.typescript = *h.cl.typescript
	}
	fields := opts.GetFields()
	if v, ok := fields["typescript"]; ok {
		o.typescript = truthy(v, o.typescript)
	}
	if v, ok := fields["tsconfig"]; ok && v.GetStringValue() != "" {
		o.tsconfig = v.GetStringValue()
	}
	if v, ok := fields["nodeargs"]; ok && v.GetStringValue() != "" {
		o.nodeargs = strings.Fields(v.GetStringValue())
	}
	return o
}

// truthy reads a boolean option written as `true`/`false` or as the strings "true"/"false".
func truthy(v *structpb.Value, fallback bool) bool {
	switch k := v.GetKind().(type) {
	case *structpb.Value_BoolValue:
		return k.BoolValue
	case *structpb.Value_StringValue:
		if b, err := strconv.ParseBool(k.StringValue); err == nil {
			return b
		}
	}
	return fallback
}

// programEnv is this process's environment plus what @pulumi/pulumi's runner reads from it:
// the stack config as a JSON object of "namespace:key" to value, the list of secret keys, and
// the TypeScript settings.
func programEnv(req *pulumirpc.RunRequest, o runOptions) ([]string, error) {
	config := req.GetConfig()
	if config == nil {
		config = map[string]string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	env := withoutVars(os.Environ(), "PULUMI_CONFIG", "PULUMI_CONFIG_SECRET_KEYS", "PULUMI_NODEJS_TYPESCRIPT", "PULUMI_NODEJS_TSCONFIG_PATH")
	env = append(env,
		"PULUMI_CONFIG="+string(configJSON),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeysJSON),
		"PULUMI_NODEJS_TYPESCRIPT="+strconv.FormatBool(o.typescript),
	)
	if o.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfig)
	}
	return env, nil
}

// withoutVars drops the named variables, so values inherited from the CLI's own environment
// cannot shadow the ones set for this run.
func withoutVars(env []string, names ...string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		drop := false
		for _, n := range names {
			if name == n {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, kv)
		}
	}
	return out
}
