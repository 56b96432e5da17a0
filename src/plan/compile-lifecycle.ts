/**
 * `compileLifecycle`: stages grouped by `resourceRef`, with selectors, weight and delay getters
 * and templates compiled once.
 *
 * @module
 */
import { StagecraftError } from "../errors.js";
import { compileSelector } from "../selector/compile-selector.js";
import type { CompiledSelector } from "../selector/types.js";
import type { Impersonation, ResourceRef, Stage, StageEvent, StageFinalizers } from "../stage/model.js";
import { KWOK_TEMPLATE_FUNCTIONS } from "../template/functions.js";
import type { ParsedTemplate } from "../template/parser.js";
import { parseKwokTemplate } from "../template/parser.js";
import type { ExecuteLimits, FunctionMap } from "../template/exec/index.js";
import { compileDelay, type DelayGetter } from "../values/delay.js";
import { compileWeight, type WeightGetter } from "../values/weight.js";
import { refKey, refOfObject } from "./resource-ref.js";

/**
 * How a patch without `type` is sent: KWOK's test harness and generic controller use `merge`;
 * its Pod and Node controllers use `strategic` for Pods and Nodes (`controller`).
 *
 * @category Planner
 */
export type DefaultPatchType = "merge" | "strategic" | "controller";

/**
 * Options of {@link compileLifecycle}.
 *
 * @category Planner
 * @example
 * ```ts
 * compileLifecycle(stages, { functions: placeholderFunctions(), defaultPatchType: "merge" });
 * ```
 */
export interface LifecycleOptions {
  /**
   * Template functions over sprig's and KWOK's defaults (spec §5.1 layer c): the per-controller
   * functions (`NodeIP`, `PodIPWith`, …) or the test harness's placeholders.
   */
  readonly functions?: FunctionMap;
  /** How a patch without `type` is sent. Default `"merge"` (KWOK's test harness). */
  readonly defaultPatchType?: DefaultPatchType;
  /** KWOK's version for the `Version` template function. Default `"0.9.0"`. */
  readonly version?: string;
  /** The process start time for `StartTime`, RFC 3339. Default: the `now` of each plan. */
  readonly startTime?: string;
  /** Work bounds of template execution. */
  readonly limits?: ExecuteLimits;
}

/**
 * A compiled `patch` action.
 *
 * @category Planner
 */
export interface CompiledPatch {
  /** The parsed template. */
  readonly template: ParsedTemplate;
  /** The patch type after applying the default. */
  readonly patchType: "json" | "merge" | "strategic";
  /** The subresource, `""` for the main resource. */
  readonly subresource: string;
  /** The root the rendered patch is wrapped in, `""` for none. */
  readonly root: string;
  /** The user to impersonate. */
  readonly impersonation?: Impersonation;
}

/**
 * A compiled `apply` action.
 *
 * @category Planner
 */
export interface CompiledApply {
  /** The parsed template. */
  readonly template: ParsedTemplate;
  /** `apply` (the default), `merge` or `strategic`. */
  readonly applyType: "apply" | "merge" | "strategic";
  /** The subresource, `""` to create the object. */
  readonly subresource: string;
  /** The user to impersonate. */
  readonly impersonation?: Impersonation;
}

/**
 * A compiled step: its actions, in KWOK's order event → finalizers → delete → patch → apply.
 *
 * @category Planner
 */
export interface CompiledStep {
  /** The event to record. */
  readonly event?: StageEvent;
  /** The finalizer changes. */
  readonly finalizers?: StageFinalizers;
  /** Whether the step deletes the object. */
  readonly delete: boolean;
  /** The patch. */
  readonly patch?: CompiledPatch;
  /** The apply. */
  readonly apply?: CompiledApply;
}

/**
 * A stage ready to evaluate.
 *
 * @category Planner
 */
export interface CompiledStage {
  /** The stage as loaded. */
  readonly stage: Stage;
  /** `stage.name`. */
  readonly name: string;
  /** The compiled selector. */
  readonly selector: CompiledSelector;
  /** The weight getter. */
  readonly weight: WeightGetter;
  /** The delay getter. */
  readonly delay: DelayGetter;
  /** The compiled steps. */
  readonly steps: readonly CompiledStep[];
  /** Whether any expression of the stage needs asynchronous evaluation (JSONata). */
  readonly async: boolean;
}

/**
 * Stages compiled once and grouped by `resourceRef`, in load order.
 *
 * @category Planner
 */
export interface Lifecycle {
  /** Every compiled stage with a selector, in load order (selector-less stages are dropped, as KWOK does). */
  readonly stages: readonly CompiledStage[];
  /** The resource references that have stages, in first-seen order. */
  readonly refs: readonly ResourceRef[];
  /** Stages left out because they have no selector (KWOK drops them), in load order. */
  readonly ignored: readonly Stage[];
  /** Whether any stage needs asynchronous evaluation; then use the `*Async` functions. */
  readonly async: boolean;
  /** The options the lifecycle was compiled with. */
  readonly options: LifecycleOptions;
  /**
   * The stages for a resource reference or for an object (its `apiVersion` and `kind`).
   * @param target - a reference, or a Kubernetes object
   * @returns the stages, in load order; empty when there are none
   */
  stagesFor(target: ResourceRef | unknown): readonly CompiledStage[];
}

