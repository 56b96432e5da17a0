/**
 * The planner's data: operations, plans and results. Everything here is plain, JSON-compatible
 * data (patch bodies hold integers beyond 2^53 as `bigint`, which {@link goJsonStringify} prints).
 *
 * @module
 */
import type { StagecraftError } from "../errors.js";
import type { Impersonation } from "../stage/model.js";

/**
 * The HTTP content types of KWOK's patch and apply calls.
 *
 * @category Planner
 * @example
 * ```ts
 * PatchContentType.merge; // "application/merge-patch+json"
 * ```
 */
export const PatchContentType = {
  /** RFC 6902 JSON patch. */
  json: "application/json-patch+json",
  /** RFC 7386 JSON merge patch. */
  merge: "application/merge-patch+json",
  /** Kubernetes strategic merge patch. */
  strategic: "application/strategic-merge-patch+json",
  /** Server-side apply. */
  apply: "application/apply-patch+yaml",
} as const;

/**
 * One of {@link PatchContentType}'s values.
 *
 * @category Planner
 */
export type PatchContentType = (typeof PatchContentType)[keyof typeof PatchContentType];

export type { JsonPatchOperation } from "../patch/json-patch-ops.js";

/**
 * A Kubernetes event to record on the object (`step.event`).
 *
 * @category Planner
 * @example
 * ```ts
 * const op: EventOperation = { kind: "event", step: 0, type: "Normal", reason: "Created", message: "Created container" };
 * ```
 */
export interface EventOperation {
  /** Discriminator. */
  readonly kind: "event";
  /** Index of the step that produced the operation. */
  readonly step: number;
  /** `Normal` or `Warning` (client-go drops anything else; the planner passes it through). */
  readonly type: string;
  /** The event reason. */
  readonly reason: string;
  /** The event message. */
  readonly message: string;
}

/**
 * Delete the object (`step.delete`). KWOK deletes with `gracePeriodSeconds: 0`.
 *
 * @category Planner
 * @example
 * ```ts
 * const op: DeleteOperation = { kind: "delete", step: 1 };
 * ```
 */
export interface DeleteOperation {
  /** Discriminator. */
  readonly kind: "delete";
  /** Index of the step that produced the operation. */
  readonly step: number;
}

/**
 * Patch the object (`step.patch`, or the JSON patch of `step.finalizers`).
 *
 * @category Planner
 * @example
 * ```ts
 * const op: PatchOperation = {
 *   kind: "patch", step: 0, source: "patch", patchType: "merge",
 *   contentType: PatchContentType.merge, subresource: "status", data: { status: { phase: "Running" } },
 * };
 * ```
 */
export interface PatchOperation {
  /** Discriminator. */
  readonly kind: "patch";
  /** Index of the step that produced the operation. */
  readonly step: number;
  /** `finalizers` for the computed finalizer patch, `patch` for a rendered one. */
  readonly source: "finalizers" | "patch";
  /** How to apply {@link PatchOperation.data}. */
  readonly patchType: "json" | "merge" | "strategic";
  /** The HTTP content type KWOK sends. */
  readonly contentType: PatchContentType;
  /** The subresource (`status`), or `""` for the main resource. */
  readonly subresource: string;
  /** The patch body: an array of {@link JsonPatchOperation} for `json`, otherwise the patch document. */
  readonly data: unknown;
  /** The user to impersonate, when the stage asks for it. */
  readonly impersonation?: Impersonation;
}

/**
 * Create or patch another object from a rendered manifest (`step.apply`).
 *
 * @category Planner
 * @example
 * ```ts
 * const op: ApplyOperation = {
 *   kind: "apply", step: 0, applyType: "apply", contentType: PatchContentType.apply,
 *   subresource: "", data: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } },
 * };
 * ```
 */
export interface ApplyOperation {
  /** Discriminator. */
  readonly kind: "apply";
  /** Index of the step that produced the operation. */
  readonly step: number;
  /** `apply` (server-side apply, field manager `kwok`, forced), `merge` or `strategic`. */
  readonly applyType: "apply" | "merge" | "strategic";
  /** The HTTP content type KWOK sends. */
  readonly contentType: PatchContentType;
  /** The subresource (`status`), or `""` to create the object (patching it if it exists). */
  readonly subresource: string;
  /** The rendered object; must hold `apiVersion` and `kind`. */
  readonly data: unknown;
  /** The user to impersonate, when the stage asks for it. */
  readonly impersonation?: Impersonation;
}

/**
 * What a stage's steps ask for, in order (spec §4.1: per step event → finalizers → delete →
 * patch → apply; steps in list order).
 *
 * @category Planner
 */
export type Operation = EventOperation | DeleteOperation | PatchOperation | ApplyOperation;

/**
 * The plan for one object: the chosen stage, when to run it and what it does.
 *
 * @category Planner
 * @example
 * ```ts
 * const result = plan(pod, lifecycle, { now: new Date(), rng: Math.random });
 * if (result.ok && result.plan) console.log(result.plan.stage, result.plan.delay, result.plan.operations);
 * ```
 */
export interface Plan {
  /** The stage's `metadata.name`. */
  readonly stage: string;
  /**
   * The delay in nanoseconds before the operations run (KWOK's `Stage.Delay`): absent when the
   * stage has no delay; may be negative (an RFC 3339 time in the past), which means "now".
   */
  readonly delay?: number;
  /** The operations, in the order KWOK performs them. */
  readonly operations: readonly Operation[];
  /** Why the delay could not be computed (KWOK logs it and runs the stage at once: `delay` is 0). */
  readonly delayError?: string;
  /** Whether the object returned by the last patch is re-planned at once (`immediateNextStage`). */
  readonly immediateNextStage: boolean;
}

/**
 * The outcome of a planner call that can fail on user input (a CEL runtime error, a template
 * that does not render): never thrown, returned.
 *
 * @typeParam T - the value on success
 * @category Planner
 * @example
 * ```ts
 * const r: PlanOutcome<number> = { ok: true, value: 1 };
 * if (!r.ok) console.error(r.error.message);
 * ```
 */
export type PlanOutcome<T> =
  | {
      /** Success. */
      readonly ok: true;
      /** The value. */
      readonly value: T;
    }
  | {
      /** Failure. */
      readonly ok: false;
      /** What went wrong. */
      readonly error: StagecraftError;
    };

/**
 * The outcome of running a stage's steps: on failure, the operations of the steps before the
 * failing one (KWOK has already performed them when it stops) and the failing step's index.
 *
 * @category Planner
 * @example
 * ```ts
 * const r = planStage(pod, lifecycle.stages[0]!, { now: new Date() });
 * if (!r.ok) console.error(`step ${r.step}: ${r.error.message}`, r.operations);
 * ```
 */
export type StepsOutcome =
  | {
      /** Success. */
      readonly ok: true;
      /** The operations of all steps. */
      readonly operations: readonly Operation[];
    }
  | {
      /** Failure. */
      readonly ok: false;
      /** What went wrong. */
      readonly error: StagecraftError;
      /** Index of the failing step. */
      readonly step: number;
      /** The operations of the steps before the failing one, which KWOK has already performed. */
      readonly operations: readonly Operation[];
    };
