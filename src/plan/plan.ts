/**
 * The planner's entry points: `match`, `listPossible`, `plan` (and their async twins for
 * lifecycles with JSONata).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import type { EvalContext } from "../expression/types.js";
import type { FunctionMap } from "../template/exec/function-map.js";
import { toTemplateData } from "../template/exec/values.js";
import type { ValueResult } from "../values/value-result.js";
import { type CandidateWeight, chooseIndex, possibleIndexes } from "./choose.js";
import type { CompiledStage, Lifecycle } from "./compile-lifecycle.js";
import { rendererOf } from "./renderer.js";
import { runSteps } from "./steps.js";
import type { Operation, Plan, PlanOutcome } from "./types.js";

/**
 * Options of {@link match} and {@link listPossible}.
 *
 * @category Planner
 * @example
 * ```ts
 * match(pod, lifecycle, { now: new Date(), rng: seededRandom(42) });
 * ```
 */
export interface MatchOptions {
  /** The instant for CEL's `Now()` and RFC 3339 delays. Default: the Unix epoch (never the wall clock). */
  readonly now?: Date;
  /** Uniform random numbers in [0, 1) for weighted choice, jitter and CEL's `Rand()`. Default: always 0. */
  readonly rng?: () => number;
}

/**
 * Options of {@link plan}.
 *
 * @category Planner
 * @example
 * ```ts
 * plan(pod, lifecycle, { now: new Date("2024-01-01T00:00:00Z"), rng: () => 0.5 });
 * ```
 */
export interface PlanOptions extends MatchOptions {
  /** Template functions over the lifecycle's for this call only (e.g. `PodIPWith` bound to a pool). */
  readonly functions?: FunctionMap;
  /**
   * Plan this stage instead of matching: its name or the compiled stage. A controller matches
   * and samples the delay when an object changes, then renders when the delay has passed
   * (with that `now`), as KWOK does.
   */
  readonly stage?: string | CompiledStage;
}

/**
 * A stage {@link listPossible} lists, with its weight.
 *
 * @category Planner
 */
export interface PossibleStage {
  /** The compiled stage. */
  readonly stage: CompiledStage;
  /** The weight, absent when the weight getter reports "unknown" (an unparsable `weightFrom`). */
  readonly weight?: number;
}

/**
 * What {@link plan} returns: the plan (or `undefined` when no stage matches), or the error with
 * the operations that KWOK would already have performed before it.
 *
 * @category Planner
 */
export type PlanResult =
  | {
      /** Success. */
      readonly ok: true;
      /** The plan, or `undefined` when no stage matches. */
      readonly plan: Plan | undefined;
    }
  | {
      /** Failure. */
      readonly ok: false;
      /** What went wrong. */
      readonly error: StagecraftError;
      /** The stage whose steps failed, when matching succeeded. */
      readonly stage?: string;
      /** The failing step, when a step failed. */
      readonly step?: number;
      /** Operations of the steps before the failing one. */
      readonly operations: readonly Operation[];
    };

const EPOCH = new Date(0);
const ZERO = (): number => 0;

function evalContext(options: MatchOptions): EvalContext & { now: Date } {
  return { now: options.now ?? EPOCH, rng: options.rng ?? ZERO };
}

function candidates(object: unknown, lifecycle: Lifecycle, context: EvalContext): PlanOutcome<CompiledStage[]> {
  const out: CompiledStage[] = [];
  for (const stage of lifecycle.stagesFor(object)) {
    const m = stage.selector.match(object, context);
    if (m.matched) out.push(stage);
    else if (m.error !== undefined) return { ok: false, error: m.error };
  }
  return { ok: true, value: out };
}

async function candidatesAsync(object: unknown, lifecycle: Lifecycle, context: EvalContext): Promise<PlanOutcome<CompiledStage[]>> {
  const out: CompiledStage[] = [];
  for (const stage of lifecycle.stagesFor(object)) {
    const m = await stage.selector.matchAsync(object, context);
    if (m.matched) out.push(stage);
    else if (m.error !== undefined) return { ok: false, error: m.error };
  }
  return { ok: true, value: out };
}

function toWeight(r: ValueResult<number>): PlanOutcome<CandidateWeight> {
  if (r.status === "error") return { ok: false, error: r.error };
  return { ok: true, value: r.status === "value" ? r.value : undefined };
}

function weights(stages: readonly CompiledStage[], object: unknown, context: EvalContext): PlanOutcome<CandidateWeight[]> {
  const out: CandidateWeight[] = [];
  for (const s of stages) {
    const w = toWeight(s.weight.get(object, context));
    if (!w.ok) return w;
    out.push(w.value);
  }
  return { ok: true, value: out };
}

