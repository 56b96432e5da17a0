/**
 * Normalizes `spec.selector`: legacy `key/operator/values` become jq requirements, KWOK's
 * precedence (jq over CEL) is applied, operators and values are validated and every query
 * is compiled once to report syntax errors at load time.
 *
 * @module
 * @internal
 */
import { ErrorCode, type FieldPath } from "../errors.js";
import { Severity } from "../issues.js";
import { type MatchExpression, SelectorOperator, type StageSelector } from "./model.js";
import { type NormalizeContext, ignored } from "./normalize-context.js";
import type { SelectorExpressionV1alpha1, StageSelectorV1alpha1 } from "./v1alpha1.js";

const OPERATORS: readonly string[] = Object.values(SelectorOperator);

/** Normalizes a whole selector. Invalid elements are reported and left out. */
export function normalizeSelector(ctx: NormalizeContext, selector: StageSelectorV1alpha1, path: FieldPath): StageSelector {
  const matchExpressions: MatchExpression[] = [];
  (selector.matchExpressions ?? []).forEach((element, i) => {
    const normalized = normalizeMatchExpression(ctx, element ?? {}, [...path, "matchExpressions", i]);
    if (normalized) matchExpressions.push(normalized);
  });
  return {
    ...(selector.matchLabels === undefined ? {} : { matchLabels: selector.matchLabels }),
    ...(selector.matchAnnotations === undefined ? {} : { matchAnnotations: selector.matchAnnotations }),
    matchExpressions,
  };
}

function normalizeMatchExpression(
  ctx: NormalizeContext,
  element: SelectorExpressionV1alpha1,
  path: FieldPath,
): MatchExpression | undefined {
  const legacy = element.key !== undefined && element.key !== "";
  if (element.jq !== undefined || legacy) {
    if (element.cel !== undefined) ignored(ctx, [...path, "cel"], "KWOK evaluates only the jq requirement of an element that has both");
    if (element.jsonata !== undefined) ignored(ctx, [...path, "jsonata"], "the jq requirement of this element takes precedence");
    if (element.jq !== undefined) {
      for (const field of ["key", "operator", "values"] as const) {
        if (element[field] !== undefined) ignored(ctx, [...path, field], "`jq` is set, so the deprecated inline field is not used");
      }
      return normalizeJq(ctx, element.jq, [...path, "jq"]);
    }
    return normalizeJq(ctx, { key: element.key ?? "", operator: element.operator ?? "", values: element.values }, path);
  }
  for (const field of ["operator", "values"] as const) {
    if (element[field] !== undefined) ignored(ctx, [...path, field], "without a `key` the deprecated inline fields are not used");
  }
  if (element.cel !== undefined) {
    if (element.jsonata !== undefined) ignored(ctx, [...path, "jsonata"], "the CEL expression of this element takes precedence");
    const expression = element.cel.expression ?? "";
    if (!checkNonEmpty(ctx, expression, [...path, "cel", "expression"])) return undefined;
    if (!ctx.checkExpression("cel", expression, [...path, "cel", "expression"])) return undefined;
    return { cel: { expression } };
  }
  if (element.jsonata !== undefined) {
    const expression = element.jsonata.expression ?? "";
    if (!checkNonEmpty(ctx, expression, [...path, "jsonata", "expression"])) return undefined;
    if (!ctx.checkExpression("jsonata", expression, [...path, "jsonata", "expression"])) return undefined;
    return { jsonata: { expression } };
  }
  ctx.report({
    code: ErrorCode.EmptyExpression,
    severity: Severity.Error,
    message: "match expression has no requirement (KWOK fails every match of this lifecycle with \"invalid expression\")",
    path,
    expected: "one of jq, cel, jsonata or the deprecated key/operator/values",
  });
  return undefined;
}

function normalizeJq(
  ctx: NormalizeContext,
  jq: { key?: string; operator?: string; values?: string[] | undefined },
  path: FieldPath,
): MatchExpression | undefined {
  let ok = checkNonEmpty(ctx, jq.key ?? "", [...path, "key"]);
  const operator = jq.operator ?? "";
  const values = jq.values ?? [];
  if (!OPERATORS.includes(operator)) {
    const suggestion = OPERATORS.find((o) => o.toLowerCase() === operator.toLowerCase());
    ctx.report({
      code: ErrorCode.InvalidOperator,
      severity: Severity.Error,
      message: `operator ${JSON.stringify(operator)} is not supported${suggestion ? ` (operators are case-sensitive: did you mean "${suggestion}"?)` : ""}`,
      path: [...path, "operator"],
      expected: `one of ${OPERATORS.join(", ")}`,
      received: JSON.stringify(operator),
    });
    ok = false;
  } else if ((operator === "In" || operator === "NotIn") && values.length === 0) {
    ctx.report({
      code: ErrorCode.ValuesRequired,
      severity: Severity.Error,
      message: `for '${operator}' the values set can't be empty`,
      path: [...path, "values"],
      expected: "at least one value",
      received: jq.values === undefined ? "no values" : "an empty list",
    });
    ok = false;
  } else if ((operator === "Exists" || operator === "DoesNotExist") && values.length > 0) {
    ctx.report({
      code: ErrorCode.ValuesForbidden,
      severity: Severity.Error,
      message: `for '${operator}' the values set must be empty`,
      path: [...path, "values"],
      expected: "no values",
      received: `${values.length} value(s)`,
    });
    ok = false;
  }
  if (jq.key && !ctx.checkExpression("jq", jq.key, [...path, "key"])) ok = false;
  if (!ok) return undefined;
  return { jq: { key: jq.key ?? "", operator: operator as SelectorOperator, values } };
}

function checkNonEmpty(ctx: NormalizeContext, text: string, path: FieldPath): boolean {
  if (text.trim() !== "") return true;
  ctx.report({ code: ErrorCode.Required, severity: Severity.Error, message: "expression is empty", path });
  return false;
}
