/**
 * `explain`: why each stage of an object's kind does or does not match it, and what would
 * happen (issue: users cannot see why a stage fired or did not, kwok#1226, #1146, #762).
 *
 * @module
 */
import type { StagecraftError } from "../errors.js";
import type { CompiledStage, Lifecycle } from "../plan/compile-lifecycle.js";
import { listPossible, listPossibleAsync, type MatchOptions } from "../plan/plan.js";
import { refOfObject } from "../plan/resource-ref.js";
import type { SelectorExplanation } from "../selector/types.js";
import type { ResourceRef } from "../stage/model.js";
import type { ValueResult } from "../values/value-result.js";

/**
 * What {@link explain} found about one stage.
 *
 * @category Analysis
 */
export interface StageExplanation {
  /** The stage's name. */
  readonly stage: string;
  /** Whether its selector matches. */
  readonly matched: boolean;
  /** Whether `match` could choose it (KWOK's `ListAllPossible`: weight-0 stages drop out beside positive ones). */
  readonly possible: boolean;
  /** Every selector term with its outcome and what its query returned. */
  readonly selector: SelectorExplanation;
  /** The weight (for matching stages). */
  readonly weight?: ValueResult<number>;
  /** The possible delay in nanoseconds (for matching stages): `[d]`, `[d, j]` or `[j]`. */
  readonly delay?: ValueResult<readonly number[]>;
}

/**
 * A finding about the object as a whole.
 *
 * @category Analysis
 */
export interface ExplainFinding {
  /** Stable id: `no-kind`, `no-stages-for-kind`, `api-group-mismatch`, `no-selector`, `none-matches`, `match-error`. */
  readonly id: "no-kind" | "no-stages-for-kind" | "api-group-mismatch" | "no-selector" | "none-matches" | "match-error";
  /** What it means, in words. */
  readonly message: string;
}

/**
 * The explanation of an object against a lifecycle.
 *
 * @category Analysis
 */
export interface Explanation {
  /** The object's `apiVersion` and kind, as the stages' `resourceRef` must be. */
  readonly ref?: ResourceRef;
  /** Every stage of the object's kind, in lifecycle order. */
  readonly stages: readonly StageExplanation[];
  /** Findings about the whole. */
  readonly findings: readonly ExplainFinding[];
}

function findings(lifecycle: Lifecycle, ref: ResourceRef | undefined, stages: readonly StageExplanation[], error?: StagecraftError): ExplainFinding[] {
  const out: ExplainFinding[] = [];
  if (ref === undefined) return [{ id: "no-kind", message: "the object has no kind: no stage can apply to it" }];
  if (stages.length === 0) {
    const sameKind = lifecycle.refs.filter((r) => r.kind === ref.kind);
    if (sameKind.length > 0) {
      out.push({
        id: "api-group-mismatch",
        message: `stages for kind ${ref.kind} exist with resourceRef.apiGroup ${sameKind.map((r) => JSON.stringify(r.apiGroup)).join(", ")}, but the object's apiVersion is ${JSON.stringify(ref.apiGroup)}: resourceRef.apiGroup must equal it exactly (file-loaded stages get no default)`,
      });
    } else out.push({ id: "no-stages-for-kind", message: `no stage has resourceRef {apiGroup: ${ref.apiGroup}, kind: ${ref.kind}}` });
  }
  const dropped = lifecycle.ignored.filter((s) => s.resourceRef.kind === ref.kind && s.resourceRef.apiGroup === ref.apiGroup);
  for (const s of dropped) out.push({ id: "no-selector", message: `stage ${s.name} has no selector: KWOK drops it (use \`selector: {}\` to match everything)` });
  if (error !== undefined) out.push({ id: "match-error", message: `matching fails for every stage: ${error.message}` });
  else if (stages.length > 0 && !stages.some((s) => s.matched)) out.push({ id: "none-matches", message: `none of the ${stages.length} stage(s) for ${ref.kind} matches: the object stays as it is` });
  return out;
}

/**
 * Explains an object against a lifecycle: for every stage of its kind, whether its selector
 * matches and why (each term, what its query returned), whether `match` could choose it, its
 * weight and possible delay; plus findings such as "no stage for this kind" or "stages exist for
 * the kind with another apiGroup".
 *
 * @param object - the object
 * @param lifecycle - the compiled lifecycle
 * @param options - `now` (CEL's `Now()`, RFC 3339 delays)
 * @returns the explanation
 * @throws StagecraftError `E_ASYNC_REQUIRED` for lifecycles with JSONata (use {@link explainAsync})
 * @example
 * ```ts
 * const e = explain(pod, lifecycle, { now: new Date() });
 * for (const s of e.stages) console.log(s.stage, s.matched, s.selector.terms.find((t) => t.status !== "pass")?.description);
 * for (const f of e.findings) console.log(f.id, f.message);
 * ```
 * @category Analysis
 */
export function explain(object: unknown, lifecycle: Lifecycle, options: MatchOptions = {}): Explanation {
  const ref = refOfObject(object);
  const context = { now: options.now ?? new Date(0), rng: options.rng ?? (() => 0) };
  const candidates = lifecycle.stagesFor(object);
  const possible = listPossible(object, lifecycle, context);
  const chosen = new Set(possible.ok ? possible.value.map((p) => p.stage) : []);
  const stages = candidates.map((stage) => describe(stage, stage.selector.explain(object, context), chosen, object, context));
  return { ...(ref === undefined ? {} : { ref }), stages, findings: findings(lifecycle, ref, stages, possible.ok ? undefined : possible.error) };
}

/**
 * {@link explain} for lifecycles with JSONata expressions (also works for the others).
 *
 * @param object - the object
 * @param lifecycle - the compiled lifecycle
 * @param options - `now`
 * @returns the explanation
 * @example
 * ```ts
 * const e = await explainAsync(pod, lifecycle);
 * ```
 * @category Analysis
 */
export async function explainAsync(object: unknown, lifecycle: Lifecycle, options: MatchOptions = {}): Promise<Explanation> {
  const ref = refOfObject(object);
  const context = { now: options.now ?? new Date(0), rng: options.rng ?? (() => 0) };
  const possible = await listPossibleAsync(object, lifecycle, context);
  const chosen = new Set(possible.ok ? possible.value.map((p) => p.stage) : []);
  const stages: StageExplanation[] = [];
  for (const stage of lifecycle.stagesFor(object)) {
    const selector = await stage.selector.explainAsync(object, context);
    stages.push(
      selector.matched
        ? {
            ...describe(stage, selector, chosen, object, context, false),
            weight: await stage.weight.getAsync(object, context),
            delay: await stage.delay.rangeAsync(object, context),
          }
        : describe(stage, selector, chosen, object, context, false),
    );
  }
  return { ...(ref === undefined ? {} : { ref }), stages, findings: findings(lifecycle, ref, stages, possible.ok ? undefined : possible.error) };
}

function describe(
  stage: CompiledStage,
  selector: SelectorExplanation,
  chosen: ReadonlySet<CompiledStage>,
  object: unknown,
  context: { now: Date; rng: () => number },
  values = true,
): StageExplanation {
  const base = { stage: stage.name, matched: selector.matched, possible: chosen.has(stage), selector };
  if (!selector.matched || !values) return base;
  return { ...base, weight: stage.weight.get(object, context), delay: stage.delay.range(object, context) };
}
