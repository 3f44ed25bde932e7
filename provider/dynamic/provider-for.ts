import type * as dynamic from "@pulumi/pulumi/dynamic";

type Host = typeof import("../runtime/host");

// An absolute path, so that a provider serialized by value (a package used from a linked or
// in-repo location) still finds this package's runtime; installed packages serialize by reference.
const HOST_MODULE = `${__dirname}/../runtime/host`;

// Loaded at call time: the serialized provider holds only the read's token and the path
// above, never a credential, a codec or a class instance.
function loadHost(): Host {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(HOST_MODULE) as Host;
}

/**
 * The dynamic provider of one read. Each file beside this one exports the result as its
 * `module.exports`, so an installed package's resources serialize to a short `require(...)`.
 */
export function providerFor(token: string): dynamic.ResourceProvider<Record<string, unknown>, Record<string, unknown>> {
    // Each failure leaves through printedOnce: Pulumi's host prints it as one line, the engine shows it once.
    return {
        configure: async (req) => loadHost().configure(req.config),
        check: async (olds, news) => loadHost().printedOnce(token, () => loadHost().check(token, olds, news)),
        diff: async (id, olds, news) => loadHost().printedOnce(token, () => loadHost().diff(token, id, olds, news)),
        create: async (inputs) => loadHost().printedOnce(token, () => loadHost().create(token, inputs)),
        read: async (id, props) => loadHost().printedOnce(token, () => loadHost().read(token, id, props)),
        update: async (id, olds, news) => loadHost().printedOnce(token, () => loadHost().update(token, id, olds, news)),
        // Read-only resources: deleting one only forgets it, and sends no request.
        delete: async () => undefined,
    };
}
