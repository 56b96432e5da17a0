/**
 * The transition planner: lifecycles, matching, weights, delays and steps → operations.
 *
 * @module
 */
export { applyOperation } from "./apply-operation.js";
export { compileLifecycle } from "./compile-lifecycle.js";
export type {
  CompiledApply,
  CompiledPatch,
  CompiledStage,
  CompiledStep,
  DefaultPatchType,
  Lifecycle,
  LifecycleOptions,
} from "./compile-lifecycle.js";
export { listPossible, listPossibleAsync, match, matchAsync, plan, planAsync } from "./plan.js";
export type { MatchOptions, PlanOptions, PlanResult, PossibleStage } from "./plan.js";
export { currentFinalizers, finalizerOperations } from "./finalizers.js";
export { refOfObject } from "./resource-ref.js";
export { PatchContentType } from "./types.js";
export type {
  ApplyOperation,
  DeleteOperation,
  EventOperation,
  JsonPatchOperation,
  Operation,
  PatchOperation,
  Plan,
  PlanOutcome,
  StepsOutcome,
} from "./types.js";
