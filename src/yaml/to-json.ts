/**
 * YAML → JSON data with the semantics of `sigs.k8s.io/yaml.YAMLToJSON` (go-yaml v2.4).
 *
 * @module
 */
import yaml from "js-yaml";
import { ErrorCode, StagecraftError } from "../errors.js";
import { DECLINED, fastBlockYamlToJson } from "./fast-block.js";
import { goJsonNumber } from "./json.js";
import { goYamlSchema, KeyedScalar, MERGE_MARKER, type SchemaState } from "./schema.js";

let cached: { readonly schema: yaml.Schema; readonly state: SchemaState } | undefined;

function setup(): { readonly schema: yaml.Schema; readonly state: SchemaState } {
  if (cached === undefined) {
    const state: SchemaState = { nonFinite: false, wrapped: false, wrapNull: true };
    cached = { schema: goYamlSchema(state), state };
  }
  return cached;
}

/** Text that may hold a null map key (`~: v`, `null: v`, `!!null '': v`, `? ~`, `: v`). */
const MAYBE_NULL_KEY = /(?:~|null|Null|NULL|!!null(?:[^\n:!]|!(?!!null))*)[ \t]*:|\?|^[ \t-]*:|[{,][ \t]*:/m;

/**
 * Text that may hold a collection as a map key (`[a]: 1`, `{a: 1}: 2`, `? [a]`, `*alias : 1`):
 * go-yaml fails on those ("invalid map key"), where js-yaml would stringify them.
 */
const MAYBE_COLLECTION_KEY = /[\]}][ \t]*:|\?(?:[ \t\r\n]|$)|\*/;

interface LoaderState {
  result: unknown;
  tag: string | null;
  kind: string | null;
  position: number;
  length: number;
  input: string;
}

/** What the loader listener has to do (each is needed only for some texts). */
interface ListenerTasks {
  /** Wrap collections so that a collection used as a key fails. */
  readonly wrap: boolean;
  /** Drop the line break js-yaml appends from a block scalar that ends the text. */
  readonly trimFinalBreak: boolean;
  /** Reject implicit keys longer than go-yaml's simple-key limit. */
  readonly longKeys: boolean;
  /** Read an empty node with the non-specific tag `!` as `""`, as go-yaml does. */
  readonly emptyBangTag: boolean;
}

/** go-yaml's simple-key limit: a key's first character at most 1024 characters before its `:`. */
const MAX_SIMPLE_KEY = 1024;

/**
 * A js-yaml listener. With `wrap`, it wraps every sequence and mapping in a {@link KeyedScalar}
 * whose key form is go-yaml's "invalid map key" error ({@link unwrap} removes the wrappers
 * afterwards). With `trimFinalBreak`, it drops the line break js-yaml appends to a text that does
 * not end with one from a block scalar that ends the text (go-yaml keeps only line breaks that are
 * there: `a: |\n  x` is `"x"`). With `longKeys`, a node followed by `:` on its line that starts
 * more than 1024 characters before it fails, as go-yaml's scanner does.
 */
function listener(state: SchemaState, tasks: ListenerTasks): (event: string, s: LoaderState) => void {
  const starts: number[] = [];
  return (event, s) => {
    if (event === "open") {
      if (tasks.longKeys) starts.push(s.position);
      return;
    }
    if (tasks.longKeys) {
      const start = starts.pop() ?? 0;
      if (s.position - start > MAX_SIMPLE_KEY) {
        let i = s.position;
        while (s.input[i] === " " || s.input[i] === "\t") i++;
        if (s.input[i] === ":" && Array.from(s.input.slice(start, i)).length > MAX_SIMPLE_KEY) {
          throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: could not find expected ':'");
        }
      }
    }
    const r = s.result;
    if (tasks.emptyBangTag && r === null && s.tag === "!") {
      s.result = "";
      return;
    }
    if (tasks.trimFinalBreak && s.kind === "scalar" && typeof r === "string" && s.position >= s.length && r.endsWith("\n")) {
      s.result = r.slice(0, -1);
    } else if (tasks.wrap && (Array.isArray(r) || (r !== null && typeof r === "object" && Object.getPrototypeOf(r) === Object.prototype))) {
      state.wrapped = true;
      s.result = new KeyedScalar(r, `invalid map key: ${Array.isArray(r) ? "a sequence" : "a mapping"}`, true);
    }
  };
}

