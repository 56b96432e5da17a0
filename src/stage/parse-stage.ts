/**
 * Turns one decoded `Stage` document (plain data, e.g. from YAML or from the API server) into
 * the normalized {@link Stage} model, reporting every problem at once.
 *
 * @module
 */
import { ErrorCode } from "../errors.js";
import { type Issue, Severity } from "../issues.js";
import { decode, type Report } from "./decode.js";
import type { Stage } from "./model.js";
import { createContext } from "./normalize-context.js";
import { normalizeSelector } from "./normalize-selector.js";
import { normalizeSteps } from "./normalize-steps.js";
import { normalizeDelay, normalizeExpressionFrom, normalizeWeight } from "./normalize-values.js";
import { stageSchema } from "./schema.js";
import type { StageV1alpha1 } from "./v1alpha1.js";

/**
 * Options of {@link parseStage} and the loaders.
 *
 * @category Spec
 */
export interface ParseStageOptions {
  /**
   * `resourceRef.apiGroup` for stages that do not set one. KWOK gives file-loaded stages no
   * default (so such a stage never applies to Pods, whose group is `v1`); the API server fills
   * `v1` from the CRD. Set `"v1"` to get the CRD's behaviour for files. Default: none.
   */
  readonly defaultApiGroup?: string;
}

/**
 * The result of parsing one Stage: the stage when there is no error, and all issues.
 *
 * @category Spec
 */
export interface ParseStageResult {
  /** The normalized stage; `undefined` when any issue is an error. */
  readonly stage: Stage | undefined;
  /** Every problem found (errors, warnings), with field paths. */
  readonly issues: readonly Issue[];
}

/**
 * Parses one Stage document (already decoded from YAML or JSON) into the normalized model.
 * Never throws; nothing is returned half-valid.
 *
 * @param value - the document, e.g. `{ apiVersion, kind: "Stage", metadata, spec }`
 * @param options - see {@link ParseStageOptions}
 * @returns the stage (when valid) and the issues
 * @example
 * ```ts
 * const { stage, issues } = parseStage({
 *   kind: "Stage",
 *   metadata: { name: "pod-ready" },
 *   spec: { resourceRef: { apiGroup: "v1", kind: "Pod" }, selector: {}, next: { delete: true } },
 * });
 * stage?.steps; // [{ delete: true }]
 * ```
 * @category Spec
 */
export function parseStage(value: unknown, options: ParseStageOptions = {}): ParseStageResult {
  const issues: Issue[] = [];
  const stage = parseStageWith(value, options, (issue) => {
    const { key: _key, ...rest } = issue;
    issues.push(rest);
  });
  return { stage, issues };
}

/** Like {@link parseStage} but sends issues to `report` (the loader adds positions). */
export function parseStageWith(value: unknown, options: ParseStageOptions, report: Report): Stage | undefined {
  let failed = false;
  const tracked: Report = (issue) => {
    if (issue.severity === Severity.Error) failed = true;
    report(issue);
  };
  const doc = decode(value, stageSchema, [], tracked) as StageV1alpha1 | undefined;
  if (doc === undefined) return undefined;
  if (doc.apiVersion !== undefined && doc.apiVersion !== "kwok.x-k8s.io/v1alpha1") {
    tracked({
      code: ErrorCode.InvalidValue,
      severity: Severity.Warning,
      message: "KWOK reads any document with kind Stage as kwok.x-k8s.io/v1alpha1",
      path: ["apiVersion"],
      expected: '"kwok.x-k8s.io/v1alpha1"',
      received: JSON.stringify(doc.apiVersion),
    });
  }
  const name = doc.metadata?.name ?? "";
  const ctx = createContext(tracked, { defaultApiGroup: options.defaultApiGroup, stageName: name });
  if (name === "") tracked({ code: ErrorCode.Required, severity: Severity.Error, message: "a Stage needs a name", path: ["metadata", "name"] });
  const spec = doc.spec;
  if (spec === undefined) {
    tracked({ code: ErrorCode.Required, severity: Severity.Error, message: "a Stage needs a spec", path: ["spec"] });
    return undefined;
  }
  const kind = spec.resourceRef?.kind ?? "";
  if (kind === "") {
    tracked({ code: ErrorCode.Required, severity: Severity.Error, message: "the stage must say which kind it applies to", path: ["spec", "resourceRef", "kind"] });
  }
  let apiGroup = spec.resourceRef?.apiGroup ?? "";
  if (apiGroup === "" && options.defaultApiGroup !== undefined) apiGroup = options.defaultApiGroup;
  else if (apiGroup === "") {
    tracked({
      code: ErrorCode.MissingApiGroup,
      severity: Severity.Warning,
      message:
        'no apiGroup: KWOK gives file-loaded stages no default, so this stage never applies to core objects (apiGroup "v1"); set apiGroup, or load with defaultApiGroup: "v1"',
      path: ["spec", "resourceRef", spec.resourceRef === undefined ? "kind" : "apiGroup"],
    });
  }
  const rawSelector = (value as { spec?: { selector?: unknown } }).spec?.selector;
  if (rawSelector === undefined || rawSelector === null) {
    tracked({
      code: ErrorCode.NoSelector,
      severity: Severity.Warning,
      message: "KWOK drops a stage without a selector; use `selector: {}` to match every object",
      path: ["spec", "selector"],
    });
  }
  const selector = spec.selector == null ? null : normalizeSelector(ctx, spec.selector, ["spec", "selector"]);
  const weight = normalizeWeight(ctx, spec.weight, ["spec", "weight"]);
  const weightFrom = spec.weightFrom && normalizeExpressionFrom(ctx, spec.weightFrom, ["spec", "weightFrom"]);
  const delay = spec.delay && normalizeDelay(ctx, spec.delay, ["spec", "delay"]);
  const steps = normalizeSteps(ctx, spec, ["spec"]);
  if (failed) return undefined;
  return {
    name,
    resourceRef: { apiGroup, kind },
    selector,
    weight,
    ...(weightFrom ? { weightFrom } : {}),
    ...(delay ? { delay } : {}),
    steps,
    immediateNextStage: spec.immediateNextStage === true,
  };
}
