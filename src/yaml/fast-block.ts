/**
 * A fast path for {@link yamlToJson}: the plain block YAML that KWOK's status templates render
 * (block mappings and sequences, simple keys, plain, single- and double-quoted one-line scalars,
 * one-line flow collections), read without the general parser.
 *
 * It accepts only a small subset where go-yaml v2 (and the general path) cannot read anything
 * else, and declines everything it is not sure about — the caller then takes the general path,
 * so a decline is never wrong:
 * - the text is printable ASCII and line feeds only (no tabs, CR, NEL, LS/PS, control or
 *   non-ASCII characters), has no `#` (comments), `&`/`*` (anchors, aliases), `!` (tags), `|`/`>`
 *   (block scalars), `%`, `@`, `` ` `` nor `?`, no document markers and no line longer than
 *   go-yaml's simple-key limit;
 * - keys are `[A-Za-z0-9_][A-Za-z0-9_./-]*` that go-yaml resolves to that same string (not
 *   `true`, `y`, `null`, `1`, …), never `__proto__` nor a duplicate;
 * - plain scalars are one line, start with no indicator, hold no `: `, no flow indicator
 *   (`,[]{}`) and do not end with `:` (the values `[]` and `{}` are read as such);
 *   they resolve with go-yaml's own resolver ({@link resolveGoYamlScalar}) to a string, a
 *   timestamp (kept as text), null, a bool or an integer that is a safe JS number (floats and
 *   big integers decline);
 * - double-quoted scalars are one line with only the escapes `\"`, `\\`, `\n`, `\t` and `\uXXXX`
 *   of a printable BMP character (read by `JSON.parse`, which means the same for those);
 *   single-quoted ones are one line with `''` for a quote;
 * - flow collections on one line: `{k: v}` with simple plain keys or double-quoted ones (JSON
 *   style), `[a, b]`, holding quoted scalars, flow collections and plain scalars without
 *   blanks, `:` or flow indicators;
 * - structure: indentation by spaces, `- ` entries (several on a line too), a sequence may sit at
 *   its key's indentation; a continuation line (more indented after a scalar), any other
 *   indentation, or anything after the top node declines.
 *
 * @module
 */
import { resolveGoYamlScalar } from "./resolve.js";

/** Returned when the fast path does not apply. */
export const DECLINED: unique symbol = Symbol("yaml fast path declined");

/** Characters outside the subset, anywhere in the text. */
const OUTSIDE = /[^\x20-\x7e\n]|[#&*!|>%@`?]|^(?:---|\.\.\.)/m;
const KEY_LINE = /^([A-Za-z0-9_][A-Za-z0-9_./-]*):(?: +(.*))?$/;
const DQ_BODY = /^(?:[^"\\]|\\["\\nt]|\\u[0-9a-fA-F]{4})*$/;
const U_ESCAPE = /\\u([0-9a-fA-F]{4})/g;
const MAX_LINE = 1024;

/** One line's node start: a `- ` entry marker, or content (a key line or a scalar). */
interface Item {
  readonly col: number;
  readonly dash: boolean;
  readonly text: string;
}

class Decline {}
const DECLINE = new Decline();

function decline(): never {
  throw DECLINE;
}

/**
 * Reads `text` as {@link yamlToJson} would, when it is in the subset above.
 *
 * @param text - the YAML text
 * @returns the JSON data, or {@link DECLINED}
 */
export function fastBlockYamlToJson(text: string): unknown {
  if (OUTSIDE.test(text)) return DECLINED;
  const items = scan(text);
  if (items === undefined) return DECLINED;
  if (items.length === 0) return null;
  try {
    const reader = new Reader(items);
    const value = reader.node(0);
    if (reader.at < items.length) return DECLINED;
    return value;
  } catch (e) {
    if (e === DECLINE) return DECLINED;
    throw e;
  }
}

function scan(text: string): Item[] | undefined {
  const items: Item[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end - start > MAX_LINE) return undefined;
    let col = 0;
    let i = start;
    while (i < end && text.charCodeAt(i) === 0x20) i++;
    col = i - start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 0x2d /* - */ && (i + 1 === end || text.charCodeAt(i + 1) === 0x20)) {
        items.push({ col, dash: true, text: "" });
        i++;
        while (i < end && text.charCodeAt(i) === 0x20) i++;
        col = i - start;
        continue;
      }
      let e = end;
      while (text.charCodeAt(e - 1) === 0x20) e--;
      items.push({ col, dash: false, text: text.slice(i, e) });
      break;
    }
    start = end + 1;
  }
  return items;
}

