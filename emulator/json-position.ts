/**
 * Where JSON text first goes wrong, found without quoting it: V8's own message quotes the text
 * around the error, and a fixture file holds secrets.
 */

class Scanner {
  i = 0;
  constructor(private readonly text: string) {}

  private ws(): void {
    while (/[ \t\r\n]/.test(this.text[this.i] ?? "")) this.i++;
  }

  private fail(): never {
    throw this.i;
  }

  private literal(word: string): void {
    if (this.text.startsWith(word, this.i)) this.i += word.length;
    else this.fail();
  }

  private string(): void {
    this.i++; // the opening quote
    for (;;) {
      const ch = this.text[this.i];
      if (ch === undefined || ch < " ") this.fail();
      if (ch === '"') {
        this.i++;
        return;
      }
      if (ch === "\\") {
        const escape = this.text[this.i + 1] ?? "";
        if (escape === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.fail();
          this.i += 6;
        } else if ('"\\/bfnrt'.includes(escape) && escape !== "") this.i += 2;
        else this.fail();
      } else this.i++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.i));
    if (!match) this.fail();
    this.i += match[0].length;
  }

  private members(close: string, member: () => void): void {
    this.i++; // the opening bracket
    this.ws();
    if (this.text[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      member();
      this.ws();
      const ch = this.text[this.i];
      if (ch === close) {
        this.i++;
        return;
      }
      if (ch !== ",") this.fail();
      this.i++;
    }
  }

  value(): void {
    this.ws();
    const ch = this.text[this.i];
    if (ch === "{") {
      this.members("}", () => {
        this.ws();
        if (this.text[this.i] !== '"') this.fail();
        this.string();
        this.ws();
        if (this.text[this.i] !== ":") this.fail();
        this.i++;
        this.value();
      });
    } else if (ch === "[") this.members("]", () => this.value());
    else if (ch === '"') this.string();
    else if (ch === "t") this.literal("true");
    else if (ch === "f") this.literal("false");
    else if (ch === "n") this.literal("null");
    else this.number();
  }

  document(): void {
    this.value();
    this.ws();
    if (this.i < this.text.length) this.fail();
  }
}

/** The offset of the first character that makes `text` invalid JSON, or undefined when it is valid. */
export function jsonErrorOffset(text: string): number | undefined {
  try {
    new Scanner(text).document();
    return undefined;
  } catch (offset) {
    // Anything else (a nesting too deep for the stack) leaves the position unknown.
    return typeof offset === "number" ? offset : undefined;
  }
}

/** "line L, column C" of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}