/** Whether the text ends without a line break on a line with content (which a block scalar may hold). */
function endsOnContentLine(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (text.length === 0 || last === 10 || last === 13 || !(text.includes("|") || text.includes(">"))) return false;
  return /[^ \t]/.test(text.slice(text.lastIndexOf("\n") + 1));
}

/** Whether a line is longer than go-yaml's simple-key limit (a linear scan; a regex would backtrack). */
function hasLongLine(text: string): boolean {
  let start = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
    if (nl - start > MAX_SIMPLE_KEY) return true;
    start = nl + 1;
  }
  return text.length - start > MAX_SIMPLE_KEY;
}

/** Characters go-yaml's reader rejects anywhere in its input (and unpaired surrogates). */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A lone `!` tag (the non-specific tag; go-yaml reads an empty node with it as `""`). */
const LONE_BANG = /(?:^|[\s[{,])!(?=[\s,\]}]|$)/;

/** go-yaml's anchor and alias names: ASCII letters, digits, `_` and `-`. */
const ANCHOR_NAME = /[0-9A-Za-z_-]*/y;

/**
 * Text where {@link goYamlLexicalRules} may apply (one scan): `\/`, `\'` and escapes that may name
 * a surrogate or a code point beyond U+10FFFF; tabs; an anchor or alias that go-yaml may read
 * differently (empty, or not ended by a blank); `?` or `:` in flow collections where YAML 1.1's
 * flow rules differ from js-yaml's; flow collections over several lines.
 */
