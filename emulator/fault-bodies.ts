/**
 * Damaged success bodies for the body-shape faults. None of them puts a secret value
 * back in a string field, so a test can check that decode errors never echo secrets
 * only when the fault itself did not carry them.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The same field names with the wrong types: strings become numbers or objects
 * (alternately), "true"/"false" strings become booleans (Astra's `isSelfSigned` is a
 * string by contract), numbers become strings and arrays become objects.
 */
export function withWrongTypes(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    return depth === 0 ? { items: value.length } : value.map((item) => withWrongTypes(item, depth + 1));
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    Object.keys(value).forEach((key, index) => {
      const field = value[key];
      if (typeof field === "string") {
        if (field === "true" || field === "false") out[key] = field === "true";
        else out[key] = index % 2 === 0 ? field.length : { length: field.length };
      } else if (Array.isArray(field) && depth === 0) {
        out[key] = field.map((item) => withWrongTypes(item, depth + 1));
      } else {
        out[key] = withWrongTypes(field, depth + 1);
      }
    });
    return out;
  }
  if (typeof value === "string") return value.length;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  return value;
}

/** The body without the listed top-level fields. */
export function withoutFields(value: unknown, fields: readonly string[]): unknown {
  if (!isRecord(value)) return {};
  const out: Record<string, unknown> = { ...value };
  for (const field of fields) delete out[field];
  return out;
}

/** The JSON text of `value`, cut in the middle. */
export function truncatedJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text.slice(0, Math.floor(text.length / 2));
}

/**
 * Valid JSON of exactly `bytes` bytes: the success body plus a `padding` string when
 * it fits, else a bare JSON string (or a single digit) of that size.
 */
export function oversizeJson(value: unknown, bytes: number): Buffer {
  const head = `${JSON.stringify({ ...(isRecord(value) ? value : {}), padding: "" }).slice(0, -2)}`;
  const headBytes = Buffer.byteLength(head);
  if (bytes >= headBytes + 2) {
    return Buffer.concat([Buffer.from(head), Buffer.alloc(bytes - headBytes - 2, "x"), Buffer.from('"}')]);
  }
  if (bytes >= 2) return Buffer.concat([Buffer.from('"'), Buffer.alloc(bytes - 2, "x"), Buffer.from('"')]);
  return Buffer.alloc(bytes, "0");
}

/** A reverse proxy's 502 page. */
export const BAD_GATEWAY_HTML =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
