/**
 * `lint`: checks a stage set offline — selectors that contradict themselves, pods sent
 * backwards, hot loops, stages nothing reaches (kwok#1002, kwok#1509, kwok#1325).
 *
 * @module
 */
import { compileLifecycle } from "../plan/compile-lifecycle.js";
import type { Stage } from "../stage/model.js";
import { explore, exploreAsync } from "./explore.js";
import { missingNodeStages } from "./lint-rules/missing-node-stages.js";
import { neverMatches } from "./lint-rules/never-matches.js";
import { phaseRegression } from "./lint-rules/phase-regression.js";
import { templateMissingField } from "./lint-rules/template-missing-field.js";
import { terminalWithoutDelete } from "./lint-rules/terminal-without-delete.js";
import { unreachableStage } from "./lint-rules/unreachable-stage.js";
import { zeroDelayCycle } from "./lint-rules/zero-delay-cycle.js";
import { zeroWeightOverlap } from "./lint-rules/zero-weight-overlap.js";
import type { LintContext, LintFinding, LintOptions, LintSeverity, SeedExploration } from "./lint-types.js";

/**
 * The seeds {@link lint} explores from when none are given: a pod just bound to a node (no
 * status yet, one container, `spec.nodeName: lint-node`), a pod of a Job with an init container
 * (so init and completion stages are reached) and a bare node (`lint-node`, no status). Fresh
 * copies on every call.
 *
 * @returns `[pod, jobPod, node]`
 * @example
 * ```ts
 * defaultLintSeeds().map((o) => (o as { kind: string }).kind); // ["Pod", "Pod", "Node"]
 * ```
 * @category Analysis
 */
export function defaultLintSeeds(): unknown[] {
  const spec = { nodeName: "lint-node", containers: [{ name: "container", image: "image" }] };
  return [
    { apiVersion: "v1", kind: "Pod", metadata: { name: "lint-pod", namespace: "default" }, spec },
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "lint-job-pod", namespace: "default", ownerReferences: [{ apiVersion: "batch/v1", kind: "Job", name: "lint-job", uid: "lint-job-uid" }] },
      spec: { ...spec, initContainers: [{ name: "init-container", image: "init-image" }] },
    },
    { apiVersion: "v1", kind: "Node", metadata: { name: "lint-node" } },
  ];
}

function label(seed: unknown): string {
  const o = seed as { kind?: unknown; metadata?: { name?: unknown } } | null;
  return `${String(o?.kind ?? "object")}/${String(o?.metadata?.name ?? "?")}`;
}

/** A copy of a seed being deleted; `undefined` for Nodes (KWOK's node stages never delete: the API server does). */
function withDeletion(seed: unknown): unknown {
  const o = seed as { kind?: unknown; metadata?: Record<string, unknown> } | null;
  if (typeof o !== "object" || o === null || o.kind === "Node") return undefined;
  return { ...o, metadata: { ...(o.metadata ?? {}), deletionTimestamp: "2006-01-02T15:04:05Z" } };
}

function seedsOf(seeds: readonly unknown[], deleting: boolean): { seed: unknown; name: string }[] {
  return seeds.flatMap((s) => {
    const d = deleting ? withDeletion(s) : undefined;
    return [{ seed: s, name: label(s) }, ...(d === undefined ? [] : [{ seed: d, name: `${label(s)} (deleting)` }])];
  });
}

const ORDER: Readonly<Record<LintSeverity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Lints a stage set: compiles it (controller patches, as KWOK applies them), explores it from
 * each seed (and, by default, from a copy of each non-Node seed being deleted) and runs every rule:
 * `never-matches` (error), `phase-regression` (error), `zero-delay-cycle` (error),
 * `zero-weight-overlap`, `unreachable-stage`, `terminal-without-delete`, `missing-node-stages`
 * (warnings), `template-missing-field` (info). Stages whose kind has no seed are only checked statically.
 *
 * @param stages - loaded stages (not modified)
 * @param options - seeds (default {@link defaultLintSeeds}) and exploration limits
 * @returns the findings, errors first, then in rule order; plain data
 * @throws StagecraftError when the stages do not compile, or `E_ASYNC_REQUIRED` for JSONata stages (use {@link lintAsync})
 * @example
 * ```ts
 * const findings = lint(loadStagesOrThrow({ text }));
 * for (const f of findings) console.log(f.severity, f.rule, f.stages.join(","), f.message);
 * const gate = findings.some((f) => f.severity === "error");
 * ```
 * @category Analysis
 */
export function lint(stages: readonly Stage[], options: LintOptions = {}): LintFinding[] {
  const { lifecycle, seeds, limits } = prepare(stages, options);
  const explorations = seeds.map(({ seed, name }) => ({ seed: name, exploration: explore(seed, lifecycle, limits), exact: explore(seed, lifecycle, { ...limits, project: exact }) }));
  return runRules({ stages, lifecycle, explorations });
}

/**
 * {@link lint} for stage sets with JSONata expressions (also works for the others).
 *
 * @param stages - loaded stages (not modified)
 * @param options - as for {@link lint}
 * @returns the findings, as {@link lint} returns them
 * @throws StagecraftError when the stages do not compile
 * @example
 * ```ts
 * const errors = (await lintAsync(stages)).filter((f) => f.severity === "error");
 * ```
 * @category Analysis
 */
export async function lintAsync(stages: readonly Stage[], options: LintOptions = {}): Promise<LintFinding[]> {
  const { lifecycle, seeds, limits } = prepare(stages, options);
  const explorations: SeedExploration[] = [];
  for (const { seed, name } of seeds) {
    explorations.push({ seed: name, exploration: await exploreAsync(seed, lifecycle, limits), exact: await exploreAsync(seed, lifecycle, { ...limits, project: exact }) });
  }
  return runRules({ stages, lifecycle, explorations });
}

const exact = (object: unknown): unknown => object;

function prepare(stages: readonly Stage[], options: LintOptions) {
  const lifecycle = compileLifecycle(stages, { defaultPatchType: "controller" });
  const seeds = seedsOf(options.seeds ?? defaultLintSeeds(), options.deletingSeeds !== false).filter(({ seed }) => lifecycle.stagesFor(seed).length > 0);
  const limits = { ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }), ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }) };
  return { lifecycle, seeds, limits };
}

function runRules(context: LintContext): LintFinding[] {
  const never = neverMatches(context);
  const findings = [
    ...never,
    ...phaseRegression(context),
    ...zeroDelayCycle(context),
    ...zeroWeightOverlap(context),
    ...unreachableStage(context, new Set(never.flatMap((f) => f.stages))),
    ...terminalWithoutDelete(context),
    ...missingNodeStages(context),
    ...templateMissingField(context),
  ];
  return findings.map((f, i) => ({ f, i })).sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i).map(({ f }) => f);
}
