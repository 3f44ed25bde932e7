// A minimal provider plugin of Pulumi's own kind, none of this package's code: one resource type,
// `plainfail:index:Thing`, served by @pulumi/pulumi's provider framework. Its read throws a plain
// Error when CLOUDREADS_PLAIN_FAILS (in the CLI's environment, which the engine hands its plugins)
// is "read". tests/plugin-error-once.test.ts runs it from a YAML program to show the CLI's and the
// engine's share of a failed resource read: what any plugin's error gets, not only ours.
"use strict";
const provider = require("@pulumi/pulumi/provider");

const schema = {
    name: "plainfail",
    version: "0.0.1",
    resources: { "plainfail:index:Thing": { type: "object", properties: {}, inputProperties: {} } },
};

provider.main(
    {
        version: "0.0.1",
        schema: JSON.stringify(schema),
        async create() {
            return { id: "thing-1", outs: {} };
        },
        async read(id) {
            if (process.env.CLOUDREADS_PLAIN_FAILS === "read") throw new Error("plain plugin: read failed on purpose");
            return { id, props: {} };
        },
    },
    process.argv.slice(2),
);
