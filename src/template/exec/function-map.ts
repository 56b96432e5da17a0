/**
 * Template functions: the {@link FunctionMap} type and Go's argument conversion for the
 * parameter types a function declares.
 *
 * @module
 */
import { JsonNumber, MISSING, goTypeName, isGoMap } from "./values.js";

/**
 * A Go parameter type: `any` is `interface{}` (a missing value arrives as `null`), the
 * others reject values of other Go types like `reflect` does; `value` is `reflect.Value` (the
 * raw value, the missing-value marker `MISSING` included, as Go's builtins receive it).
 *
 * @category Template
 * @example
 * ```ts
 * goFunction(["int", "string"], (n: bigint, s: string) => s.repeat(Number(n)));
 * ```
 */
export type GoParamType = "any" | "value" | "string" | "int" | "float64" | "bool" | "list" | "map";

/**
 * A template function: its Go parameter types and the implementation, which receives Go
 * values (`bigint` ints, `number` float64s, {@link JsonNumber}, maps, slices, `null`) and
 * throws an `Error` to fail (`error calling NAME: message`).
 *
 * @category Template
 * @example
 * ```ts
 * const f: GoFunction = goFunction(["any"], (v: unknown) => v === null);
 * ```
 */
export interface GoFunction {
  /** The fixed parameter types. */
  readonly params: readonly GoParamType[];
  /** The type of the variadic parameter, when the function is variadic. */
  readonly variadic?: GoParamType;
  /** The implementation. */
  readonly fn: (...args: never[]) => unknown;
}

/**
 * Functions by name, as Go's `template.FuncMap`: {@link GoFunction}s with declared parameter
 * types, or plain JavaScript functions taking any number of `interface{}` arguments.
 *
 * @category Template
 * @example
 * ```ts
 * const functions: FunctionMap = { hello: goFunction([], () => "hi") };
 * ```
 */
export type FunctionMap = Readonly<Record<string, GoFunction | ((...args: never[]) => unknown)>>;

const PLAIN = new WeakMap<(...args: never[]) => unknown, GoFunction>();

/**
 * Normalizes a function map entry: a plain JavaScript function is a Go
 * `func(...interface{}) interface{}` (missing values arrive as `null`).
 *
 * @param f - a function map entry
 * @returns the entry with its Go parameter types
 * @example
 * ```ts
 * toGoFunction((...args: unknown[]) => args.length).variadic; // "any"
 * ```
 * @category Template
 */
export function toGoFunction(f: GoFunction | ((...args: never[]) => unknown)): GoFunction {
  if (typeof f !== "function") return f;
  let g = PLAIN.get(f);
  if (g === undefined) {
    g = { params: [], variadic: "any", fn: f };
    PLAIN.set(f, g);
  }
  return g;
}

/**
 * Declares a template function with its Go parameter types.
 *
 * @param params - the fixed parameter types
 * @param fn - the implementation
 * @param variadic - the variadic parameter type, if any
 * @returns the function
 * @example
 * ```ts
 * const upper = goFunction(["string"], (s: string) => s.toUpperCase());
 * ```
 * @category Template
 */
export function goFunction<F extends (...args: never[]) => unknown>(params: readonly GoParamType[], fn: F, variadic?: GoParamType): GoFunction {
  return variadic === undefined ? { params, fn } : { params, fn, variadic };
}

/**
 * Go's name of a parameter type, as in `expected string`.
 * @param t - a parameter type
 * @returns Go's name of the type
 * @example
 * ```ts
 * goParamTypeName("any"); // "interface {}"
 * ```
 * @category Template
 */
export function goParamTypeName(t: GoParamType): string {
  switch (t) {
    case "any": return "interface {}";
    case "value": return "reflect.Value";
    case "list": return "[]interface {}";
    case "map": return "map[string]interface {}";
    default: return t;
  }
}

/**
 * Go's `validateType`: checks an evaluated value against a parameter type; returns the
 * converted value or an error message.
 * @param v - a template value
 * @param t - a parameter type
 * @returns the value to pass, or the error message
 * @example
 * ```ts
 * convertValue(MISSING, "string"); // { ok: false, message: "invalid value; expected string" }
 * ```
 * @category Template
 */
export function convertValue(v: unknown, t: GoParamType): { ok: true; value: unknown } | { ok: false; message: string } {
  if (t === "value") return { ok: true, value: v };
  if (v === MISSING || v === undefined) {
    if (t === "any" || t === "list" || t === "map") return { ok: true, value: null };
    return { ok: false, message: `invalid value; expected ${goParamTypeName(t)}` };
  }
  if (t === "any") return { ok: true, value: v };
  if (v === null && (t === "list" || t === "map")) return { ok: true, value: null };
  let good = false;
  switch (t) {
    case "string": good = typeof v === "string"; break;
    case "int": good = typeof v === "bigint"; break;
    case "float64": good = typeof v === "number"; break;
    case "bool": good = typeof v === "boolean"; break;
    case "list": good = Array.isArray(v); break;
    case "map": good = isGoMap(v); break;
  }
  if (good) return { ok: true, value: v };
  const got = v === null ? "interface {}" : goTypeName(v);
  return { ok: false, message: `wrong type for value; expected ${goParamTypeName(t)}; got ${got}` };
}

/**
 * Go's `fmt.Sprint` spacing: a space between operands when neither is a string.
 * @param v - a template value
 * @returns whether fmt.Sprint treats it as a string operand
 * @example
 * ```ts
 * isStringOperand(new JsonNumber("1")); // true
 * ```
 * @category Template
 */
export function isStringOperand(v: unknown): boolean {
  return typeof v === "string" || v instanceof JsonNumber;
}