async function weightsAsync(stages: readonly CompiledStage[], object: unknown, context: EvalContext): Promise<PlanOutcome<CandidateWeight[]>> {
  const out: CandidateWeight[] = [];
  for (const s of stages) {
    const w = toWeight(await s.weight.getAsync(object, context));
    if (!w.ok) return w;
    out.push(w.value);
  }
  return { ok: true, value: out };
}

function pick(stages: readonly CompiledStage[], w: readonly CandidateWeight[], rng: () => number): PlanOutcome<CompiledStage | undefined> {
  if (stages.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: stages[chooseIndex(w, rng)] };
  } catch (error) {
    return { ok: false, error: new StagecraftError(ErrorCode.InvalidValue, (error as Error).message, { path: ["spec", "weight"], expected: "weights whose sum is not negative" }) };
  }
}

/**
 * KWOK's `Lifecycle.Match`: the stages of the object's kind whose selector matches, then one
 * of them by weight (a single match is returned whatever its weight).
 *
 * @param object - the Kubernetes object
 * @param lifecycle - the compiled lifecycle
 * @param options - `now` and `rng`
 * @returns the stage, `undefined` when none matches, or the error (a CEL runtime error aborts
 *   matching for every stage, as in KWOK)
 * @throws StagecraftError `E_ASYNC_REQUIRED` when the lifecycle has JSONata expressions (use the async twin)
 * @example
 * ```ts
 * const r = match(pod, lifecycle, { rng: Math.random });
 * if (r.ok && r.value) console.log(r.value.name);
 * ```
 * @category Planner
 */
export function match(object: unknown, lifecycle: Lifecycle, options: MatchOptions = {}): PlanOutcome<CompiledStage | undefined> {
  const context = evalContext(options);
  const found = candidates(object, lifecycle, context);
  if (!found.ok || found.value.length <= 1) return found.ok ? { ok: true, value: found.value[0] } : found;
  const w = weights(found.value, object, context);
  return w.ok ? pick(found.value, w.value, context.rng ?? ZERO) : w;
}

/**
 * {@link match} for lifecycles with JSONata expressions (also works for the others).
 *
 * @param object - the Kubernetes object
 * @param lifecycle - the compiled lifecycle
 * @param options - `now` and `rng`
 * @returns the stage, `undefined` when none matches, or the error
 * @example
 * ```ts
 * const r = await matchAsync(pod, lifecycle);
 * ```
 * @category Planner
 */
export async function matchAsync(object: unknown, lifecycle: Lifecycle, options: MatchOptions = {}): Promise<PlanOutcome<CompiledStage | undefined>> {
  const context = evalContext(options);
  const found = await candidatesAsync(object, lifecycle, context);
  if (!found.ok || found.value.length <= 1) return found.ok ? { ok: true, value: found.value[0] } : found;
  const w = await weightsAsync(found.value, object, context);
  return w.ok ? pick(found.value, w.value, context.rng ?? ZERO) : w;
}

function possible(stages: readonly CompiledStage[], w: readonly CandidateWeight[]): PossibleStage[] {
  return possibleIndexes(w).map((i) => {
    const weight = w[i];
    return { stage: stages[i] as CompiledStage, ...(weight === undefined ? {} : { weight }) };
  });
}

/**
 * KWOK's `Lifecycle.ListAllPossible`: every stage {@link match} could return for the object,
 * with its weight. A weight-0 stage is left out as soon as a matching stage has a positive weight.
 *
 * @param object - the Kubernetes object
 * @param lifecycle - the compiled lifecycle
 * @param options - `now` (for CEL's `Now()`)
 * @returns the possible stages in lifecycle order, or the error
 * @throws StagecraftError `E_ASYNC_REQUIRED` when the lifecycle has JSONata expressions (use the async twin)
 * @example
 * ```ts
 * const r = listPossible(pod, lifecycle);
 * if (r.ok) console.log(r.value.map((p) => `${p.stage.name} (${p.weight})`));
 * ```
 * @category Planner
 */
export function listPossible(object: unknown, lifecycle: Lifecycle, options: MatchOptions = {}): PlanOutcome<PossibleStage[]> {
  const context = evalContext(options);
  const found = candidates(object, lifecycle, context);
  if (!found.ok) return found;
  const w = weights(found.value, object, context);
  return w.ok ? { ok: true, value: possible(found.value, w.value) } : w;
}

/**
 * {@link listPossible} for lifecycles with JSONata expressions.
 *
 * @param object - the Kubernetes object
 * @param lifecycle - the compiled lifecycle
 * @param options - `now`
 * @returns the possible stages, or the error
 * @example
 * ```ts
 * const r = await listPossibleAsync(pod, lifecycle);
 * ```
 * @category Planner
 */
