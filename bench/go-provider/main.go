// Command pulumi-resource-cloudreads (the Go benchmark anchor): a native provider written by hand
// on github.com/pulumi/pulumi/sdk/v3 (go/pulumi/provider.Main and the pulumirpc server
// interface), the plain kind a provider author writes. It serves one resource type,
// cloudreads:huaweicloud/kps:KeypairTask, with the same token, config keys and KPS GET as the
// TypeScript plugin's, so one YAML program drives either. Built and measured by
// `npm run bench:cli:plugin` (bench/cli-plugin.ts); not shipped.
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

//go:embed schema.json
var schema string

const (
	version  = "0.1.0"
	taskType = "cloudreads:huaweicloud/kps:KeypairTask"
)

type kpsProvider struct {
	pulumirpc.UnimplementedResourceProviderServer
	config settings
}

var opts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, SkipNulls: true}

func (p *kpsProvider) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (p *kpsProvider) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	return &pulumirpc.GetSchemaResponse{Schema: schema}, nil
}

func (p *kpsProvider) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *kpsProvider) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

func (p *kpsProvider) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	args, err := plugin.UnmarshalProperties(req.GetArgs(), plugin.MarshalOptions{SkipNulls: true})
	if err != nil {
		return nil, err
	}
	text := func(k string) string {
		if v, ok := args[resource.PropertyKey(k)]; ok && v.IsString() {
			return v.StringValue()
		}
		return ""
	}
	p.config = settings{token: text("huaweicloudToken"), region: text("huaweicloudRegion"), projectID: text("huaweicloudProjectId")}
	// An object key: an object in the inputs, or its JSON text (as the config variable holds it).
	if e, ok := args["huaweicloudEndpoints"]; ok && e.IsObject() {
		if kms, ok := e.ObjectValue()["kms"]; ok && kms.IsString() {
			p.config.kmsURL = kms.StringValue()
		}
	} else if text := text("huaweicloudEndpoints"); text != "" {
		var endpoints map[string]string
		if err := json.Unmarshal([]byte(text), &endpoints); err != nil {
			return nil, fmt.Errorf("cloudreads:huaweicloudEndpoints is not a JSON object of strings: %w", err)
		}
		p.config.kmsURL = endpoints["kms"]
	}
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true}, nil
}

func (p *kpsProvider) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	if req.GetType() != "" && req.GetType() != taskType {
		return nil, fmt.Errorf("unknown resource type %q", req.GetType())
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), opts)
	if err != nil {
		return nil, err
	}
	res := &pulumirpc.CheckResponse{Inputs: req.GetNews()}
	if id, ok := news["taskId"]; !ok || (id.IsString() && (id.StringValue() == "" || len(id.StringValue()) > 64 || strings.Contains(id.StringValue(), "/"))) {
		res.Failures = append(res.Failures, &pulumirpc.CheckFailure{Property: "taskId", Reason: "taskId: 1 to 64 characters, no '/'"})
	}
	return res, nil
}

func (p *kpsProvider) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	olds, err := plugin.UnmarshalProperties(req.GetOldInputs(), opts)
	if err != nil {
		return nil, err
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), opts)
	if err != nil {
		return nil, err
	}
	var replaces []string
	for _, k := range []resource.PropertyKey{"taskId", "projectId"} {
		if !olds[k].DeepEquals(news[k]) {
			replaces = append(replaces, string(k))
		}
	}
	if len(replaces) == 0 {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
	}
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_SOME, Replaces: replaces, Diffs: replaces}, nil
}

// read GETs the task and returns its id and outputs.
func (p *kpsProvider) read(ctx context.Context, inputs resource.PropertyMap) (string, resource.PropertyMap, error) {
	taskID := inputs["taskId"].StringValue()
	projectID := p.config.projectID
	if v, ok := inputs["projectId"]; ok && v.IsString() && v.StringValue() != "" {
		projectID = v.StringValue()
	}
	body, err := readTask(ctx, p.config, projectID, taskID)
	if err != nil {
		return "", nil, err
	}
	phase, operation := splitStatus(body.TaskStatus)
	outs := inputs.Copy()
	outs["projectId"] = resource.NewStringProperty(projectID)
	outs["taskId"] = resource.NewStringProperty(taskID)
	outs["taskStatus"] = resource.NewStringProperty(body.TaskStatus)
	outs["phase"] = resource.NewStringProperty(phase)
	outs["operation"] = resource.NewStringProperty(operation)
	outs["serverId"] = resource.NewStringProperty(body.ServerID)
	return projectID + "/" + taskID, outs, nil
}

func (p *kpsProvider) Create(ctx context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	inputs, err := plugin.UnmarshalProperties(req.GetProperties(), opts)
	if err != nil {
		return nil, err
	}
	if req.GetPreview() {
		// As the plugin does: the inputs, every result field unknown, no request.
		outs := inputs.Copy()
		for _, k := range []resource.PropertyKey{"projectId", "taskStatus", "phase", "operation", "serverId"} {
			if _, ok := outs[k]; !ok {
				outs[k] = resource.MakeComputed(resource.NewStringProperty(""))
			}
		}
		props, err := plugin.MarshalProperties(outs, opts)
		return &pulumirpc.CreateResponse{Properties: props}, err
	}
	id, outs, err := p.read(ctx, inputs)
	if err != nil {
		return nil, err
	}
	props, err := plugin.MarshalProperties(outs, opts)
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, err
}

func (p *kpsProvider) Read(ctx context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	inputs, err := plugin.UnmarshalProperties(req.GetInputs(), opts)
	if err != nil {
		return nil, err
	}
	if _, ok := inputs["taskId"]; !ok {
		parts := strings.SplitN(req.GetId(), "/", 2)
		if len(parts) != 2 {
			return nil, fmt.Errorf("id %q is not {projectId}/{taskId}", req.GetId())
		}
		inputs = resource.PropertyMap{"projectId": resource.NewStringProperty(parts[0]), "taskId": resource.NewStringProperty(parts[1])}
	}
	id, outs, err := p.read(ctx, inputs)
	if err != nil {
		return nil, err
	}
	props, err := plugin.MarshalProperties(outs, opts)
	if err != nil {
		return nil, err
	}
	ins, err := plugin.MarshalProperties(inputs, opts)
	return &pulumirpc.ReadResponse{Id: id, Properties: props, Inputs: ins}, err
}

// Delete only forgets the resource: a read sends no request on destroy.
func (p *kpsProvider) Delete(context.Context, *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (p *kpsProvider) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func main() {
	if err := provider.Main("cloudreads", func(*provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return &kpsProvider{}, nil
	}); err != nil {
		fmt.Fprintf(os.Stderr, "cloudreads (go): %v\n", err)
		os.Exit(1)
	}
}
