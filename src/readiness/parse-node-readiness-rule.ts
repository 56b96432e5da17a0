/**
 * Parsing and validating a `NodeReadinessRule`, every problem reported with its field path.
 *
 * @module
 */
import { ErrorCode, StagecraftError, type FieldPath } from "../errors.js";
import { describeValue, formatIssues, type Issue, Severity } from "../issues.js";
import { asRecord } from "./fields.js";
import type { LabelSelector, LabelSelectorRequirement } from "./label-selector.js";
import {
  type ConditionRequirement,
  NODE_READINESS_API_VERSION,
  type NodeReadinessRule,
  READINESS_TAINT_PREFIX,
  type ReadinessTaint,
} from "./node-readiness-rule.js";

/**
 * What {@link parseNodeReadinessRule} returns.
 *
 * @category Readiness
 */
export interface ParseNodeReadinessRuleResult {
  /** Whether the rule is valid (no error issues). */
  readonly ok: boolean;
  /** The rule, when valid. */
  readonly rule?: NodeReadinessRule;
  /** Errors and warnings, with field paths. */
  readonly issues: readonly Issue[];
}

const STATUSES = ["True", "False", "Unknown"] as const;
const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const;
const MODES = ["bootstrap-only", "continuous"] as const;
const SPEC_FIELDS = new Set(["conditions", "allOf", "anyOf", "enforcementMode", "taint", "nodeSelector", "dryRun"]);

class Checker {
  readonly issues: Issue[] = [];

  error(code: Issue["code"], path: FieldPath, message: string, expected?: string, value?: unknown): void {
    this.issues.push({ code, severity: Severity.Error, message, path, ...(expected === undefined ? {} : { expected }), ...(value === undefined ? {} : { received: describeValue(value) }) });
  }

  object(value: unknown, path: FieldPath, required: boolean): Readonly<Record<string, unknown>> | undefined {
    if (value === undefined) {
      if (required) this.error(ErrorCode.Required, path, "Required value");
      return undefined;
    }
    const rec = asRecord(value);
    if (rec === undefined) this.error(ErrorCode.TypeMismatch, path, "must be an object", "an object", value);
    return rec;
  }

  string(value: unknown, path: FieldPath, required: boolean): string | undefined {
    if (value === undefined || (required && value === "")) {
      if (required) this.error(ErrorCode.Required, path, "Required value");
      return undefined;
    }
    if (typeof value !== "string") {
      this.error(ErrorCode.TypeMismatch, path, "must be a string", "a string", value);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: FieldPath, allowed: readonly T[], required: boolean): T | undefined {
    const text = this.string(value, path, required);
    if (text === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(text)) {
      this.error(ErrorCode.InvalidValue, path, `Unsupported value: ${JSON.stringify(text)}`, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, text);
      return undefined;
    }
    return text as T;
  }

  list(value: unknown, path: FieldPath): readonly unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.error(ErrorCode.TypeMismatch, path, "must be a list", "a list", value);
      return undefined;
    }
    return value;
  }
}

function parseConditions(c: Checker, value: unknown, path: FieldPath): ConditionRequirement[] | undefined {
  const list = c.list(value, path);
  if (list === undefined) return undefined;
  return list.map((item, i) => {
    const rec = c.object(item, [...path, i], true) ?? {};
    const type = c.string(rec.type, [...path, i, "type"], true) ?? "";
    const requiredStatus = c.oneOf(rec.requiredStatus, [...path, i, "requiredStatus"], STATUSES, true) ?? "True";
    const defaultStatus = c.oneOf(rec.defaultStatus, [...path, i, "defaultStatus"], STATUSES, false);
    return { type, requiredStatus, ...(defaultStatus === undefined ? {} : { defaultStatus }) };
  });
}

function parseTaint(c: Checker, value: unknown): ReadinessTaint {
  const path = ["spec", "taint"];
  const rec = c.object(value, path, true) ?? {};
  const key = c.string(rec.key, [...path, "key"], true) ?? "";
  if (key !== "" && (!key.startsWith(READINESS_TAINT_PREFIX) || key.length === READINESS_TAINT_PREFIX.length)) {
    c.error(ErrorCode.InvalidValue, [...path, "key"], `taint key must start with "${READINESS_TAINT_PREFIX}"`, `a key such as ${READINESS_TAINT_PREFIX}network-ready`, key);
  }
  const taintValue = c.string(rec.value, [...path, "value"], false);
  const effect = c.oneOf(rec.effect, [...path, "effect"], EFFECTS, true) ?? "NoSchedule";
  return { key, ...(taintValue === undefined ? {} : { value: taintValue }), effect };
}

function parseSelector(c: Checker, value: unknown): LabelSelector | undefined {
  const path = ["spec", "nodeSelector"];
  const rec = c.object(value, path, false);
  if (rec === undefined) return undefined;
  const labels = c.object(rec.matchLabels, [...path, "matchLabels"], false);
  const matchLabels: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels ?? {})) {
    const text = c.string(v, [...path, "matchLabels", k], false);
    if (text !== undefined) matchLabels[k] = text;
  }
  const exprs = c.list(rec.matchExpressions, [...path, "matchExpressions"]) ?? [];
  const matchExpressions: LabelSelectorRequirement[] = exprs.map((item, i) => {
    const at = [...path, "matchExpressions", i];
    const e = c.object(item, at, true) ?? {};
    const key = c.string(e.key, [...at, "key"], true) ?? "";
    const operator = c.string(e.operator, [...at, "operator"], true);
    const values = (c.list(e.values, [...at, "values"]) ?? []).map((v, j) => c.string(v, [...at, "values", j], false) ?? "");
    if (operator !== undefined && !["In", "NotIn", "Exists", "DoesNotExist"].includes(operator)) {
      c.error(ErrorCode.InvalidOperator, [...at, "operator"], `not a valid selector operator`, "one of In, NotIn, Exists, DoesNotExist", operator);
    } else if ((operator === "In" || operator === "NotIn") && values.length === 0) {
      c.error(ErrorCode.ValuesRequired, [...at, "values"], "must be specified when `operator` is 'In' or 'NotIn'");
    } else if ((operator === "Exists" || operator === "DoesNotExist") && values.length > 0) {
      c.error(ErrorCode.ValuesForbidden, [...at, "values"], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    }
    return { key, operator: (operator ?? "Exists") as LabelSelectorRequirement["operator"], ...(values.length === 0 ? {} : { values }) };
  });
  return { ...(labels === undefined ? {} : { matchLabels }), ...(matchExpressions.length === 0 ? {} : { matchExpressions }) };
}

