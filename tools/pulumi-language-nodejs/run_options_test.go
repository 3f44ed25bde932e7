package main

import (
	"encoding/json"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"
)

func envValue(env []string, name string) (string, bool) {
	found, ok := "", false
	for _, kv := range env {
		if k, v, _ := strings.Cut(kv, "="); k == name {
			found, ok = v, true
		}
	}
	return found, ok
}

func TestProgramEnvCarriesConfigSecretsAndTypeScriptSettings(t *testing.T) {
	t.Setenv("PULUMI_CONFIG", `{"stale":"x"}`)
	h := newNodeHost(commandLine{})
	opts, _ := structpb.NewStruct(map[string]any{"typescript": false, "tsconfig": "tsconfig.pulumi.json"})
	req := &pulumirpc.RunRequest{Config: map[string]string{"p:a": "1", "aws:region": "x"}, ConfigSecretKeys: []string{"p:a"}}
	env, err := programEnv(req, h.runOptions(opts))
	if err != nil {
		t.Fatal(err)
	}
	var config map[string]string
	raw, _ := envValue(env, "PULUMI_CONFIG")
	if err := json.Unmarshal([]byte(raw), &config); err != nil || config["p:a"] != "1" || config["aws:region"] != "x" || len(config) != 2 {
		t.Fatalf("PULUMI_CONFIG=%s", raw)
	}
	if v, _ := envValue(env, "PULUMI_CONFIG_SECRET_KEYS"); v != `["p:a"]` {
		t.Fatalf("PULUMI_CONFIG_SECRET_KEYS=%s", v)
	}
	if v, _ := envValue(env, "PULUMI_NODEJS_TYPESCRIPT"); v != "false" {
		t.Fatalf("PULUMI_NODEJS_TYPESCRIPT=%s", v)
	}
	if v, _ := envValue(env, "PULUMI_NODEJS_TSCONFIG_PATH"); v != "tsconfig.pulumi.json" {
		t.Fatalf("PULUMI_NODEJS_TSCONFIG_PATH=%s", v)
	}
}

func TestProgramEnvDefaultsToTypeScriptAndEmptySecretList(t *testing.T) {
	env, err := programEnv(&pulumirpc.RunRequest{}, newNodeHost(commandLine{}).runOptions(nil))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := envValue(env, "PULUMI_NODEJS_TYPESCRIPT"); v != "true" {
		t.Fatalf("PULUMI_NODEJS_TYPESCRIPT=%s", v)
	}
	if v, _ := envValue(env, "PULUMI_CONFIG_SECRET_KEYS"); v != "[]" {
		t.Fatalf("PULUMI_CONFIG_SECRET_KEYS=%s", v)
	}
	if _, ok := envValue(env, "PULUMI_NODEJS_TSCONFIG_PATH"); ok {
		t.Fatal("PULUMI_NODEJS_TSCONFIG_PATH set without a tsconfig option")
	}
}

func TestRunOptionsSplitNodeArgsAndPreferProgramOptionsOverFlags(t *testing.T) {
	h := newNodeHost(commandLine{nodeargs: "--from-flag"})
	opts, _ := structpb.NewStruct(map[string]any{"nodeargs": "--max-old-space-size=4096  --no-warnings", "typescript": "false"})
	o := h.runOptions(opts)
	if strings.Join(o.nodeargs, "|") != "--max-old-space-size=4096|--no-warnings" || o.typescript {
		t.Fatalf("options %+v", o)
	}
}
