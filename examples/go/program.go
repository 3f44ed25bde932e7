package main

import (
	"github.com/pulumi-cloudreads/pulumi-cloudreads/sdk/go/cloudreads"
	"github.com/pulumi-cloudreads/pulumi-cloudreads/sdk/go/cloudreads/astracontrol"
	"github.com/pulumi-cloudreads/pulumi-cloudreads/sdk/go/cloudreads/huaweicloud/kps"
	"github.com/pulumi-cloudreads/pulumi-cloudreads/sdk/go/cloudreads/huaweicloud/roma"
	"github.com/pulumi-cloudreads/pulumi-cloudreads/sdk/go/cloudreads/huaweicloud/sms"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

// program declares the four reads as resources, one function call (Output form: its result holds
// a secret) and one look-up by name, and reads a second account through an explicit provider.
// The default provider takes its settings from the stack's cloudreads: config.
func program(ctx *pulumi.Context) error {
	cfg := config.New(ctx, "")

	// Huawei Cloud SMS: the passphrase of a migration task (a secret output).
	agentPass, err := sms.NewTaskPassphrase(ctx, "agentPass", &sms.TaskPassphraseArgs{
		TaskId: pulumi.String(cfg.Get("migrationTaskId")),
	})
	if err != nil {
		return err
	}
	// Huawei Cloud ROMA Connect: a product's device user name and password (a secret). A product id
	// above 2^53 goes as a digit string.
	deviceAuth, err := roma.NewProductAuthentication(ctx, "deviceAuth", &roma.ProductAuthenticationArgs{
		InstanceId: pulumi.String(cfg.Get("romaInstanceId")),
		ProductId:  pulumi.String("99999999999999999"),
	})
	if err != nil {
		return err
	}
	// Huawei Cloud KPS: the status of a key pair task.
	keypairTask, err := kps.NewKeypairTask(ctx, "keypairTask", &kps.KeypairTaskArgs{
		TaskId: pulumi.String(cfg.Get("keypairTaskId")),
	})
	if err != nil {
		return err
	}
	// NetApp Astra Control: a certificate, with insights from the certificate itself.
	caCert, err := astracontrol.NewCertificate(ctx, "caCert", &astracontrol.CertificateArgs{
		CertificateId: pulumi.String(cfg.Get("certificateId")),
	})
	if err != nil {
		return err
	}

	// A function with a secret result: only its Output form works in Go (the plain
	// sms.LookupTaskPassphrase fails with "unexpected secret result returned to invoke call").
	invoked := sms.LookupTaskPassphraseOutput(ctx, sms.LookupTaskPassphraseOutputArgs{
		TaskId: pulumi.String(cfg.Get("migrationTaskId")),
	})
	// A look-up by name: the migration task called db-02-migration.
	byName := sms.GetTasksOutput(ctx, sms.GetTasksOutputArgs{Name: pulumi.String("db-02-migration")})

	// A second account: an explicit provider with its own region, project, endpoints and token.
	// The SDK stores the token as a secret even when given as a plain value.
	second, err := cloudreads.NewProvider(ctx, "secondAccount", &cloudreads.ProviderArgs{
		HuaweicloudRegion:    pulumi.String(cfg.Require("secondRegion")),
		HuaweicloudProjectId: pulumi.String(cfg.Require("secondProjectId")),
		HuaweicloudToken:     cfg.RequireSecret("secondToken"),
		HuaweicloudEndpoints: pulumi.ToStringMap(map[string]string{"sms": cfg.Require("secondSmsEndpoint"), "kms": cfg.Require("secondKmsEndpoint")}),
	})
	if err != nil {
		return err
	}
	secondTask, err := kps.NewKeypairTask(ctx, "secondKeypairTask", &kps.KeypairTaskArgs{
		TaskId: pulumi.String(cfg.Get("keypairTaskId")),
	}, pulumi.Provider(second))
	if err != nil {
		return err
	}
	secondPass := sms.LookupTaskPassphraseOutput(ctx, sms.LookupTaskPassphraseOutputArgs{
		TaskId: pulumi.String(cfg.Get("migrationTaskId")),
	}, pulumi.Provider(second))

	ctx.Export("migrationPassphrase", agentPass.Passphrase)
	ctx.Export("deviceUserName", deviceAuth.UserName)
	ctx.Export("devicePassword", deviceAuth.Password)
	ctx.Export("keypairTaskStatus", keypairTask.TaskStatus)
	ctx.Export("caTrustState", caCert.TrustState)
	ctx.Export("caDaysUntilExpiry", caCert.DaysUntilExpiry)
	ctx.Export("invokedPassphrase", invoked.Passphrase())
	ctx.Export("taskIdByName", byName.Tasks().Index(pulumi.Int(0)).TaskId())
	ctx.Export("secondKeypairTaskStatus", secondTask.TaskStatus)
	ctx.Export("secondPassphrase", secondPass.Passphrase())
	return nil
}
