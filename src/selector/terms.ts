/**
 * Compiles each kind of selector term into a closure returning a {@link TermOutcome}.
 *
 * @module
 * @internal
 */
import { ErrorCode, type FieldPath, StagecraftError } from "../errors.js";
import { compileExpression } from "../expression/compile.js";
import { INDEX_FAILED, fieldPathAccessor } from "../expression/jq/program.js";
import type { CompiledExpression, EvalContext, Evaluation } from "../expression/types.js";
import type { SelectorOperator } from "../stage/model.js";
import { requirementMatches, requirementText, requirementValues } from "./requirement.js";
import type { TermKind, TermOutcome } from "./types.js";

/** A compiled term. `run` is synchronous and must not be called when `async` is true. */
export interface Term {
  readonly kind: TermKind;
  readonly path: FieldPath;
  readonly description: string;
  readonly async: boolean;
  run(object: unknown, context: EvalContext | undefined): TermOutcome;
  /** Like {@link Term.run} but null when the term passes (matching builds no outcome for passing terms). */
  check(object: unknown, context: EvalContext | undefined): TermOutcome | null;
  runAsync(object: unknown, context: EvalContext | undefined): Promise<TermOutcome>;
}

/** A `matchLabels`/`matchAnnotations` entry: the key must be present with exactly this value. */
export function metadataTerm(kind: "label" | "annotation", key: string, value: string, path: FieldPath): Term {
  const field = kind === "label" ? "labels" : "annotations";
  const description = `${kind} ${key} = ${JSON.stringify(value)}`;
  const run = (object: unknown): TermOutcome => {
    const map = (object as { metadata?: Record<string, unknown> } | null)?.metadata?.[field];
    const actual = map !== null && typeof map === "object" && Object.hasOwn(map, key) ? (map as Record<string, unknown>)[key] : undefined;
    const pass = actual === value;
    return {
      kind,
      path,
      description,
      status: pass ? "pass" : "fail",
      values: actual === undefined ? [] : [actual],
      ...(pass ? {} : { detail: actual === undefined ? `the object has no ${kind} ${JSON.stringify(key)}` : `the ${kind} is ${JSON.stringify(actual)}` }),
    };
  };
  const check = (object: unknown): TermOutcome | null => {
    const map = (object as { metadata?: Record<string, unknown> } | null)?.metadata?.[field];
    return map !== null && typeof map === "object" && Object.hasOwn(map, key) && (map as Record<string, unknown>)[key] === value ? null : run(object);
  };
  return { kind, path, description, async: false, run, check, runAsync: async (o) => run(o) };
}

/** A jq requirement with KWOK's semantics. */
export function jqTerm(
  requirement: { readonly key: string; readonly operator: SelectorOperator; readonly values: readonly string[] },
  path: FieldPath,
): Term {
  const query = compileExpression("jq", requirement.key);
  const { operator, values } = requirement;
  const description = `${requirement.key} ${operator}${values.length > 0 ? ` ${JSON.stringify(values)}` : ""}`;
  const outcome = (evaluation: Evaluation): TermOutcome => {
    const results = requirementValues(evaluation);
    const pass = requirementMatches(operator, values, results);
    const detail = pass ? undefined : jqDetail(evaluation, results, operator);
    return { kind: "jq", path, description, status: pass ? "pass" : "fail", values: results, ...(detail ? { detail } : {}) };
  };
  const run = (object: unknown): TermOutcome => outcome(query.evaluate(object));
  return {
    kind: "jq",
    path,
    description,
    async: false,
    run,
    check: passesWithoutOutcome(fieldPathAccessor(query), operator, values, run) ?? ((object) => {
      const evaluation = query.evaluate(object);
      return requirementMatches(operator, values, requirementValues(evaluation)) ? null : outcome(evaluation);
    }),
    runAsync: async (object) => run(object),
  };
}

/**
 * The check of a requirement on a plain field path (KWOK's commonest): the accessor's one value
 * is compared directly, no evaluation object nor value list is built unless the term fails.
 */
function passesWithoutOutcome(
  get: ((input: unknown) => unknown) | null,
  operator: SelectorOperator,
  expected: readonly string[],
  run: (object: unknown) => TermOutcome,
): ((object: unknown) => TermOutcome | null) | null {
  if (get === null) return null;
  // a failed or null output counts as no value
  const present = (v: unknown): boolean => v !== null && v !== INDEX_FAILED;
  const isIn = (v: unknown): boolean => {
    const text = present(v) ? requirementText(v) : undefined;
    return text !== undefined && expected.includes(text);
  };
  let pass: (v: unknown) => boolean;
  switch (operator) {
    case "Exists":
      pass = present;
      break;
    case "DoesNotExist":
      pass = (v) => !present(v);
      break;
    case "In":
      pass = isIn;
      break;
    case "NotIn":
      pass = (v) => !isIn(v);
      break;
  }
  return (object) => (pass(get(object)) ? null : run(object));
}

function jqDetail(evaluation: Evaluation, results: readonly unknown[], operator: SelectorOperator): string | undefined {
  if (!evaluation.ok) return `the query failed (${evaluation.error.rawMessage}), which KWOK counts as no values`;
  if (results.length === 0) {
    return evaluation.values.length > 0 ? "the query returned only null, which counts as no values" : "the query returned no values";
  }
  if ((operator === "In" || operator === "NotIn") && results.some((r) => requirementText(r) === undefined)) {
    return "numbers read from the object are floats in KWOK and objects/lists have no text: they never equal a value (use `| tostring`)";
  }
  return undefined;
}

/** A CEL or JSONata boolean term. A runtime error or a non-boolean result is an error. */
export function booleanTerm(language: "cel" | "jsonata", expression: string, path: FieldPath): Term {
  const program: CompiledExpression = compileExpression(language, expression);
  const description = `${language}: ${expression.trim()}`;
  const outcome = (evaluation: Evaluation): TermOutcome => {
    if (!evaluation.ok) return { kind: language, path, description, status: "error", values: [], error: evaluation.error };
    const values = evaluation.values;
    if (language === "jsonata" && values.length === 0) {
      return { kind: language, path, description, status: "fail", values, detail: "the expression returned nothing (undefined)" };
    }
    const result = values.length === 1 ? values[0] : values;
    if (typeof result !== "boolean") {
      const error = new StagecraftError(ErrorCode.ResultType, `a ${language} selector must return a bool`, {
        path,
        expected: "a bool",
        received: JSON.stringify(result, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
      });
      return { kind: language, path, description, status: "error", values, error };
    }
    return { kind: language, path, description, status: result ? "pass" : "fail", values };
  };
  const run = (object: unknown, context: EvalContext | undefined): TermOutcome => outcome(program.evaluate(object, context));
  return {
    kind: language,
    path,
    description,
    async: program.async,
    run,
    check: (object, context) => {
      const o = run(object, context);
      return o.status === "pass" ? null : o;
    },
    runAsync: async (object, context) => outcome(await program.evaluateAsync(object, context)),
  };
}
