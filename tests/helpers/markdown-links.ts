import * as fs from "node:fs";
import * as path from "node:path";

/** A relative link that does not lead where it says. */
export interface BrokenLink {
    /** The Markdown file holding the link, relative to the root checked. */
    file: string;
    link: string;
    why: string;
}

/** `README.md` and every `.md` file under `docs/`, relative to `root`, sorted. */
export function markdownFiles(root: string): string[] {
    const found: string[] = fs.existsSync(path.join(root, "README.md")) ? ["README.md"] : [];
    const walk = (dir: string): void => {
        if (!fs.existsSync(path.join(root, dir))) return;
        for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
            const rel = path.posix.join(dir, entry.name);
            if (entry.isDirectory()) walk(rel);
            else if (entry.name.endsWith(".md")) found.push(rel);
        }
    };
    walk("docs");
    return found.sort();
}

/** The text outside fenced code blocks, line by line (a fenced line becomes empty). */
function outsideFences(markdown: string): string[] {
    let fence: string | undefined;
    return markdown.split("\n").map((line) => {
        const open = /^\s*(`{3,}|~{3,})/.exec(line);
        if (fence === undefined && open) {
            fence = open[1];
            return "";
        }
        if (fence !== undefined) {
            if (line.trim().startsWith(fence)) fence = undefined;
            return "";
        }
        return line;
    });
}

/** Link targets written in `markdown`: `[text](target)`, `![alt](target)`, `href="…"` and `src="…"`, outside code. */
export function linkTargets(markdown: string): string[] {
    const text = outsideFences(markdown)
        .map((line) => line.replace(/`[^`]*`/g, "``"))
        .join("\n");
    const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? "");
    const html = [...text.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? "");
    return [...inline, ...html].filter((t) => t !== "");
}

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, each space a hyphen. */
export function headingSlug(heading: string): string {
    const plain = heading
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/<[^>]+>/g, "")
        .replace(/[`*]/g, "")
        .trim()
        .toLowerCase();
    return plain.replace(/[^\p{L}\p{N}\p{M} _-]/gu, "").replace(/ /g, "-");
}

/** Every anchor a Markdown file defines: its headings' slugs (repeats numbered as GitHub does) and `<a id|name="…">`. */
export function anchorsOf(markdown: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    for (const line of outsideFences(markdown)) {
        const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
        if (heading) {
            const slug = headingSlug(heading[1] ?? "");
            const n = seen.get(slug) ?? 0;
            seen.set(slug, n + 1);
            anchors.add(n === 0 ? slug : `${slug}-${n}`);
        }
        for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1] ?? "");
    }
    return anchors;
}

/**
 * Every relative link in `files` (Markdown files under `root`) whose file is missing or whose
 * `#anchor` names no heading there.
 */
export function brokenLinks(root: string, files: readonly string[]): BrokenLink[] {
    const broken: BrokenLink[] = [];
    const anchorCache = new Map<string, Set<string>>();
    const anchors = (file: string): Set<string> => {
        let found = anchorCache.get(file);
        if (!found) {
            found = anchorsOf(fs.readFileSync(path.join(root, file), "utf8"));
            anchorCache.set(file, found);
        }
        return found;
    };
    for (const file of files) {
        for (const link of linkTargets(fs.readFileSync(path.join(root, file), "utf8"))) {
            if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
            const [rawPath = "", rawAnchor] = link.split("#", 2);
            const target = rawPath === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(rawPath)));
            if (target.startsWith("../")) {
                broken.push({ file, link, why: "leads outside the folder checked" });
                continue;
            }
            if (!fs.existsSync(path.join(root, target)) || !fs.statSync(path.join(root, target)).isFile()) {
                broken.push({ file, link, why: `${target} does not exist` });
                continue;
            }
            if (rawAnchor !== undefined && target.endsWith(".md") && !anchors(target).has(decodeURIComponent(rawAnchor))) {
                broken.push({ file, link, why: `${target} has no heading or anchor #${rawAnchor}` });
            }
        }
    }
    return broken;
}
