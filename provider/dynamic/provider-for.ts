import type * as dynamic from "@pulumi/pulumi/dynamic";

type Host = typeof import("../runtime/host");

// Loaded at call time from this package's own files: the serialized provider holds only the
// read's token and this directory's path, never a credential, a codec or a class instance.
function loadHost(): Host {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`${__dirname}/../runtime/host`) as Host;
}

/**
 * The dynamic provider of one read. Each file beside this one exports the result as its
 * `module.exports`, so an installed package's resources serialize to a short `require(...)`.
 */
export function providerFor(token: string): dynamic.ResourceProvider {
    return {
        configure: async (req) => loadHost().configure(req.config),
        check: async (olds, news) => loadHost().check(token, olds, news),
        diff: async (id, olds, news) => loadHost().diff(token, id, olds, news),
        create: async (inputs) => loadHost().create(token, inputs),
        read: async (id, props) => loadHost().read(token, id, props),
        update: async (id, olds, news) => loadHost().update(token, id, olds, news),
        // Read-only resources: deleting one only forgets it, and sends no request.
        delete: async () => undefined,
    };
}
