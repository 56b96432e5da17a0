/**
 * Go's `text/template` builtin functions (`and` and `or` short-circuit in the evaluator).
 *
 * @module
 */
import { isPrint } from "../quote.js";
import { goEq, goLe, goLt } from "./compare.js";
import { type FunctionMap, type GoFunction, goFunction, isStringOperand } from "./function-map.js";
import { formatValue } from "./go-fmt-value.js";
import { goSprintf } from "./printf.js";
import { GoBytes, JsonNumber, MISSING, goTypeName, isGoMap, isTrue } from "./values.js";

/**
 * Go's `fmt.Sprint`.
 * @param args - the operands
 * @returns the text fmt.Sprint gives
 * @example
 * ```ts
 * goSprint([1n, 2n, "a"]); // "1 2a"
 * ```
 * @category Template
 */
export function goSprint(args: readonly unknown[]): string {
  let out = "";
  args.forEach((a, i) => {
    if (i > 0 && !isStringOperand(a) && !isStringOperand(args[i - 1])) out += " ";
    out += formatValue(a);
  });
  return out;
}

function strLen(v: string | JsonNumber): number {
  return new TextEncoder().encode(String(v)).length;
}

function goLen(v: unknown): bigint {
  if (v === null) throw new Error("len of nil pointer");
  if (v === MISSING) throw new Error("reflect: call of reflect.Value.Type on zero Value");
  if (typeof v === "string" || v instanceof JsonNumber) return BigInt(strLen(v));
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof GoBytes) return BigInt(v.bytes.length);
  if (isGoMap(v)) return BigInt(Object.keys(v).length);
  throw new Error(`len of type ${goTypeName(v)}`);
}

function indexArg(index: unknown, cap: number): number {
  if (typeof index !== "bigint") {
    if (index === MISSING || index === null) throw new Error("cannot index slice/array with nil");
    throw new Error(`cannot index slice/array with type ${goTypeName(index)}`);
  }
  if (index < 0n || index > BigInt(cap)) throw new Error(`index out of range: ${index}`);
  return Number(index);
}

function goIndex(item: unknown, ...indexes: unknown[]): unknown {
  if (item === MISSING || item === null) throw new Error("index of untyped nil");
  let cur: unknown = item;
  for (const index of indexes) {
    if (cur === null) throw new Error("index of nil pointer");
    if (Array.isArray(cur) || typeof cur === "string" || cur instanceof JsonNumber) {
      const bytes = Array.isArray(cur) ? null : new TextEncoder().encode(String(cur));
      const len = bytes === null ? (cur as unknown[]).length : bytes.length;
      const x = indexArg(index, len);
      if (x === len) throw new Error(`reflect: ${bytes === null ? "slice" : "string"} index out of range`);
      cur = bytes === null ? (cur as unknown[])[x] : BigInt(bytes[x] as number);
    } else if (isGoMap(cur)) {
      if (typeof index !== "string") {
        if (index === MISSING || index === null) throw new Error("value is nil; should be of type string");
        throw new Error(`value has type ${goTypeName(index)}; should be string`);
      }
      cur = Object.hasOwn(cur, index) ? cur[index] : null;
    } else {
      throw new Error(`can't index item of type ${goTypeName(cur)}`);
    }
  }
  return cur;
}

function goSlice(item: unknown, ...indexes: unknown[]): unknown {
  if (item === MISSING || item === null) throw new Error("slice of untyped nil");
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const isString = typeof item === "string" || item instanceof JsonNumber;
  if (!isString && !Array.isArray(item)) throw new Error(`can't slice item of type ${goTypeName(item)}`);
  if (isString && indexes.length === 3) throw new Error("cannot 3-index slice a string");
  const len = isString ? strLen(item as string) : (item as unknown[]).length;
  const idx = [0, len];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, len);
  });
  const [a = 0, b = len] = idx;
  if (a > b) throw new Error(`invalid slice index: ${a} > ${b}`);
  if (isString) return new TextDecoder().decode(new TextEncoder().encode(String(item)).slice(a, b));
  return (item as unknown[]).slice(a, b);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { "\0": "\uFFFD", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Go's `template.JSEscape`: ASCII specials and controls escaped, non-printable non-ASCII runes as `\uXXXX`. */
function jsEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === "\\") out += "\\\\";
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === "<") out += "\\u003C";
    else if (ch === ">") out += "\\u003E";
    else if (ch === "&") out += "\\u0026";
    else if (ch === "=") out += "\\u003D";
    else if (c < 0x20) out += `\\u00${c.toString(16).toUpperCase().padStart(2, "0")}`;
    else if (c >= 0x80 && !isPrint(c)) out += `\\u${c.toString(16).toUpperCase().padStart(4, "0")}`;
    else out += ch;
  }
  return out;
}

/** Go's `evalArgs` (html, js, urlquery): fmt.Sprint with nil and missing values printed as `<no value>`. */
function evalArgs(args: readonly unknown[]): string {
  if (args.length === 1 && typeof args[0] === "string") return args[0];
  return goSprint(args.map((a) => (a === null || a === MISSING ? "<no value>" : a)));
}

function queryEscape(s: string): string {
  let out = "";
  for (const b of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === " ") out += "+";
    else out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function goCall(fn: unknown, ...args: unknown[]): unknown {
  if (fn === MISSING || fn === null) throw new Error("call of nil");
  if (typeof fn !== "function") throw new Error(`non-function of type ${goTypeName(fn)}`);
  return (fn as (...a: unknown[]) => unknown)(...args);
}

const v = "value" as const;
const variadicPrint = (f: (args: unknown[]) => string): GoFunction => goFunction([], (...args: unknown[]) => f(args), "any");

/**
 * Go's builtin functions (`and` and `or` are evaluated lazily by the executor).
 *
 * @example
 * ```ts
 * Object.keys(GO_BUILTIN_FUNCTIONS).includes("index"); // true
 * ```
 * @category Template
 */
export const GO_BUILTIN_FUNCTIONS: FunctionMap = {
  and: goFunction([v], () => null, v),
  or: goFunction([v], () => null, v),
  not: goFunction([v], (a: unknown) => !isTrue(a)),
  len: goFunction([v], goLen),
  index: goFunction([v], goIndex, v),
  slice: goFunction([v], goSlice, v),
  print: variadicPrint(goSprint),
  printf: goFunction(["string"], (f: string, ...args: unknown[]) => goSprintf(f, args), "any"),
  println: variadicPrint((args) => `${args.map(formatValue).join(" ")}\n`),
  html: variadicPrint((args) => evalArgs(args).replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c] ?? c)),
  js: variadicPrint((args) => jsEscape(evalArgs(args))),
  urlquery: variadicPrint((args) => queryEscape(evalArgs(args))),
  call: goFunction([v], goCall, v),
  eq: goFunction([v], goEq, v),
  ne: goFunction([v, v], (a: unknown, b: unknown) => !goEq(a, b)),
  lt: goFunction([v, v], goLt),
  le: goFunction([v, v], goLe),
  gt: goFunction([v, v], (a: unknown, b: unknown) => !goLe(a, b)),
  ge: goFunction([v, v], (a: unknown, b: unknown) => !goLt(a, b)),
};
