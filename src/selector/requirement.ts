/**
 * KWOK's jq requirement semantics (`pkg/utils/expression/selector.go`, `query.go`): how query
 * outputs are filtered and compared with a requirement's values.
 *
 * @module
 */
import type { Evaluation } from "../expression/types.js";
import type { SelectorOperator } from "../stage/model.js";

/**
 * The values a requirement compares, as KWOK computes them from a query run: if the run
 * failed anywhere, there are none (the error is swallowed); otherwise every non-null output.
 *
 * @param evaluation - the query's evaluation
 * @returns the outputs that count
 * @example
 * ```ts
 * requirementValues({ ok: true, values: ["a", null, false] }); // ["a", false]
 * ```
 * @category Selector
 */
export function requirementValues(evaluation: Evaluation): readonly unknown[] {
  if (!evaluation.ok) return [];
  const values = evaluation.values;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) return values.filter((v) => v !== null && v !== undefined);
  }
  return values;
}

/**
 * The text KWOK compares with `values`: strings as they are, booleans as `true`/`false`,
 * integers the query language produced (`bigint`) in decimal. Numbers read from the object
 * (floats in KWOK), objects and arrays have no text and never match `In`.
 *
 * @param value - one query output
 * @returns the text, or `undefined` when the value can never match
 * @example
 * ```ts
 * requirementText(2n);   // "2"
 * requirementText(2);    // undefined — a float64 from the object in KWOK
 * ```
 * @category Selector
 */
export function requirementText(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return value;
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    default:
      return undefined;
  }
}

/**
 * Applies an operator to a requirement's values (KWOK's `Requirement.Matches`).
 *
 * @param operator - `In`, `NotIn`, `Exists` or `DoesNotExist`
 * @param expected - the requirement's `values`
 * @param results - the values from {@link requirementValues}
 * @returns whether the requirement holds
 * @example
 * ```ts
 * requirementMatches("NotIn", ["True"], []); // true: no output, nothing is in the set
 * ```
 * @category Selector
 */
export function requirementMatches(
  operator: SelectorOperator,
  expected: readonly string[],
  results: readonly unknown[],
): boolean {
  switch (operator) {
    case "Exists":
      return results.length > 0;
    case "DoesNotExist":
      return results.length === 0;
    case "In":
      return results.some((r) => isIn(r, expected));
    case "NotIn":
      return !results.some((r) => isIn(r, expected));
  }
}

function isIn(value: unknown, expected: readonly string[]): boolean {
  const text = requirementText(value);
  return text !== undefined && expected.includes(text);
}