const LEXICAL_RULES = /[\u0085\u2028\u2029]|\\[/'U]|\\u[dD][89a-fA-F]|\t|[&*](?![0-9A-Za-z_-]+(?:[\s,[\]{}]|$))|(?:^|\n)[^\n[{]*[[{][^\n]*?(?:\?|:[,[\]{}])|[[{,][ \t]*:|[[{][^\]}\n[{]*\n/;

const TAB_TOKEN = "yaml: found character that cannot start any token";

/**
 * Lexical rules where go-yaml v2 and js-yaml differ, checked with a small YAML lexer (comments,
 * quoted and block scalars and flow depth tracked):
 * - double-quoted escapes: `\/` is an error in go-yaml and `\'` an apostrophe, and escapes of
 *   surrogates or beyond U+10FFFF are errors;
 * - anchors and aliases: go-yaml's names are `[0-9A-Za-z_-]+`, ended by a blank or one of
 *   ``?:,]}%@` ``;
 * - flow context: `?` is a key indicator even before a non-blank and ends plain scalars; `:`
 *   at a node's start is a value indicator, inside a plain scalar it ends it only before a blank;
 * - line breaks: NEL, LS and PS break lines in YAML 1.1 (a NEL inside a quoted scalar folds like
 *   one; LS and PS there stay characters, as in go-yaml);
 * - tabs in block context: go-yaml rejects a tab at the start of a line and in the blanks after
 *   a `-`, `?` or line-leading `:` indicator (it only skips tabs where no simple key may start).
 *
 * @returns the text with go-yaml's escapes applied where js-yaml would read them differently
 */
function goYamlLexicalRules(source: string): string {
  // NEL is a line break in every context of go-yaml, read as "\n"
  const text = source.includes("\u0085") ? source.replaceAll("\u0085", "\n") : source;
  let out = "";
  let from = 0;
  let i = 0;
  let nodeStart = true;
  let lineIndent = 0;
  let depth = 0;
  let lineStart = 0;
  // go-yaml lets a plain scalar's trailing blanks hold tabs at columns past its block collection's
  // column (-1 at the top level); anywhere else a tab in a line's leading blanks is an error
  let plainOpen = false;
  let tokenCol = 0;
  let tokenStart = 0;
  let collectionCol = -1;
  let flowCol = 0;
  const n = text.length;
  const fail = (at: number, message: string): never => {
    throw new StagecraftError(ErrorCode.YamlSyntax, message, { location: locate(text, at) });
  };
  const isSpace = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\n" || c === "\r" || c === undefined;
  while (i < n) {
    const c = text[i] as string;
    if ((c === "\u2028" || c === "\u2029") && depth > 0 && plainOpen) {
      // inside a plain scalar in a flow collection go-yaml keeps LS/PS as the folded line break
      // (the next line's leading blanks dropped)
      i++;
      let j = i;
      while (text[j] === " " || text[j] === "\t") j++;
      if (j > i) {
        out += text.slice(from, i);
        from = j;
        i = j;
      }
      continue;
    }
    if (c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029") {
      if (c !== "\n" && c !== "\r") {
        // YAML 1.1 line breaks that js-yaml does not know
        out += `${text.slice(from, i)}\n`;
        from = i + 1;
      }
      i++;
      lineStart = i;
      lineIndent = 0;
      while (text[i] === " ") {
        i++;
        lineIndent++;
      }
      if (depth > 0 && plainOpen && !",]}#\n\r".includes(text[i] ?? "\n")) {
        // a plain scalar continued inside a flow collection: go-yaml accepts any indentation, js-yaml
        // only one deeper than the enclosing block, so the line is indented past the collection
        out += `${text.slice(from, i)}${" ".repeat(flowCol + 1)}`;
        from = i;
      }
      if (depth === 0) {
        let j = i;
        while (text[j] === " " || (text[j] === "\t" && plainOpen && j - lineStart > collectionCol)) j++;
        if (text[j] === "\t") fail(j, TAB_TOKEN);
      }
      nodeStart = true;
      continue;
    }
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === "#" && (i === 0 || isSpace(text[i - 1]))) {
      plainOpen = false;
      while (i < n && text[i] !== "\n" && text[i] !== "\r") i++;
      continue;
    }
    if (nodeStart && c === '"') {
      plainOpen = false;
      tokenCol = i - lineStart;
      let j = i + 1;
      while (j < n && text[j] !== '"') {
        if (text[j] === "\\") {
          const e = text[j + 1];
          if (e === "/") throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: found unknown escape character", { location: locate(text, j) });
          if (e === "'") {
            out += `${text.slice(from, j)}'`;
            from = j + 2;
          }
          if (e === "u" || e === "U") {
            const code = Number.parseInt(text.slice(j + 2, j + (e === "u" ? 6 : 10)), 16);
            if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) fail(j, "yaml: found invalid Unicode character escape code");
          }
          j++;
        }
        j++;
      }
      i = j + 1;
      nodeStart = false;
      continue;
    }
    if (nodeStart && c === "'") {
      plainOpen = false;
      tokenCol = i - lineStart;
      let j = i + 1;
      while (j < n && (text[j] !== "'" || text[j + 1] === "'")) j += text[j] === "'" ? 2 : 1;
      i = j + 1;
      nodeStart = false;
      continue;
    }
    if (nodeStart && (c === "|" || c === ">")) {
      plainOpen = false;
      // skip the block scalar: the following lines indented more than this one, and blank lines
      while (i < n && text[i] !== "\n") i++;
      for (;;) {
        const next = text.indexOf("\n", i + 1);
        const line = text.slice(i + 1, next < 0 ? n : next);
        if (i < n && line.startsWith("\t")) fail(i + 1, "yaml: found a tab character where an indentation space is expected");
        if (i >= n || !(line.trim() === "" || /^ */.exec(line)![0].length > lineIndent)) break;
        // LS and PS break lines too: content after one that is not indented ends the block scalar
        const ls = /[\u2028\u2029] *(?=[^ \n\u2028\u2029])/.exec(line);
        if (ls !== null && ls[0].length - 1 <= lineIndent) {
          i += 1 + ls.index - 1;
          break;
        }
        i = next < 0 ? n : next;
      }
      continue;
    }
    if (depth > 0 && c === "?") {
      // go-yaml: in flow context `?` is a key indicator even before a non-blank, and ends a plain scalar
      if (!nodeStart) fail(i, "yaml: did not find expected ',' or ']'");
      if (!isSpace(text[i + 1])) {
        out += `${text.slice(from, i + 1)} `;
        from = i + 1;
      }
      i++;
      continue;
    }
    if (depth > 0 && c === ":") {
      // go-yaml: in flow context a `:` token is a value indicator, even before a non-blank (after an
      // empty key it fails as a nil key or a syntax error); inside a plain scalar it ends the scalar
      // only before a blank, so `x:]` is the scalar "x:"
      if (nodeStart) fail(i, "yaml: did not find expected node content");
      if (!plainOpen || isSpace(text[i + 1])) {
        plainOpen = false;
        nodeStart = true;
        i++;
        continue;
      }
      if (plainOpen && ",[]{}".includes(text[i + 1] as string)) {
        const scalar = text.slice(tokenStart, i + 1);
        out += `${text.slice(from, tokenStart)}${JSON.stringify(scalar)}`;
        from = i + 1;
        plainOpen = false;
        i++;
        continue;
      }
    }
    const wasPlain = plainOpen;
    plainOpen = false;
    if (((c === "[" || c === "{") && nodeStart) || (c === "," && depth > 0) || ((c === "-" || c === "?" || c === ":") && isSpace(text[i + 1]))) {
      if (depth === 0 && (c === "-" || c === "?")) collectionCol = i - lineStart;
      else if (depth === 0 && c === ":" && i - lineStart > lineIndent) collectionCol = tokenCol;
      if (depth === 0 && nodeStart && (c === "-" || c === "?" || (c === ":" && text.lastIndexOf("\n", i - 1) + 1 + lineIndent === i))) {
        for (let j = i + 1; text[j] === " " || text[j] === "\t"; j++) if (text[j] === "\t") fail(j, TAB_TOKEN);
      }
      if (c === "[" || c === "{") {
        if (depth === 0) flowCol = i - lineStart;
        depth++;
      }
      i++;
      nodeStart = true;
      continue;
    }
    if ((c === "]" || c === "}") && depth > 0) {
      depth--;
      i++;
      nodeStart = false;
      continue;
    }
    if ((c === "&" || c === "*") && nodeStart) {
      // go-yaml's names are [0-9A-Za-z_-]+ and must end at a blank or one of ?:,]}%@`; js-yaml's
      // run to a blank or flow indicator, so a space is put where go-yaml's name ends
      ANCHOR_NAME.lastIndex = i + 1;
      const end = i + 1 + (ANCHOR_NAME.exec(text)?.[0].length ?? 0);
      const next = text[end];
      if (end === i + 1 || !(isSpace(next) || (next !== undefined && "?:,]}%@`".includes(next)))) {
        fail(i, "yaml: did not find expected alphabetic or numeric character");
      }
      let k = end;
      while (text[k] === " " || text[k] === "\t") k++;
      if (c === "&" && text[k] === ":" && isSpace(text[k + 1])) fail(i, "yaml: unsupported map key of type: <nil>");
      if (next !== undefined && "?:%@`".includes(next)) {
        out += `${text.slice(from, end)} `;
        from = end;
      }
      i = end;
      nodeStart = c === "&";
      continue;
    }
    if (c === "!" && nodeStart) {
      while (i < n && !isSpace(text[i])) i++;
      continue;
    }
    // plain text: runs to a separator
    if (!wasPlain || i - lineStart === lineIndent) {
      tokenCol = i - lineStart;
      tokenStart = i;
    }
    plainOpen = true;
    nodeStart = false;
    i++;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A line that starts a new document (`---`) or ends one (`...`), at column 0. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)|^%/gm;
