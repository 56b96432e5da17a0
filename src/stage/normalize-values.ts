/**
 * Normalizes value sources (`weightFrom`, `delay.durationFrom`, `delay.jitterDurationFrom`) and
 * the delay block with KWOK's precedence rules.
 *
 * @module
 * @internal
 */
import { ErrorCode, type FieldPath } from "../errors.js";
import { Severity } from "../issues.js";
import type { ExpressionSource, StageDelay } from "./model.js";
import { type NormalizeContext, ignored } from "./normalize-context.js";
import type { ExpressionFromSourceV1alpha1, StageDelayV1alpha1 } from "./v1alpha1.js";

type Candidate = { language: ExpressionSource["language"]; expression: string; field: string };

/**
 * Picks the expression KWOK would use: CEL over jq, legacy `expressionFrom` as jq when `jq` is
 * unset; JSONata (stagecraft) only when neither is present. With `jqOnly` (KWOK's jitter
 * getter) the CEL part is ignored.
 */
export function normalizeExpressionFrom(
  ctx: NormalizeContext,
  source: ExpressionFromSourceV1alpha1,
  path: FieldPath,
  options: { readonly jqOnly?: boolean } = {},
): ExpressionSource | undefined {
  const candidates: Candidate[] = [];
  if (source.cel !== undefined) candidates.push({ language: "cel", expression: source.cel.expression ?? "", field: "cel" });
  if (source.jq !== undefined) candidates.push({ language: "jq", expression: source.jq.expression ?? "", field: "jq" });
  else if (source.expressionFrom) {
    candidates.push({ language: "jq", expression: source.expressionFrom, field: "expressionFrom" });
  }
  if (source.jsonata !== undefined) {
    candidates.push({ language: "jsonata", expression: source.jsonata.expression ?? "", field: "jsonata" });
  }
  if (source.jq !== undefined && source.expressionFrom) {
    ignored(ctx, [...path, "expressionFrom"], "`jq` is set, so the deprecated `expressionFrom` is not used");
  }
  let usable = candidates;
  if (options.jqOnly) {
    for (const c of candidates.filter((c) => c.language === "cel")) {
      ignored(ctx, [...path, c.field], "KWOK reads jitterDurationFrom only from its jq part; CEL is never evaluated here");
    }
    usable = candidates.filter((c) => c.language !== "cel");
  }
  const [chosen, ...rest] = usable;
  if (chosen === undefined) {
    if (candidates.length === 0) ignored(ctx, path, "no expression is set (cel, jq or expressionFrom), so the static value is used");
    return undefined;
  }
  for (const other of rest) {
    ignored(ctx, [...path, other.field], `\`${chosen.field}\` takes precedence`);
  }
  const exprPath = chosen.field === "expressionFrom" ? [...path, "expressionFrom"] : [...path, chosen.field, "expression"];
  if (chosen.expression.trim() === "") {
    ctx.report({ code: ErrorCode.Required, severity: Severity.Error, message: "expression is empty", path: exprPath });
    return undefined;
  }
  if (!ctx.checkExpression(chosen.language, chosen.expression, exprPath)) return undefined;
  return { language: chosen.language, expression: chosen.expression };
}

/** Normalizes `spec.delay`; negative milliseconds are errors. */
export function normalizeDelay(ctx: NormalizeContext, delay: StageDelayV1alpha1, path: FieldPath): StageDelay {
  const out: {
    durationMilliseconds?: number;
    durationFrom?: ExpressionSource;
    jitterDurationMilliseconds?: number;
    jitterDurationFrom?: ExpressionSource;
  } = {};
  for (const field of ["durationMilliseconds", "jitterDurationMilliseconds"] as const) {
    const ms = delay[field];
    if (ms === undefined) continue;
    if (ms < 0) {
      ctx.report({
        code: ErrorCode.InvalidValue,
        severity: Severity.Error,
        message: "a delay cannot be negative",
        path: [...path, field],
        expected: "an integer >= 0",
        received: String(ms),
      });
    } else out[field] = ms;
  }
  if (delay.durationFrom !== undefined) {
    const from = normalizeExpressionFrom(ctx, delay.durationFrom, [...path, "durationFrom"]);
    if (from) out.durationFrom = from;
  }
  if (delay.jitterDurationFrom !== undefined) {
    const from = normalizeExpressionFrom(ctx, delay.jitterDurationFrom, [...path, "jitterDurationFrom"], { jqOnly: true });
    if (from) out.jitterDurationFrom = from;
  }
  return out;
}

/** Checks `spec.weight` (KWOK's CRD requires >= 0; a negative total makes KWOK panic). */
export function normalizeWeight(ctx: NormalizeContext, weight: number | undefined, path: FieldPath): number {
  if (weight === undefined) return 0;
  if (weight < 0) {
    ctx.report({
      code: ErrorCode.InvalidValue,
      severity: Severity.Error,
      message: "weight cannot be negative",
      path,
      expected: "an integer >= 0",
      received: String(weight),
    });
    return 0;
  }
  return weight;
}