/**
 * Compiles stages once for planning: groups them by `resourceRef` (order preserved), drops
 * stages without selector (KWOK ignores them), and compiles selectors, weight and delay getters
 * and templates.
 *
 * @param stages - loaded stages (see {@link loadStages})
 * @param options - template functions, default patch type, version, start time, limits
 * @returns the lifecycle
 * @throws StagecraftError when an expression or a template does not compile (stages that
 *   {@link loadStages} accepted always compile), with the stage's index and field path
 * @example
 * ```ts
 * const { stages } = loadStagesOrThrow({ text: yamlText });
 * const lifecycle = compileLifecycle(stages, { functions: placeholderFunctions() });
 * lifecycle.stagesFor({ apiVersion: "v1", kind: "Pod" }).map((s) => s.name); // ["pod-ready", …]
 * ```
 * @category Planner
 */
export function compileLifecycle(stages: readonly Stage[], options: LifecycleOptions = {}): Lifecycle {
  const known = options.functions === undefined ? KWOK_TEMPLATE_FUNCTIONS : new Set([...KWOK_TEMPLATE_FUNCTIONS, ...Object.keys(options.functions)]);
  const compiled: CompiledStage[] = [];
  const groups = new Map<string, CompiledStage[]>();
  const refs: ResourceRef[] = [];
  const ignored: Stage[] = [];
  stages.forEach((stage, index) => {
    if (stage.selector === null) {
      ignored.push(stage);
      return;
    }
    const one = withStagePath(index, stage, () => compileStage(stage, known, options.defaultPatchType ?? "merge"));
    compiled.push(one);
    const key = refKey(stage.resourceRef);
    let group = groups.get(key);
    if (group === undefined) {
      group = [];
      groups.set(key, group);
      refs.push(stage.resourceRef);
    }
    group.push(one);
  });
  const none: readonly CompiledStage[] = [];
  return {
    stages: compiled,
    refs,
    ignored,
    async: compiled.some((s) => s.async),
    options,
    stagesFor(target) {
      const ref = isRef(target) ? target : refOfObject(target);
      return ref === undefined ? none : (groups.get(refKey(ref)) ?? none);
    },
  };
}

function isRef(target: unknown): target is ResourceRef {
  return typeof target === "object" && target !== null && typeof (target as ResourceRef).apiGroup === "string" && typeof (target as ResourceRef).kind === "string";
}

function withStagePath<T>(index: number, stage: Stage, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof StagecraftError) {
      throw new StagecraftError(error.code, `stage ${JSON.stringify(stage.name)} (index ${index}): ${error.rawMessage}`, {
        ...(error.path === undefined ? {} : { path: error.path }),
        ...(error.location === undefined ? {} : { location: error.location }),
        cause: error,
      });
    }
    throw error;
  }
}

function compileStage(stage: Stage, known: ReadonlySet<string>, defaultPatchType: DefaultPatchType): CompiledStage {
  const selector = compileSelector(stage.selector ?? { matchExpressions: [] });
  const weight = compileWeight(stage);
  const delay = compileDelay(stage);
  const unset = unsetPatchType(stage.resourceRef, defaultPatchType);
  const steps = stage.steps.map((step, i): CompiledStep => {
    const path = ["spec", "steps", i] as const;
    const parse = (text: string, field: string): ParsedTemplate => {
      try {
        return parseKwokTemplate(text, { name: stage.name, functions: known });
      } catch (error) {
        if (error instanceof StagecraftError) {
          throw new StagecraftError(error.code, error.rawMessage, { path: [...path, field, "template"], cause: error });
        }
        throw error;
      }
    };
    return {
      ...(step.event === undefined ? {} : { event: step.event }),
      ...(step.finalizers === undefined ? {} : { finalizers: step.finalizers }),
      delete: step.delete === true,
      ...(step.patch === undefined
        ? {}
        : {
            patch: {
              template: parse(step.patch.template, "patch"),
              patchType: step.patch.type ?? unset,
              subresource: step.patch.subresource,
              root: step.patch.root,
              ...(step.patch.impersonation === undefined ? {} : { impersonation: step.patch.impersonation }),
            },
          }),
      ...(step.apply === undefined
        ? {}
        : {
            apply: {
              template: parse(step.apply.template, "apply"),
              applyType: step.apply.type ?? "apply",
              subresource: step.apply.subresource,
              ...(step.apply.impersonation === undefined ? {} : { impersonation: step.apply.impersonation }),
            },
          }),
    };
  });
  return { stage, name: stage.name, selector, weight, delay, steps, async: selector.async || weight.async || delay.async };
}

function unsetPatchType(ref: ResourceRef, mode: DefaultPatchType): "merge" | "strategic" {
  if (mode !== "controller") return mode;
  return ref.apiGroup === "v1" && (ref.kind === "Pod" || ref.kind === "Node") ? "strategic" : "merge";
}