/**
 * A block collection starting on the `---` line (`--- a: 1`, `--- - a`): go-yaml rejects it, js-yaml
 * reads it.
 */
const BLOCK_ON_MARKER_LINE = /^[ \t]+(?:[-?](?:[ \t]|$)|(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{}|>!&*,][^#]*?)[ \t]*:(?:[ \t]|$))/;

/** Lines that may precede a document's content: blank, comments, directives. */
const PREAMBLE = /^(?:[ \t]*(?:#.*)?|%.*)$/;

/**
 * go-yaml's checks of a directive line: only `%YAML` and `%TAG` are known, and only YAML 1.1 is
 * accepted. After a document's content only well-formed known directives count (a `%` line there
 * may continue a quoted scalar).
 *
 * @returns whether the line is a directive (which ends a document that has begun)
 */
function checkDirective(line: string, afterContent: boolean): boolean {
  const name = /^%([^ \t\r\n]*)/.exec(line)?.[1] ?? "";
  if (afterContent) return /^%(?:YAML|TAG)[ \t]/.test(line);
  if (name === "") return true;
  if (name !== "YAML" && name !== "TAG") throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: found unknown directive name");
  const version = /^%YAML[ \t]+(\d+)\.(\d+)/.exec(line);
  if (version !== null && (Number(version[1]) !== 1 || Number(version[2]) !== 1)) {
    throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: found incompatible YAML document");
  }
  return true;
}

/** The text of the first document only (go-yaml's `Unmarshal` reads one document). */
function firstDocument(text: string): string {
  DOCUMENT_MARKER.lastIndex = 0;
  let seenContent = false;
  let from = 0;
  let seenStart = false;
  for (let m = DOCUMENT_MARKER.exec(text); m !== null; m = DOCUMENT_MARKER.exec(text)) {
    if (!seenContent) {
      const before = text.slice(from, m.index).split(/\r?\n/);
      seenContent = before.some((line) => !PREAMBLE.test(line));
    }
    if (m[0] === "%") {
      // a directive at column 0: go-yaml's scanner reads it wherever it is; after content or a
      // document start it ends the document
      const eol = text.indexOf("\n", m.index);
      const started = seenContent || seenStart;
      if (!checkDirective(text.slice(m.index, eol < 0 ? text.length : eol), started)) continue;
      if (started) return text.slice(0, m.index);
      from = eol < 0 ? text.length : eol + 1;
      continue;
    }
    if (m[0] === "..." && !seenContent && !seenStart) {
      // go-yaml: a document end marker where a document should start
      throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: did not find expected node content", { location: locate(text, m.index) });
    }
    if (seenContent || seenStart) return text.slice(0, m.index);
    seenStart = true;
    // content may follow the marker on its own line (`--- |`)
    const eol = text.indexOf("\n", m.index);
    const rest = eol < 0 ? text.slice(m.index + 3) : text.slice(m.index + 3, eol);
    if (!PREAMBLE.test(rest)) seenContent = true;
    if (m[0] === "---" && BLOCK_ON_MARKER_LINE.test(rest)) {
      throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: mapping values are not allowed in this context", { location: locate(text, m.index) });
    }
    from = eol < 0 ? text.length : eol + 1;
  }
  return text;
}

function locate(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n"), offset };
}

/**
 * Replaces {@link KeyedScalar} wrappers by their values, checks that numbers are finite and
 * rejects recursive aliases (`&a [*a]`), which go-yaml cannot decode either.
 */
function unwrap(value: unknown, ancestors: Set<object>, budget: AliasBudget): unknown {
  if (--budget.left < 0) {
    throw new StagecraftError(
      ErrorCode.LimitExceeded,
      `yaml: document contains excessive aliasing: more than ${budget.max} nodes after alias expansion (raise maxAliasNodes)`,
    );
  }
  if (value instanceof KeyedScalar) value = value.value;
  if (typeof value === "number") goJsonNumber(value);
  if (value === null || typeof value !== "object") return value;
  const node: object = value;
  if (ancestors.has(node)) throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: anchor refers to itself");
  ancestors.add(node);
  let result: object = node;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = unwrap(node[i], ancestors, budget);
  } else {
    const obj = node as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.some((k) => k.startsWith(MERGE_MARKER))) result = applyMerges(obj, keys, ancestors, budget);
    else for (const k of keys) obj[k] = unwrap(obj[k], ancestors, budget);
  }
  ancestors.delete(node);
  return result;
}

/** The nodes {@link unwrap} may still visit: aliases share one object, visited once per use. */
interface AliasBudget {
  left: number;
  readonly max: number;
}

/** Default of {@link YamlToJsonOptions.maxAliasNodes}. */
const MAX_ALIAS_NODES = 1_000_000;
/** Default of {@link YamlToJsonOptions.maxLength}: 16 MiB. */
const MAX_LENGTH = 16 * 1024 * 1024;

/**
 * Options of {@link yamlToJson}: bounds whose excess is `E_LIMIT_EXCEEDED`.
 *
 * @example
 * ```ts
 * yamlToJson(text, { maxAliasNodes: 10_000, maxLength: 1 << 20 });
 * ```
 * @category Template
 */
export interface YamlToJsonOptions {
  /**
   * Maximum number of nodes a document with aliases expands to (each use of an alias counts
   * every node below its anchor): the billion-laughs guard. go-yaml v2 similarly rejects
   * "excessive aliasing". Default 1,000,000.
   */
  readonly maxAliasNodes?: number;
  /** Maximum length of the text, in UTF-16 code units. Default 16 MiB (16,777,216). */
  readonly maxLength?: number;
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
  else obj[key] = value;
}

const WANT_MAP = "yaml: map merge requires map or sequence of maps as the value";
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** go-yaml v2's `decoder.merge`, applied where each `<<` stood: merged keys overwrite earlier ones. */
function applyMerges(obj: Record<string, unknown>, keys: readonly string[], ancestors: Set<object>, budget: AliasBudget): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = unwrap(obj[k], ancestors, budget);
    if (!k.startsWith(MERGE_MARKER)) setKey(out, k, v);
    else if (isMap(v)) for (const [mk, mv] of Object.entries(v)) setKey(out, mk, mv);
    else if (Array.isArray(v)) {
      // earlier mappings take precedence: apply them last
      for (let i = v.length - 1; i >= 0; i--) {
        const item: unknown = v[i];
        if (!isMap(item)) throw new StagecraftError(ErrorCode.YamlSyntax, WANT_MAP);
        for (const [mk, mv] of Object.entries(item)) setKey(out, mk, mv);
      }
    } else throw new StagecraftError(ErrorCode.YamlSyntax, WANT_MAP);
  }
  return out;
}

