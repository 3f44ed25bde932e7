/**
 * The real-CLI section of docs/benchmarks.md. `npm run bench:cli` writes it to
 * docs/benchmarks-cli.md and splices it into docs/benchmarks.md between two markers;
 * `npm run bench` regenerates docs/benchmarks.md and splices it back, so neither run loses
 * the other's figures.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const DOCS = path.join(__dirname, "..", "..", "docs");
/** Where `npm run bench:cli` writes its figures. */
export const CLI_SECTION_FILE = path.join(DOCS, "benchmarks-cli.md");
const START = "<!-- bench:cli start: written by npm run bench:cli (docs/benchmarks-cli.md) -->";
const END = "<!-- bench:cli end -->";
// The heading the first bench:cli appended before the markers existed.
const LEGACY_HEADING = "\n## pulumi up of 500 resources through the real CLI";

/** The saved real-CLI section between its markers, or a line saying it was not run. */
function cliBlock(): string {
    const body = fs.existsSync(CLI_SECTION_FILE) ? fs.readFileSync(CLI_SECTION_FILE, "utf8").trim() : "The real-CLI figures have not been measured yet: run `npm run bench:cli`.";
    return `${START}\n${body}\n${END}\n`;
}

/** `text` (a docs/benchmarks.md) with any earlier real-CLI section replaced by the saved one, at the end. */
export function withCliSection(text: string): string {
    let head = text;
    const at = head.indexOf(START);
    if (at >= 0) {
        const end = head.indexOf(END, at);
        head = head.slice(0, at) + (end >= 0 ? head.slice(end + END.length) : "");
    }
    const legacy = head.indexOf(LEGACY_HEADING);
    if (legacy >= 0) head = head.slice(0, legacy);
    return `${head.trimEnd()}\n\n${cliBlock()}`;
}

/** Rewrites docs/benchmarks.md with the saved real-CLI section. */
export function spliceCliSection(): void {
    const file = path.join(DOCS, "benchmarks.md");
    fs.writeFileSync(file, withCliSection(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n"));
}
