import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PLUGIN_VERSION } from "./helpers/plugin-stack";
import { PYTHON_PINS, freshVenv, mypy, pythonDists, run, toolsVenv } from "./helpers/python";

const ROOT = path.join(__dirname, "..");

/** The `pulumi` version of the pins: what the SDK is tested with, and the floor of its range. */
const PULUMI_PIN = /^pulumi==(\S+)$/m.exec(fs.readFileSync(PYTHON_PINS, "utf8"))![1]!;

/** The files of a wheel or sdist, and the text of `wanted` ones, read by Python's own zipfile/tarfile. */
function archive(file: string, wanted: readonly string[]): { names: string[]; text: Record<string, string> } {
    const script = `
import json, sys, tarfile, zipfile
f, wanted = sys.argv[1], sys.argv[2:]
if f.endswith(".whl"):
    z = zipfile.ZipFile(f); names = z.namelist(); read = lambda n: z.read(n).decode()
else:
    t = tarfile.open(f); names = t.getnames(); read = lambda n: t.extractfile(n).read().decode()
print(json.dumps({"names": names, "text": {n: read(n) for n in wanted if n in names}}))
`;
    return JSON.parse(run(path.join(toolsVenv(), "bin", "python"), ["-c", script, file, ...wanted])) as { names: string[]; text: Record<string, string> };
}

/** The schema's pluginDownloadURL (undefined while the schema has none): what pulumi-plugin.json's `server` must say. */
function schemaServer(): string | undefined {
    return (JSON.parse(fs.readFileSync(path.join(ROOT, "schema", "schema.json"), "utf8")) as { pluginDownloadURL?: string }).pluginDownloadURL;
}

/**
 * The Python SDK as a user gets it: a wheel and an sdist built by the standard front end
 * (`python -m build`, scripts/release/python-dists.sh) from sdk/python, installed into a fresh
 * virtual environment with `pulumi` from PyPI, and type-checked by mypy.
 */