/**
 * Reads YAML the way KWOK reads a rendered template: as YAML 1.1 by go-yaml v2, converted to
 * JSON data as `sigs.k8s.io/yaml.YAMLToJSON` does. Plain `yes`/`on`/`y` are booleans,
 * `0755` is octal (493), `0x1F`/`0o17`/`0b101` and `1_000` are integers, timestamps and
 * base-60 numbers stay strings, non-string keys become strings, a duplicate key keeps its last
 * value, and only the first document is read (an empty one gives `null`).
 *
 * Integers outside ±(2^53 − 1) are returned as `bigint` so no digit is lost; serialise the
 * result with {@link goJsonStringify} (which prints them exactly) or convert them yourself.
 *
 * @param text - the YAML text
 * @param options - size bounds; see {@link YamlToJsonOptions}
 * @returns JSON-like data: objects, arrays, strings, numbers (or bigints), booleans, null
 * @throws StagecraftError `E_YAML_SYNTAX` with line and column for invalid YAML, and for
 *   `.inf`/`.nan` values (JSON cannot encode them); `E_LIMIT_EXCEEDED` for a text longer than
 *   `maxLength`, nested deeper than 100 levels, or expanding to more than `maxAliasNodes` nodes
 * @example
 * ```ts
 * yamlToJson("mode: 0755\nready: yes\nat: 2006-01-02T15:04:05Z\n");
 * // { mode: 493, ready: true, at: "2006-01-02T15:04:05Z" }
 * ```
 * @category Template
 */
