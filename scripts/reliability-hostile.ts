/**
 * The hostile-response cases of docs/RELIABILITY.md (issue 19): what a hostile or broken server,
 * or a hostile local file, meets, and the test that proves each. Static text: each case is a test
 * of its own, run by `npm test`, not a matrix of this report.
 */
export const HOSTILE_RESPONSE_LINES: readonly string[] = [
    "## Hostile responses",
    "",
    "Each case is proven by the test named (run by `npm test`), against a server on 127.0.0.1.",
    "",
    "| Case | What happens | Test |",
    "|---|---|---|",
    "| A certificate-marker flood: an Astra `cert`, or a `caCert` setting, of 4 MiB of `-----BEGIN CERTIFICATE-----` with no END | Refused at once (ResponseDecodeError naming `cert`; ConfigurationError for the setting). Every PEM scan is one pass: the work counted for 4x the markers is exactly 4x; `npm run bench` gives the time | `tests/security-pem-flood.test.ts` |",
    "| Pulumi's signature key `4dabf18193072939515e22adb298388d` in any vendor object (Astra `trustStateDetails[].additionalDetails`, extra keys under `metadata`, any extra key anywhere, in any read) | The response is refused: ResponseDecodeError naming the field (`trustStateDetails[0].additionalDetails: holds the key ...`), never its value. So no asset, archive, secret or resource reference can be forged, and nothing is fetched or read on the deploy machine. Chosen over returning free-form fields as JSON text: the result types stay as documented, and a server sending the key is hostile, not a source to read from | `tests/security-signature-keys.test.ts` (getX, getXOutput, all four signatures at every free-form place), `tests/cli-signature-keys.test.ts` (a resource through the real CLI: no request to a sentinel URL, no reader on a sentinel FIFO, nothing in the state) |",
    "| Terminal escapes (OSC 52 clipboard write, line erase, a fake \"succeeded\" line, C1 controls, bidi overrides) in a KPS `task_status` or an SMS `state` while `waitFor` polls | The status line and the timeout error show the status through `safeText`, as every other vendor text in an error, warning, status or progress line | `tests/security-message-sources.test.ts` (walks every message source) |",
    "| Hostile transports: a server that hangs, headers trickled slowly, endless 1xx, a reset mid-body, a truncated body, a non-HTTP banner, a close with no reply | Each read fails with a TransportError by its deadline; a process that ran them all (token and AK/SK reads, the IAM look-up included) exits on its own within 1 s of its last read: no timer or socket outlives a read | `tests/process-exit.test.ts` |",
    "| Astra list pages that are empty but name a fresh `continue` token each time | More than 3 empty pages in a row that still name a next page fail the read (ResponseDecodeError) instead of paging until the deadline | `tests/paging-empty-pages.test.ts` |",
    "| A 404 that does not mean \"gone\": the gateway's `APIGW.0101` (\"The API does not exist\"), a 404 without a code or with another service's code, Astra problem 1 (any unknown URI) | An ApiError naming the endpoint: a refresh fails and keeps the resource. Only the service's own not-found answer (a 404 with any code of its prefix `KPS.`, `SMS.`, `ROMA.`; ROMA's documented 500 `ROMA.00110002`; Astra 404 problem 2) drops it | `tests/refresh-not-found.test.ts` |",
    "| `OS_INSECURE`, `HW_INSECURE`, `ASTRA_CONTROL_INSECURE` (or `<ns>:insecure`) | A Pulumi warning naming the variable, once per process (besides the process warning, which `--no-warnings` hides) | `tests/insecure-warning.test.ts` |",
    "| `HW_AUTH_TOKEN` / `OS_AUTH_TOKEN` in the environment while stack config sets an access key pair | Stack config wins: the pair signs the request (docs/configuration-precedence.md) | `tests/credential-precedence.test.ts` |",
    "| A KooCLI profile path naming a FIFO, a device or a folder; a file over 1 MiB; a file other users can read | Refused without blocking (not a regular file), refused (too large), a warning once per file | `tests/koocli-profile-file.test.ts` |",
    "| A client sending the emulator a huge body, or a very long test run | The emulator answers a body over 1 MiB with 413 and closes the connection; its request log keeps the newest 10,000 | `tests/emulator-caps.test.ts` |",
    "| `npm run bench:cli` on a shared machine | Its runs go to a private `mkdtemp` folder, never a fixed `/tmp` name a planted symlink could redirect | `tests/bench-cli-runs.test.ts` |",
    "| The language host asked to install dependencies | `npm install` runs only for a package.json inside the project folder, never above it; a cancel ends npm's whole process group | `go test ./...` in `tools/pulumi-language-nodejs` (`install_test.go`) |",
    "",
];
