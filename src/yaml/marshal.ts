/**
 * `sigs.k8s.io/yaml.Marshal`: JSON round trip, then go-yaml v2's encoder and emitter.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { type EmitNode, GoYamlEmitter } from "./emitter.js";
import { formatGoFloat } from "./go-float.js";
import { goJsonNumber } from "./json.js";
import { isGoYamlBase60Float, resolveGoYamlScalar } from "./resolve.js";
import { compareGoYamlKeys } from "./sort-keys.js";

/** Lone surrogates become U+FFFD, as Go's JSON encoder writes invalid UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (s: string): string => (/[\uD800-\uDFFF]/.test(s) ? s.replace(LONE_SURROGATE, "\uFFFD") : s);

/** Raw characters Go's JSON encoder leaves as they are and go-yaml's reader rejects. */
const REJECTED = /[\x7f-\x84\x86-\x9f\ufffe\uffff]/;
const NEL_RUN = /[ ]*\x85[ \x85]*/g;

/**
 * A string as go-yaml reads it back from Go's JSON text (sigs.k8s.io/yaml parses the JSON with
 * go-yaml): some raw characters are rejected, and U+0085 (a YAML 1.1 line break, which JSON
 * does not escape) is folded like a line break inside a double-quoted scalar.
 */
function throughJsonText(s: string, key: boolean): string {
  if (REJECTED.test(s)) throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: control characters are not allowed");
  if (!s.includes("\x85")) return s;
  if (key) throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: line 1: did not find expected ',' or '}'");
  if (/\x85(?:---|\.\.\.)[ \x85]/.test(s)) throw new StagecraftError(ErrorCode.YamlSyntax, "yaml: found unexpected document indicator");
  return s.replace(NEL_RUN, (run) => {
    const breaks = run.split("\x85").length - 1;
    return breaks === 1 ? " " : "\n".repeat(breaks - 1);
  });
}

/** go-yaml v2 `encoder.stringv`: literal when multi-line, plain when it reads back as a string, else double-quoted. */
function stringNode(s: string): EmitNode & { kind: "scalar" } {
  if (s.includes("\n")) return { kind: "scalar", text: s, style: "literal" };
  const tag = resolveGoYamlScalar(s).tag;
  // `<<` resolves to a string here: go-yaml only looks it up for the first characters + - 0-9 y n t f o ~ .
  const plain = tag === "str" && !isGoYamlBase60Float(s);
  return { kind: "scalar", text: s, style: plain ? "plain" : "double" };
}

/** A JSON number as go-yaml decodes its text: int, uint or float. */
function numberNode(text: string): EmitNode {
  const r = resolveGoYamlScalar(text);
  if (r.tag === "int") return { kind: "scalar", text: String(r.value), style: "plain" };
  if (r.tag === "float") return { kind: "scalar", text: formatGoFloat(r.value), style: "plain" };
  return stringNode(text);
}

/** Default of {@link MarshalGoYamlOptions.maxDepth}. */
const MAX_DEPTH = 1000;

/**
 * Options of {@link marshalGoYaml}.
 *
 * @example
 * ```ts
 * marshalGoYaml(value, { maxDepth: 100 });
 * ```
 * @category Template
 */
export interface MarshalGoYamlOptions {
  /** Maximum nesting depth of the value; deeper is `E_LIMIT_EXCEEDED`. Default 1000. */
  readonly maxDepth?: number;
}

let maxDepth = MAX_DEPTH;

function toNode(value: unknown, depth: number): EmitNode | undefined {
  if (depth > maxDepth) throw new StagecraftError(ErrorCode.LimitExceeded, `yaml: value nested more than maxDepth ${maxDepth} levels`);
  switch (typeof value) {
    case "string":
      return stringNode(throughJsonText(wellFormed(value), false));
    case "number":
      return numberNode(goJsonNumber(value));
    case "bigint":
      return numberNode(value.toString());
    case "boolean":
      return { kind: "scalar", text: value ? "true" : "false", style: "plain" };
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    default:
      break;
  }
  if (value === null) return { kind: "scalar", text: "null", style: "plain" };
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === "function") return toNode((json as () => unknown).call(value), depth + 1);
  if (Array.isArray(value)) {
    return { kind: "seq", items: value.map((v: unknown) => toNode(v, depth + 1) ?? { kind: "scalar", text: "null", style: "plain" }) };
  }
  const entries: [EmitNode & { kind: "scalar" }, EmitNode][] = [];
  const keys = Object.keys(value as object).map((k) => [throughJsonText(wellFormed(k), true), k] as const);
  keys.sort((a, b) => compareGoYamlKeys(a[0], b[0]));
  for (const [key, raw] of keys) {
    const node = toNode((value as Record<string, unknown>)[raw], depth + 1);
    if (node !== undefined) entries.push([stringNode(key), node]);
  }
  return { kind: "map", entries };
}

/**
 * Writes YAML exactly as `sigs.k8s.io/yaml.Marshal` does (JSON round trip, then go-yaml v2):
 * keys in go-yaml's order (`a9` before `a10`), block style, sequences under a key at the key's
 * indentation, `{}`/`[]` for empty collections, integral numbers as integers, other numbers as
 * Go's shortest `%g`, strings plain when they read back as strings, single-quoted where an
 * indicator forbids plain, double-quoted when they would read back as something else or hold
 * non-printable characters, literal blocks for multi-line text, long lines folded after column 80.
 * This is what KWOK's `YAML` template function and its test-output writer produce.
 *
 * @param value - JSON-like data (`undefined` members are left out, `toJSON` is honoured)
 * @param options - the depth bound; see {@link MarshalGoYamlOptions}
 * @returns the YAML text, ending with a newline
 * @throws StagecraftError for non-finite numbers (JSON cannot encode them) and for text go-yaml
 *   cannot read back from Go's JSON (raw U+007F–U+009F except U+0085, U+FFFE, U+FFFF);
 *   `E_LIMIT_EXCEEDED` for a value nested deeper than `maxDepth`
 * @example
 * ```ts
 * marshalGoYaml({ b: [1, "yes"], a: { x: "a: b" } });
 * // "a:\n  x: 'a: b'\nb:\n- 1\n- \"yes\"\n"
 * ```
 * @category Template
 */
export function marshalGoYaml(value: unknown, options: MarshalGoYamlOptions = {}): string {
  const saved = maxDepth;
  maxDepth = options.maxDepth ?? MAX_DEPTH;
  try {
    const root = toNode(value, 0) ?? { kind: "scalar", text: "null", style: "plain" };
    return new GoYamlEmitter().emit(root);
  } catch (error) {
    if (error instanceof RangeError) throw new StagecraftError(ErrorCode.LimitExceeded, `yaml: value nested too deeply for the JavaScript stack (${error.message})`, { cause: error });
    throw error;
  } finally {
    maxDepth = saved;
  }
}
