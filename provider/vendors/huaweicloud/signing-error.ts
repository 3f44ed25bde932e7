import { CloudReadsError } from "../../core/errors";

/**
 * A request was not signed because it, or the key pair, cannot produce a valid signature.
 * Messages name the offending part, never a header value or the secret key.
 *
 * @example
 * ```ts
 * import { signRequest } from "./signer";
 * import { SigningError } from "./signing-error";
 *
 * try {
 *     signRequest({ method: "GET", url: "ftp://example.com/", headers: {} }, keys);
 * } catch (e) {
 *     if (e instanceof SigningError) console.log(e.code); // "ERR_SIGNING"
 * }
 * ```
 */
export class SigningError extends CloudReadsError {
    constructor(message: string) {
        super(`cannot sign the Huawei Cloud request: ${message}`, "ERR_SIGNING");
        this.name = "SigningError";
    }
}
