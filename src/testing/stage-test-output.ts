/**
 * The result document of KWOK's stage-testing harness (`kustomize/stage/stage_test.go`,
 * spec §7.2) for one object.
 *
 * @module
 */
import type { StagecraftError } from "../errors.js";
import { compileLifecycle, type Lifecycle } from "../plan/compile-lifecycle.js";
import { listPossibleAsync, planAsync } from "../plan/plan.js";
import type { Operation, PlanOutcome } from "../plan/types.js";
import type { Stage } from "../stage/model.js";
import type { FunctionMap } from "../template/exec/function-map.js";
import { placeholderFunctions } from "../template/exec/placeholders.js";
import { marshalGoYaml } from "../yaml/marshal.js";
import { refOfObject } from "../plan/resource-ref.js";

/** The fixed instant of KWOK's harness: `2006-01-02T15:04:05Z`. */
export const HARNESS_NOW: Date = new Date("2006-01-02T15:04:05Z");

/**
 * Options of {@link stageTestOutput}.
 *
 * @category Testing
 * @example
 * ```ts
 * await stageTestOutput(pod, stages, { now: new Date("2024-01-01T00:00:00Z") });
 * ```
 */
export interface StageTestOutputOptions {
  /**
   * The instant for delays and CEL's `Now()`. Default: as KWOK's harness, delays at
   * {@link HARNESS_NOW} and CEL's `Now()` (selectors, `weightFrom`) on the wall clock — KWOK
   * fixes only the instant it passes to `DelayRangePossible` (spec §2.4, §3.2).
   */
  readonly now?: Date;
  /** Template functions. Default: KWOK's harness placeholders (`<Now>`, `<NodeIPWith("node")>`, …). */
  readonly functions?: FunctionMap;
}

/** One record of a stage's `next` list. */
type NextRecord = Readonly<Record<string, unknown>>;

/**
 * The harness's document for one object: `apiGroup`, `kind`, `name`, `namespace` (when set)
 * and, per possible stage, `stage`, `delay` (the possible range in nanoseconds), `weight` and
 * `next` (the operations, then `{kind: immediate}` when the stage asks for it).
 *
 * @category Testing
 */
export interface StageTestOutput {
  /** The object's `apiVersion`. */
  readonly apiGroup: string;
  /** The object's kind. */
  readonly kind: string;
  /** The object's name. */
  readonly name: string;
  /** The object's namespace, when it has one. */
  readonly namespace?: string;
  /** The possible stages. */
  readonly stages: readonly StageTestEntry[];
}

/**
 * One possible stage in a {@link StageTestOutput}.
 *
 * @category Testing
 */
export interface StageTestEntry {
  /** The stage's name. */
  readonly stage: string;
  /** The possible delay in nanoseconds: `[d]`, `[d, j]` or `[j]`; absent without delay. */
  readonly delay?: readonly number[];
  /** The weight, absent when unknown. */
  readonly weight?: number;
  /** The operations as records (`{kind: event|delete|patch|apply|immediate, …}`). */
  readonly next: readonly Readonly<Record<string, unknown>>[];
}

function record(op: Operation): NextRecord {
  switch (op.kind) {
    case "event":
      return { kind: "event", type: op.type, reason: op.reason, message: op.message };
    case "delete":
      return { kind: "delete" };
    case "patch":
    case "apply":
      return {
        kind: op.kind,
        type: op.contentType,
        ...(op.subresource === "" ? {} : { subresource: op.subresource }),
        data: op.data,
        ...(op.impersonation === undefined ? {} : { impersonation: op.impersonation.username }),
      };
  }
}

/**
 * Computes what KWOK's stage-testing harness writes for an object: the stages of its kind
 * that could be chosen, with their delay range, weight and operations rendered with the
 * harness's placeholder functions at a fixed instant.
 *
 * @param object - the input object
 * @param stages - the loaded stages (those of other kinds are ignored)
 * @param options - the instant and the template functions
 * @returns the document, or the error that makes KWOK's harness fail
 * @example
 * ```ts
 * const r = await stageTestOutput(pod, loadStagesOrThrow({ text }));
 * if (r.ok) console.log(formatStageTestOutput(r.value));
 * ```
 * @category Testing
 */
export async function stageTestOutput(object: unknown, stages: readonly Stage[], options: StageTestOutputOptions = {}): Promise<PlanOutcome<StageTestOutput>> {
  const ref = refOfObject(object);
  const meta = ((object as { metadata?: { name?: unknown; namespace?: unknown } } | null)?.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const lifecycle: Lifecycle = compileLifecycle(
    stages.filter((s) => ref !== undefined && s.resourceRef.apiGroup === ref.apiGroup && s.resourceRef.kind === ref.kind),
    { functions: options.functions ?? placeholderFunctions(), defaultPatchType: "merge" },
  );
  const now = options.now ?? HARNESS_NOW;
  // KWOK's harness fixes only the delay instant; CEL's Now() reads the wall clock
  const clock = options.now ?? new Date();
  const possible = await listPossibleAsync(object, lifecycle, { now: clock });
  if (!possible.ok) return possible;
  const out: StageTestEntry[] = [];
  for (const { stage, weight } of possible.value) {
    const delay = await stage.delay.rangeAsync(object, { now });
    if (delay.status === "error") return fail(delay.error);
    // templates render at the fixed instant: KWOK's harness replaces Now with a placeholder, and a
    // caller's own function set without Now must still give the same document on every run
    const planned = await planAsync(object, lifecycle, { now, stage });
    if (!planned.ok) return fail(planned.error);
    const next = (planned.plan?.operations ?? []).map(record);
    if (stage.stage.immediateNextStage) next.push({ kind: "immediate" });
    out.push({
      stage: stage.name,
      ...(delay.status === "value" ? { delay: delay.value } : {}),
      ...(weight === undefined ? {} : { weight }),
      next,
    });
  }
  const namespace = typeof meta.namespace === "string" ? meta.namespace : "";
  return {
    ok: true,
    value: {
      apiGroup: ref?.apiGroup ?? "",
      kind: ref?.kind ?? "",
      name: typeof meta.name === "string" ? meta.name : "",
      ...(namespace === "" ? {} : { namespace }),
      stages: out,
    },
  };
}

function fail(error: StagecraftError): PlanOutcome<never> {
  return { ok: false, error };
}

/**
 * Writes a harness document as KWOK does (`sigs.k8s.io/yaml.Marshal`: sorted keys, go-yaml v2
 * scalar styles, one trailing newline).
 *
 * @param output - the document
 * @returns the YAML text
 * @example
 * ```ts
 * formatStageTestOutput({ apiGroup: "v1", kind: "Pod", name: "p", stages: [] });
 * // "apiGroup: v1\nkind: Pod\nname: p\nstages: []\n"
 * ```
 * @category Testing
 */
export function formatStageTestOutput(output: StageTestOutput): string {
  return marshalGoYaml(output);
}
