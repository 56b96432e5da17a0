/**
 * One step of {@link explore}: every possible stage of an object, with the object each one
 * leads to (or "deleted", or the error it fails with).
 *
 * @module
 * @internal
 */
import type { CompiledStage, Lifecycle } from "../plan/compile-lifecycle.js";
import { applyOperation } from "../plan/apply-operation.js";
import { listPossible, listPossibleAsync, plan, planAsync, type PlanResult, type PossibleStage } from "../plan/plan.js";
import type { Operation, PlanOutcome } from "../plan/types.js";
import type { FunctionMap } from "../template/exec/function-map.js";
import type { ValueResult } from "../values/value-result.js";

/** Where a transition leads. */
export type Outcome =
  | { readonly kind: "object"; readonly object: unknown }
  | { readonly kind: "deleted"; readonly object: unknown }
  | { readonly kind: "error"; readonly message: string };

/** A possible stage and its outcome. */
export interface Transition {
  readonly stage: string;
  readonly weight?: number;
  readonly delay: { readonly min: number; readonly max: number };
  readonly delayError?: string;
  readonly operations: readonly string[];
  readonly immediate?: true;
  readonly outcome: Outcome;
}

/** Every transition of an object, or why matching failed. */
export type Expansion = { readonly ok: true; readonly transitions: readonly Transition[] } | { readonly ok: false; readonly message: string };

/** What a step needs: the lifecycle, the fixed clock and the template functions. */
export interface StepContext {
  readonly lifecycle: Lifecycle;
  readonly now: Date;
  readonly functions: FunctionMap;
}

const ZERO = (): number => 0;

function delayOf(range: ValueResult<readonly number[]>): Pick<Transition, "delay" | "delayError"> {
  if (range.status === "error") return { delay: { min: 0, max: 0 }, delayError: range.error.rawMessage };
  if (range.status === "unknown" || range.value.length === 0) return { delay: { min: 0, max: 0 } };
  // a negative delay (an RFC 3339 time in the past) means "now"
  return { delay: { min: Math.max(0, range.value[0] as number), max: Math.max(0, range.value[range.value.length - 1] as number) } };
}

function fields(data: unknown, prefix = "", depth = 0): string[] {
  if (typeof data !== "object" || data === null || Array.isArray(data) || depth === 2) return [prefix || "(root)"];
  const keys = Object.keys(data).sort();
  if (keys.length === 0) return [prefix || "(root)"];
  return keys.flatMap((k) => fields((data as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k, depth + 1));
}

/**
 * A one-line summary of an operation.
 *
 * @param op - a planned operation
 * @returns e.g. `patch status (merge): status.conditions, status.phase`
 */
export function summarize(op: Operation): string {
  switch (op.kind) {
    case "event":
      return `event ${op.type} ${op.reason}: ${op.message}`;
    case "delete":
      return "delete";
    case "apply": {
      const d = (op.data ?? {}) as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
      return `apply ${String(d.apiVersion ?? "?")} ${String(d.kind ?? "?")} ${String(d.metadata?.name ?? "")}`.trimEnd() + " (not followed)";
    }
    case "patch": {
      const where = op.subresource === "" ? "" : ` ${op.subresource}`;
      const what = Array.isArray(op.data)
        ? op.data.map((p: { op?: unknown; path?: unknown }) => `${String(p.op)} ${String(p.path)}`)
        : fields(op.data);
      return `${op.source === "finalizers" ? "finalizers" : "patch"}${where} (${op.patchType}): ${what.join(", ")}`;
    }
  }
}

function follow(object: unknown, result: PlanResult): Pick<Transition, "operations" | "outcome" | "immediate"> {
  if (!result.ok) {
    const step = result.step === undefined ? "" : ` (step ${result.step})`;
    return { operations: result.operations.map(summarize), outcome: { kind: "error", message: `${result.error.message}${step}` } };
  }
  const operations: string[] = [];
  let current = object;
  for (const op of result.plan?.operations ?? []) {
    operations.push(summarize(op));
    if (op.kind === "delete") return { operations, outcome: { kind: "deleted", object: current } };
    if (op.kind !== "patch") continue;
    try {
      current = applyOperation(current, op);
    } catch (error) {
      return { operations, outcome: { kind: "error", message: error instanceof Error ? error.message : String(error) } };
    }
  }
  return { operations, ...(result.plan?.immediateNextStage ? { immediate: true as const } : {}), outcome: { kind: "object", object: current } };
}

function options(context: StepContext, stage: CompiledStage) {
  return { now: context.now, rng: ZERO, functions: context.functions, stage };
}

function weightOf(p: PossibleStage): Pick<Transition, "weight"> {
  return p.weight === undefined ? {} : { weight: p.weight };
}

function failed(possible: PlanOutcome<PossibleStage[]>): Expansion | undefined {
  return possible.ok ? undefined : { ok: false, message: possible.error.message };
}

/**
 * Expands an object: every stage {@link listPossible} lists, planned with the placeholder
 * functions and the fixed clock, and its operations applied.
 *
 * @param object - the object (not modified)
 * @param context - lifecycle, clock, functions
 * @returns the transitions
 */
export function expand(object: unknown, context: StepContext): Expansion {
  const possible = listPossible(object, context.lifecycle, { now: context.now });
  if (!possible.ok) return failed(possible) as Expansion;
  const transitions = possible.value.map((p) => ({
    stage: p.stage.name,
    ...weightOf(p),
    ...delayOf(p.stage.delay.range(object, { now: context.now, rng: ZERO })),
    ...follow(object, plan(object, context.lifecycle, options(context, p.stage))),
  }));
  return { ok: true, transitions };
}

/**
 * {@link expand} for lifecycles with JSONata.
 *
 * @param object - the object (not modified)
 * @param context - lifecycle, clock, functions
 * @returns the transitions
 */
export async function expandAsync(object: unknown, context: StepContext): Promise<Expansion> {
  const possible = await listPossibleAsync(object, context.lifecycle, { now: context.now });
  if (!possible.ok) return failed(possible) as Expansion;
  const transitions: Transition[] = [];
  for (const p of possible.value) {
    transitions.push({
      stage: p.stage.name,
      ...weightOf(p),
      ...delayOf(await p.stage.delay.rangeAsync(object, { now: context.now, rng: ZERO })),
      ...follow(object, await planAsync(object, context.lifecycle, options(context, p.stage))),
    });
  }
  return { ok: true, transitions };
}