describe("Python SDK: wheel and sdist, installed in a fresh venv with pulumi from PyPI, type-checked", function () {
    // A cold PyPI install of pulumi and its gRPC wheels, and mypy's first run: a minute or two.
    this.timeout(600_000);
    let wheel: string;
    let sdist: string;
    let venv: string;
    const scratch: string[] = [];

    before(function () {
        ({ wheel, sdist } = pythonDists());
        venv = freshVenv([`pulumi_cloudreads==${PLUGIN_VERSION}`], path.dirname(wheel));
        scratch.push(venv);
    });
    after(() => {
        for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
    });

    it("the wheel and the sdist carry the package's version and names (pulumi_cloudreads-<version>)", () => {
        assert.equal(path.basename(wheel), `pulumi_cloudreads-${PLUGIN_VERSION}-py3-none-any.whl`);
        assert.equal(path.basename(sdist), `pulumi_cloudreads-${PLUGIN_VERSION}.tar.gz`);
    });

    it("the wheel holds py.typed and pulumi-plugin.json (resource, name, version, the schema's server)", () => {
        const w = archive(wheel, ["pulumi_cloudreads/pulumi-plugin.json", `pulumi_cloudreads-${PLUGIN_VERSION}.dist-info/METADATA`]);
        assert.ok(w.names.includes("pulumi_cloudreads/py.typed"), w.names.join("\n"));
        const plugin = JSON.parse(w.text["pulumi_cloudreads/pulumi-plugin.json"]!) as Record<string, unknown>;
        const server = schemaServer();
        assert.deepEqual(plugin, { resource: true, name: "cloudreads", version: PLUGIN_VERSION, ...(server ? { server } : {}) });
    });

    it("its metadata: pulumi from the tested version to the next major, the SPDX license, the README as description", () => {
        const meta = archive(wheel, [`pulumi_cloudreads-${PLUGIN_VERSION}.dist-info/METADATA`]).text[`pulumi_cloudreads-${PLUGIN_VERSION}.dist-info/METADATA`]!;
        assert.match(meta, new RegExp(`^Requires-Dist: pulumi<4\\.0\\.0,>=${PULUMI_PIN.replace(/\./g, "\\.")}$`, "m"));
        assert.match(meta, /^License-Expression: Apache-2\.0$/m);
        assert.match(meta, /^Description-Content-Type: text\/markdown$/m);
        assert.match(meta, /get_task_passphrase_output/);
    });

    it("the sdist holds pyproject.toml, the README it names, py.typed and pulumi-plugin.json (the wheel is built from it)", () => {
        const top = `pulumi_cloudreads-${PLUGIN_VERSION}`;
        const s = archive(sdist, [`${top}/pyproject.toml`]);
        for (const f of ["pyproject.toml", "README.md", "pulumi_cloudreads/py.typed", "pulumi_cloudreads/pulumi-plugin.json"]) assert.ok(s.names.includes(`${top}/${f}`), `${f} missing from the sdist`);
        assert.match(s.text[`${top}/pyproject.toml`]!, /^ *readme = "README\.md"$/m);
    });

    it("pip installs it into a fresh venv with the pinned pulumi from PyPI, and it imports", () => {
        const py = path.join(venv, "bin", "python");
        const out = run(py, ["-c", "import importlib.metadata as m, pulumi_cloudreads as c; from pulumi_cloudreads.huaweicloud import sms; print(m.version('pulumi'), m.version('pulumi_cloudreads'), callable(sms.get_task_passphrase_output))"]);
        assert.equal(out.trim(), `${PULUMI_PIN} ${PLUGIN_VERSION} True`);
    });

    it("mypy --strict passes examples/python (main.py, program.py) against the installed package (its inline types, through py.typed)", () => {
        const r = mypy(venv, ["--strict", "main.py", "program.py"], path.join(ROOT, "examples", "python"));
        assert.equal(r.code, 0, r.lines.join("\n"));
        assert.match(r.lines.join("\n"), /Success: no issues found in 2 source files/);
    });

    it("mypy --strict rejects a wrong input type, naming the Python property (task_id)", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-mypy-"));
        scratch.push(dir);
        fs.writeFileSync(
            path.join(dir, "bad.py"),
            [
                "import pulumi",
                "from pulumi_cloudreads.huaweicloud import kps, sms",
                "",
                "task = kps.KeypairTask('task', task_id=123)",
                "pass_ = sms.get_task_passphrase_output(task_id=123)",
                "",
            ].join("\n"),
        );
        const r = mypy(venv, ["--strict", "bad.py"], dir);
        const text = r.lines.join("\n");
        assert.notEqual(r.code, 0, text);
        assert.match(text, /bad\.py:5: error: Argument "task_id" to "get_task_passphrase_output" has incompatible type "int"/);
        assert.match(text, /bad\.py:4: error: No overload variant of "KeypairTask" matches argument types "str", "int"/);
        assert.match(text, /bad\.py:4: note: .*task_id: str \| Awaitable\[str \| None\] \| Output\[str \| None\] \| None/);
    });

    /**
     * The generated package itself, under mypy's default checks: Pulumi's Python generator
     * (pkg/codegen/python v3.276.0) writes three patterns that mypy rejects, none of them in what a
     * program calls: `__args__ = dict()` filled with values of several types, the provider's
     * `Output.secret`/`Output.from_input` of optional inputs, and `lift_output_func`'s return type.
     * Any other error fails.
     */
    it("mypy finds nothing in the package but the generator's three known patterns", () => {
        const r = mypy(venv, ["-p", "pulumi_cloudreads"], path.join(venv, ".."));
        const known = [
            /pulumi_cloudreads\/(astracontrol|huaweicloud\/\w+)\/get_\w+\.py:\d+: error: Incompatible types in assignment \(expression has type .*, target has type .*\)  \[assignment\]$/,
            /pulumi_cloudreads\/provider\.py:\d+: error: Argument 1 to "(secret|from_input)" of "Output" has incompatible type .*  \[arg-type\]$/,
            /pulumi_cloudreads\/_utilities\.py:\d+: error: Incompatible return value type .*  \[return-value\]$/,
        ];
        const errors = r.lines.filter((l) => / error: /.test(l));
        const unknown = errors.filter((l) => !known.some((k) => k.test(l)));
        assert.deepEqual(unknown, []);
        assert.match(r.lines[r.lines.length - 1]!, /^(Success: no issues found|Found \d+ errors? in \d+ files?) .*source files?\)$/);
    });
});