export function yamlToJson(text: string, options: YamlToJsonOptions = {}): unknown {
  const maxLength = options.maxLength ?? MAX_LENGTH;
  if (text.length > maxLength) {
    throw new StagecraftError(ErrorCode.LimitExceeded, `yaml: the text is ${text.length} characters long, more than maxLength ${maxLength}`);
  }
  const fast = fastBlockYamlToJson(text);
  return fast === DECLINED ? generalYamlToJson(text, options) : fast;
}

/**
 * {@link yamlToJson} without its fast path for plain block YAML (`fast-block.ts`): every text
 * goes through js-yaml with go-yaml's rules. Exported for the differential test of the fast path.
 *
 * @param text - the YAML text (its length already checked)
 * @param options - bounds
 * @returns the JSON data
 * @internal
 */
export function generalYamlToJson(text: string, options: YamlToJsonOptions = {}): unknown {
  const { schema, state } = setup();
  state.nonFinite = false;
  state.wrapped = false;
  state.wrapNull = MAYBE_NULL_KEY.test(text);
  let source = text.includes("---") || text.includes("...") || text.startsWith("%") || text.includes("\n%") ? firstDocument(text) : text;
  if (CONTROL.test(source)) throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: control characters are not allowed");
  if (LEXICAL_RULES.test(source)) {
    source = goYamlLexicalRules(source);
  }
  const tasks: ListenerTasks = {
    wrap: MAYBE_COLLECTION_KEY.test(source),
    trimFinalBreak: endsOnContentLine(source),
    longKeys: source.length > MAX_SIMPLE_KEY && hasLongLine(source),
    emptyBangTag: source.includes("!") && LONE_BANG.test(source),
  };
  let value: unknown;
  try {
    value = yaml.load(source, tasks.wrap || tasks.trimFinalBreak || tasks.longKeys || tasks.emptyBangTag ? { schema, json: true, listener: listener(state, tasks) as unknown as NonNullable<yaml.LoadOptions["listener"]> } : { schema, json: true });
  } catch (error) {
    throw toStagecraftError(error);
  }
  if (state.nonFinite || state.wrapped || source.includes("*")) {
    try {
      const max = source.includes("*") ? (options.maxAliasNodes ?? MAX_ALIAS_NODES) : Infinity;
      value = unwrap(value, new Set(), { left: max, max });
    } catch (error) {
      throw toStagecraftError(error);
    }
  }
  return value === undefined ? null : value;
}

function toStagecraftError(error: unknown): StagecraftError {
  if (error instanceof StagecraftError) return error;
  if (error instanceof yaml.YAMLException) {
    const mark = error.mark as { line?: number; column?: number; position?: number } | undefined;
    const location = mark?.line === undefined ? undefined : { line: mark.line + 1, column: (mark.column ?? 0) + 1, offset: mark.position ?? 0 };
    const code = error.reason.startsWith("nesting exceeded maxDepth") ? ErrorCode.LimitExceeded : ErrorCode.YamlSyntax;
    return new StagecraftError(code, `yaml: ${error.reason}`, { ...(location === undefined ? {} : { location }), cause: error });
  }
  return new StagecraftError(ErrorCode.YamlSyntax, `yaml: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