export async function listPossibleAsync(object: unknown, lifecycle: Lifecycle, options: MatchOptions = {}): Promise<PlanOutcome<PossibleStage[]>> {
  const context = evalContext(options);
  const found = await candidatesAsync(object, lifecycle, context);
  if (!found.ok) return found;
  const w = await weightsAsync(found.value, object, context);
  return w.ok ? { ok: true, value: possible(found.value, w.value) } : w;
}

function resolveStage(lifecycle: Lifecycle, object: unknown, wanted: string | CompiledStage): PlanOutcome<CompiledStage> {
  if (typeof wanted !== "string") return { ok: true, value: wanted };
  const stage = lifecycle.stagesFor(object).find((s) => s.name === wanted) ?? lifecycle.stages.find((s) => s.name === wanted);
  if (stage !== undefined) return { ok: true, value: stage };
  return {
    ok: false,
    error: new StagecraftError(ErrorCode.InvalidValue, `no stage named ${JSON.stringify(wanted)} in the lifecycle`, {
      expected: `one of ${lifecycle.stages.map((s) => s.name).join(", ") || "(no stages)"}`,
      received: wanted,
    }),
  };
}

function finish(object: unknown, lifecycle: Lifecycle, stage: CompiledStage, delay: ValueResult<number>, options: PlanOptions): PlanResult {
  const now = options.now ?? EPOCH;
  const data = toTemplateData(object);
  const outcome = rendererOf(lifecycle).with(now, options.rng ?? ZERO, options.functions, (functions) =>
    runSteps(stage, { object, data, functions, limits: lifecycle.options.limits }),
  );
  if (!outcome.ok) return { ok: false, error: outcome.error, stage: stage.name, step: outcome.step, operations: outcome.operations };
  const plan: Plan = {
    stage: stage.name,
    // KWOK logs a delay error and runs the stage at once
    ...(delay.status === "value" ? { delay: delay.value } : delay.status === "error" ? { delay: 0, delayError: delay.error.message } : {}),
    operations: outcome.operations,
    immediateNextStage: stage.stage.immediateNextStage,
  };
  return { ok: true, plan };
}

/**
 * Plans the next transition of an object: matches a stage ({@link match}), samples its delay
 * with the rng (KWOK's `Stage.Delay`), and runs its steps into operations rendered with `now`.
 * Nothing is performed: apply the operations with `applyOperation` or an adapter.
 *
 * @param object - the Kubernetes object (not modified)
 * @param lifecycle - the compiled lifecycle
 * @param options - `now`, `rng`, extra template functions, or a stage to plan instead of matching
 * @returns the plan (`undefined` when no stage matches), or the error with the operations of the
 *   steps before the failing one
 * @throws StagecraftError `E_ASYNC_REQUIRED` when the lifecycle has JSONata expressions (use the async twin)
 * @example
 * ```ts
 * const r = plan(pod, lifecycle, { now: new Date("2024-01-01T00:00:00Z"), rng: () => 0.5 });
 * if (r.ok && r.plan) for (const op of r.plan.operations) console.log(op.kind);
 * ```
 * @category Planner
 */
export function plan(object: unknown, lifecycle: Lifecycle, options: PlanOptions = {}): PlanResult {
  const context = evalContext(options);
  const chosen = options.stage === undefined ? match(object, lifecycle, options) : resolveStage(lifecycle, object, options.stage);
  if (!chosen.ok) return { ok: false, error: chosen.error, operations: [] };
  if (chosen.value === undefined) return { ok: true, plan: undefined };
  const delay = chosen.value.delay.sample(object, context);
  return finish(object, lifecycle, chosen.value, delay, options);
}

/**
 * {@link plan} for lifecycles with JSONata expressions.
 *
 * @param object - the Kubernetes object
 * @param lifecycle - the compiled lifecycle
 * @param options - as for {@link plan}
 * @returns the plan result
 * @example
 * ```ts
 * const r = await planAsync(pod, lifecycle, { now: new Date() });
 * ```
 * @category Planner
 */
export async function planAsync(object: unknown, lifecycle: Lifecycle, options: PlanOptions = {}): Promise<PlanResult> {
  const context = evalContext(options);
  const chosen = options.stage === undefined ? await matchAsync(object, lifecycle, options) : resolveStage(lifecycle, object, options.stage);
  if (!chosen.ok) return { ok: false, error: chosen.error, operations: [] };
  if (chosen.value === undefined) return { ok: true, plan: undefined };
  const delay = await chosen.value.delay.sampleAsync(object, context);
  return finish(object, lifecycle, chosen.value, delay, options);
}
