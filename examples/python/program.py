"""The program of examples/python: the four reads of cloudreads, a function, a look-up by name and a
second account's explicit provider. main.py runs it with the Automation API as an inline program.
"""

import pulumi
import pulumi_cloudreads as cloudreads
from pulumi_cloudreads import astracontrol
from pulumi_cloudreads.huaweicloud import kps, roma, sms


def program() -> None:
    config = pulumi.Config()
    migration_task_id = config.get("migrationTaskId") or "d7fa81b9-c174-4c0a-a475-51a54c8af8a4"
    keypair_task_id = config.get("keypairTaskId") or "aee8d2fe-5484-4753-9177-5a38dc15546c"
    roma_instance_id = config.get("romaInstanceId") or "7c3e0e8a-0000-4000-8000-000000000001"
    certificate_id = config.get("certificateId") or "a26cbed4-2183-58ce-aa19-e37ca8b0531a"

    # Resources: read at `up` and again at `refresh`, kept in state; `destroy` sends no request.
    agent_pass = sms.TaskPassphrase("agent-pass", task_id=migration_task_id)
    device_auth = roma.ProductAuthentication(
        "device-auth",
        instance_id=roma_instance_id,
        product_id="99999999999999999",  # a digit string: above 2**53 a number loses digits
    )
    keypair_task = kps.KeypairTask("keypair-task", task_id=keypair_task_id)
    ca_cert = astracontrol.Certificate("ca-cert", certificate_id=certificate_id)

    # A function with a secret result: only its `_output` form keeps the result secret.
    invoked = sms.get_task_passphrase_output(task_id=migration_task_id)
    # A look-up by name.
    gateways = roma.get_products_output(instance_id=roma_instance_id, name="meter-gateway")

    # A second account: an explicit provider, configured from this project's config.
    second = cloudreads.Provider(
        "second-account",
        huaweicloud_region=config.require("secondRegion"),
        huaweicloud_project_id=config.require("secondProjectId"),
        huaweicloud_token=config.require_secret("secondToken"),
        huaweicloud_endpoints=config.get_object("secondEndpoints"),
    )
    second_pass = sms.TaskPassphrase(
        "second-agent-pass",
        task_id=migration_task_id,
        opts=pulumi.ResourceOptions(provider=second),
    )
    # A function through the second account's provider.
    second_task = kps.get_keypair_task_output(
        task_id=keypair_task_id,
        opts=pulumi.InvokeOutputOptions(provider=second),
    )

    pulumi.export("migrationPassphrase", agent_pass.passphrase)
    pulumi.export("deviceUserName", device_auth.user_name)
    pulumi.export("devicePassword", device_auth.password)
    pulumi.export("keypairTaskStatus", keypair_task.task_status)
    pulumi.export("caTrustState", ca_cert.trust_state)
    pulumi.export("caDaysUntilExpiry", ca_cert.days_until_expiry)
    pulumi.export("invokedPassphrase", invoked.passphrase)
    pulumi.export("gatewayProductIds", gateways.products.apply(lambda ps: [p.product_id for p in ps]))
    pulumi.export("secondPassphrase", second_pass.passphrase)
    pulumi.export("secondKeypairTaskStatus", second_task.task_status)