/** Nesting beyond this declines (the general path bounds nesting at 100 levels). */
const MAX_DEPTH = 50;

class Reader {
  at = 0;
  private depth = 0;
  constructor(private readonly items: readonly Item[]) {}

  /** A node more indented than `min` (or a sequence at `seqAt`, a key's indentation), or null. */
  node(min: number, seqAt = -1): unknown {
    const item = this.items[this.at];
    if (item === undefined) return null;
    if (item.dash && item.col === seqAt) return this.nested(() => this.sequence(item.col));
    if (item.col < min) return null;
    if (item.dash) return this.nested(() => this.sequence(item.col));
    if (KEY_LINE.test(item.text)) return this.nested(() => this.mapping(item.col));
    this.at++;
    const next = this.items[this.at];
    if (next !== undefined && next.col >= min && !(next.dash && next.col === seqAt)) decline();
    return scalar(item.text);
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) decline();
    const value = read();
    this.depth--;
    return value;
  }

  private sequence(col: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const item = this.items[this.at];
      if (item === undefined || item.col !== col || !item.dash) break;
      this.at++;
      out.push(this.node(col + 1));
    }
    const next = this.items[this.at];
    if (next !== undefined && next.col > col) decline();
    return out;
  }

  private mapping(col: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      const item = this.items[this.at];
      if (item === undefined || item.col !== col || item.dash) break;
      const m = KEY_LINE.exec(item.text);
      if (m === null) decline();
      const key = m[1] as string;
      if (key === "__proto__" || Object.hasOwn(out, key)) decline();
      const k = resolveGoYamlScalar(key);
      if (k.tag !== "str") decline();
      this.at++;
      const rest = m[2];
      if (rest === undefined || rest === "") out[key] = this.node(col + 1, col);
      else {
        out[key] = scalar(rest);
        const next = this.items[this.at];
        if (next !== undefined && next.col > col) decline();
      }
    }
    const next = this.items[this.at];
    if (next !== undefined && next.col > col) decline();
    return out;
  }
}

function scalar(text: string): unknown {
  const c = text.charCodeAt(0);
  if (c === 0x22 /* " */) {
    if (text.length < 2 || text.charCodeAt(text.length - 1) !== 0x22) decline();
    const body = text.slice(1, -1);
    if (!DQ_BODY.test(body)) decline();
    for (const m of body.matchAll(U_ESCAPE)) {
      const u = Number.parseInt(m[1] as string, 16);
      if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || (u >= 0xd800 && u <= 0xdfff) || u >= 0xfffe) decline();
    }
    return JSON.parse(text) as string;
  }
  if (c === 0x27 /* ' */) {
    if (text.length < 2 || text.charCodeAt(text.length - 1) !== 0x27) decline();
    const body = text.slice(1, -1);
    if (body.replaceAll("''", "").includes("'")) decline();
    return body.replaceAll("''", "'");
  }
  if (c === 0x7b /* { */ || c === 0x5b /* [ */) return flowCollection(text);
  // plain: no indicator first (a `-` only before a non-blank), no `: `, no `:` at the end
  if (",[]{}:'\"".includes(text[0] as string) || /[[\]{},]/.test(text) || text.includes(": ") || text.endsWith(":")) decline();
  if (c === 0x2d && (text.length === 1 || text.charCodeAt(1) === 0x20)) decline();
  return plain(text);
}

