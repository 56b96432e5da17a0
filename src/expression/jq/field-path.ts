/**
 * Plain field paths (`.status.phase`, `.metadata.annotations["k"]`) — KWOK's commonest jq key —
 * compiled to straight-line code, one function per query.
 *
 * Each query gets its own generated function so that every property read in it sees only one
 * key (V8 keeps its inline caches per function; a shared loop over a key array, or closures
 * made from one function literal, see every key of every query and go megamorphic). The
 * generated source contains no key text: keys are bound as `k0`, `k1`, … from an array.
 *
 * Evaluations are not allocated for repeated answers: `null` has one shared result, and when a
 * query gives the same string or boolean twice in a row (`.status.phase` is "Running" for most
 * objects, an annotation is "5s" on most pods) the second and later calls share one frozen
 * result. Objects and numbers are never cached (no input object is retained, `0`/`-0` stay
 * apart); a different answer costs one comparison.
 *
 * Semantics are `index` on each step: own properties only, `null` through `null`, an error on
 * anything but an object or null.
 *
 * @module
 */
import type { Evaluation } from "../types.js";

/** What {@link FieldPathCode.get} returns when indexing fails. */
export const INDEX_FAILED: unique symbol = Symbol("jq: index failed");

/** The two compiled forms of a field path. */
export interface FieldPathCode {
  /** The value at the path (`null` when absent), or {@link INDEX_FAILED}; allocates nothing. */
  readonly get: (input: unknown) => unknown;
  /** The evaluation as {@link JqProgram.evaluate} returns it. */
  readonly evaluate: (input: unknown) => Evaluation;
  /** The value at the path (`null` when absent); throws what `index` throws when indexing fails. */
  readonly single: (input: unknown) => unknown;
}

/**
 * Compiles a field path.
 *
 * @param keys - the keys, outermost first (at least one)
 * @param nullResult - the (shared) evaluation of a `null` output
 * @param failure - builds the evaluation of a failed indexing of `value` with `key`
 * @param index - indexes `value` with `key`, throwing (for {@link FieldPathCode.single})
 * @returns the accessor, the evaluator and the throwing getter
 */
export function compileFieldPath(
  keys: readonly string[],
  nullResult: Evaluation,
  failure: (value: unknown, key: string) => Evaluation,
  index: (value: unknown, key: string) => unknown,
): FieldPathCode {
  const bind = keys.map((_k, n) => `k${n} = keys[${n}]`).join(", ");
  const steps = (onNull: string, onFail: (n: number) => string): string =>
    keys
      .map(
        (_k, n) =>
          `if (v === null) return ${onNull};\n` +
          `if (typeof v !== "object" || Array.isArray(v)) return ${onFail(n)};\n` +
          `x = v[k${n}];\n` +
          `v = x === undefined || !Object.hasOwn(v, k${n}) ? null : x;\n`,
      )
      .join("");
  const body = (onNull: string, onFail: (n: number) => string, result: string): string =>
    `(input) => {\nlet v = input === undefined ? null : input, x;\n${steps(onNull, onFail)}return ${result};\n}`;
  // V8 shares compiled code, feedback included, between `new Function`s of the same text: the
  // keys go into a comment (as hex code points, nothing else) so each path gets its own.
  const id = keys.map((k) => Array.from(k, (c) => (c.codePointAt(0) as number).toString(16)).join(".")).join("/");
  const source =
    `"use strict"; /* ${id} */\nconst ${bind};\n` +
    "let lastText = null, lastResult = null;\n" +
    "const result = (v) => {\n" +
    "if (v === null) return NULL_RESULT;\n" +
    "if (v === lastText) return lastResult ??= Object.freeze({ ok: true, values: Object.freeze([v]) });\n" +
    'if (typeof v === "string" || typeof v === "boolean") { lastText = v; lastResult = null; }\n' +
    "return { ok: true, values: [v] };\n};\n" +
    `return {\nget: ${body("null", () => "FAILED", "v")},\n` +
    `evaluate: ${body("NULL_RESULT", (n) => `failure(v, k${n})`, "result(v)")},\n` +
    `single: ${body("null", (n) => `index(v, k${n})`, "v")}\n};`;
  let make: (
    keys: readonly string[],
    nullResult: Evaluation,
    failed: typeof INDEX_FAILED,
    failure: (value: unknown, key: string) => Evaluation,
    index: (value: unknown, key: string) => unknown,
  ) => FieldPathCode;
  try {
    make = new Function("keys", "NULL_RESULT", "FAILED", "failure", "index", source) as typeof make;
  } catch {
    // code generation from strings is disallowed (a Content Security Policy, or node
    // --disallow-code-generation-from-strings): the same semantics as closures, only slower
    return interpretedFieldPath(keys, nullResult, failure, index);
  }
  return make(keys, nullResult, INDEX_FAILED, failure, index);
}

/**
 * {@link compileFieldPath} without generated code: a loop over the keys. Used where code
 * generation from strings is not allowed; identical results.
 *
 * @param keys - the keys, outermost first (at least one)
 * @param nullResult - the (shared) evaluation of a `null` output
 * @param failure - builds the evaluation of a failed indexing of `value` with `key`
 * @param index - indexes `value` with `key`, throwing (for {@link FieldPathCode.single})
 * @returns the accessor, the evaluator and the throwing getter
 */
export function interpretedFieldPath(
  keys: readonly string[],
  nullResult: Evaluation,
  failure: (value: unknown, key: string) => Evaluation,
  index: (value: unknown, key: string) => unknown,
): FieldPathCode {
  // walks the path; `onNull`/`onFail` decide what a null or a non-object part gives
  const walk = <T>(input: unknown, onNull: () => T, onFail: (value: unknown, key: string) => T, done: (value: unknown) => T): T => {
    let v: unknown = input === undefined ? null : input;
    for (const key of keys) {
      if (v === null) return onNull();
      if (typeof v !== "object" || Array.isArray(v)) return onFail(v, key);
      const x = (v as Record<string, unknown>)[key];
      v = x === undefined || !Object.hasOwn(v, key) ? null : x;
    }
    return done(v);
  };
  const identity = (v: unknown): unknown => v;
  return {
    get: (input) => walk<unknown>(input, () => null, () => INDEX_FAILED, identity),
    evaluate: (input) =>
      walk<Evaluation>(input, () => nullResult, failure, (v) => (v === null ? nullResult : { ok: true, values: [v] })),
    single: (input) => walk<unknown>(input, () => null, index, identity),
  };
}