/**
 * Parses and validates a `NodeReadinessRule` (plain JSON, e.g. from YAML). Every problem is an
 * issue with a field path (`spec.conditions[0].requiredStatus`) and a stable code: `E_REQUIRED`,
 * `E_TYPE_MISMATCH`, `E_INVALID_VALUE` (also for a taint key outside `readiness.k8s.io/`),
 * `E_INVALID_OPERATOR`, `E_VALUES_REQUIRED`, `E_VALUES_FORBIDDEN`; unknown spec fields are
 * `W_UNKNOWN_FIELD` warnings. A rule needs at least one condition in `conditions`, `allOf` or
 * `anyOf`.
 *
 * @param input - the rule as JSON (not modified)
 * @returns the rule when valid, and the issues
 * @example
 * ```ts
 * const { ok, rule, issues } = parseNodeReadinessRule(yamlToJson(text));
 * if (!ok) console.error(formatIssues(issues));
 * ```
 * @category Readiness
 */
export function parseNodeReadinessRule(input: unknown): ParseNodeReadinessRuleResult {
  const c = new Checker();
  const root = c.object(input, [], true);
  if (root === undefined) return { ok: false, issues: c.issues };
  if (root.apiVersion !== NODE_READINESS_API_VERSION) c.error(ErrorCode.InvalidValue, ["apiVersion"], "not a node readiness rule", JSON.stringify(NODE_READINESS_API_VERSION), root.apiVersion);
  if (root.kind !== "NodeReadinessRule") c.error(ErrorCode.InvalidValue, ["kind"], "not a node readiness rule", '"NodeReadinessRule"', root.kind);
  const metadata = c.object(root.metadata, ["metadata"], true) ?? {};
  const name = c.string(metadata.name, ["metadata", "name"], true) ?? "";
  const spec = c.object(root.spec, ["spec"], true);
  if (spec === undefined) return { ok: false, issues: c.issues };
  for (const key of Object.keys(spec)) {
    if (!SPEC_FIELDS.has(key)) c.issues.push({ code: ErrorCode.UnknownField, severity: Severity.Warning, message: `unknown field "${key}"`, path: ["spec", key] });
  }
  const conditions = parseConditions(c, spec.conditions, ["spec", "conditions"]) ?? [];
  const allOf = parseConditions(c, spec.allOf, ["spec", "allOf"]);
  const anyOf = parseConditions(c, spec.anyOf, ["spec", "anyOf"]);
  if (conditions.length + (allOf?.length ?? 0) + (anyOf?.length ?? 0) === 0) c.error(ErrorCode.Required, ["spec", "conditions"], "Required value: at least one condition");
  const enforcementMode = c.oneOf(spec.enforcementMode, ["spec", "enforcementMode"], MODES, true) ?? "bootstrap-only";
  const taint = parseTaint(c, spec.taint);
  const nodeSelector = parseSelector(c, spec.nodeSelector);
  if (spec.dryRun !== undefined && typeof spec.dryRun !== "boolean") c.error(ErrorCode.TypeMismatch, ["spec", "dryRun"], "must be a boolean", "a boolean", spec.dryRun);
  const ok = !c.issues.some((i) => i.severity === Severity.Error);
  if (!ok) return { ok, issues: c.issues };
  const rule: NodeReadinessRule = {
    apiVersion: NODE_READINESS_API_VERSION,
    kind: "NodeReadinessRule",
    metadata: { name },
    spec: {
      conditions,
      ...(allOf === undefined ? {} : { allOf }),
      ...(anyOf === undefined ? {} : { anyOf }),
      enforcementMode,
      taint,
      ...(nodeSelector === undefined ? {} : { nodeSelector }),
      ...(spec.dryRun === true ? { dryRun: true } : {}),
    },
  };
  return { ok, rule, issues: c.issues };
}

/**
 * Like {@link parseNodeReadinessRule}, but throws when the rule is invalid.
 *
 * @param input - the rule as JSON (not modified)
 * @returns the rule
 * @throws StagecraftError with the first error's code and path, listing every error
 * @example
 * ```ts
 * const rule = parseNodeReadinessRuleOrThrow({ apiVersion: "readiness.node.x-k8s.io/v1alpha1", kind: "NodeReadinessRule", metadata: { name: "cni" }, spec });
 * ```
 * @category Readiness
 */
export function parseNodeReadinessRuleOrThrow(input: unknown): NodeReadinessRule {
  const result = parseNodeReadinessRule(input);
  if (result.rule !== undefined) return result.rule;
  const errors = result.issues.filter((i) => i.severity === Severity.Error);
  const first = errors[0];
  throw new StagecraftError(first?.code ?? ErrorCode.InvalidValue, `invalid NodeReadinessRule:\n${formatIssues(errors)}`, first === undefined ? {} : { path: first.path });
}