/** A plain scalar's value (go-yaml's resolution), declining floats and big integers. */
function plain(text: string): unknown {
  const r = resolveGoYamlScalar(text);
  switch (r.tag) {
    case "str":
    case "timestamp":
      return text;
    case "null":
    case "bool":
      return r.value;
    case "int":
      if (typeof r.value === "number") return r.value;
      return decline();
    default:
      return decline();
  }
}

/** Plain scalars inside flow collections: a conservative character set (no blanks, no `:`). */
const FLOW_PLAIN = /[A-Za-z0-9_./+~-]+/y;
const FLOW_KEY = /[A-Za-z0-9_][A-Za-z0-9_./-]*/y;

/**
 * A one-line flow collection (`{running: {startedAt: "…"}}`, `{"cpu":"1k"}`, `[a, "b"]`): keys
 * are simple plain keys followed by `: `, or double-quoted keys (JSON style, `:` with or without
 * blanks); values are flow collections, quoted scalars or plain scalars of {@link FLOW_PLAIN}.
 * No empty entries, no trailing comma, nothing after the collection.
 */
function flowCollection(text: string): unknown {
  let i = 0;
  let depth = 0;
  const blanks = (): void => {
    while (text.charCodeAt(i) === 0x20) i++;
  };
  const quoted = (): string => {
    const q = text.charCodeAt(i);
    let j = i + 1;
    for (;;) {
      if (j >= text.length) decline();
      const d = text.charCodeAt(j);
      if (q === 0x22 && d === 0x5c /* \ */) j += 2;
      else if (d === q) {
        if (q === 0x27 && text.charCodeAt(j + 1) === 0x27) j += 2;
        else break;
      } else j++;
    }
    const s = scalar(text.slice(i, j + 1)) as string;
    i = j + 1;
    return s;
  };
  const node = (): unknown => {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) return quoted();
    if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) decline();
      const v = c === 0x7b ? mapping() : sequence();
      depth--;
      return v;
    }
    FLOW_PLAIN.lastIndex = i;
    const m = FLOW_PLAIN.exec(text);
    if (m === null || m[0] === "-") decline();
    i += m[0].length;
    const next = text.charCodeAt(i);
    if (i < text.length && next !== 0x20 && next !== 0x2c && next !== 0x5d && next !== 0x7d) decline();
    return plain(m[0]);
  };
  const entries = (close: number, entry: () => void): void => {
    i++;
    blanks();
    if (text.charCodeAt(i) === close) {
      i++;
      return;
    }
    for (;;) {
      entry();
      blanks();
      const c = text.charCodeAt(i);
      if (c === close) {
        i++;
        return;
      }
      if (c !== 0x2c) decline();
      i++;
      blanks();
    }
  };
  const sequence = (): unknown[] => {
    const out: unknown[] = [];
    entries(0x5d, () => out.push(node()));
    return out;
  };
  const mapping = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    entries(0x7d, () => {
      let key: string;
      if (text.charCodeAt(i) === 0x22) {
        key = quoted();
        blanks();
        if (text.charCodeAt(i) !== 0x3a) decline();
        i++;
        blanks();
      } else {
        FLOW_KEY.lastIndex = i;
        const m = FLOW_KEY.exec(text);
        if (m === null) decline();
        key = m[0];
        i += key.length;
        if (text.charCodeAt(i) !== 0x3a || text.charCodeAt(i + 1) !== 0x20 || resolveGoYamlScalar(key).tag !== "str") decline();
        i += 2;
        blanks();
      }
      if (key === "__proto__" || Object.hasOwn(out, key)) decline();
      out[key] = node();
    });
    return out;
  };
  const value = node();
  if (i !== text.length) decline();
  return value;
}
