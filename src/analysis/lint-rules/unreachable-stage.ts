/**
 * `unreachable-stage`: a stage no exploration uses.
 *
 * @module
 */
import type { LintContext, LintFinding } from "../lint-types.js";

function kindOf(object: unknown): string {
  const o = object as { apiVersion?: unknown; kind?: unknown } | null;
  return `${String(o?.apiVersion)}/${String(o?.kind)}`;
}

/** Stages of a kind that has seeds, used on no edge of any exploration (stages that never match are left to `never-matches`). */
export function unreachableStage(context: LintContext, skip: ReadonlySet<string>): LintFinding[] {
  const used = new Set(context.explorations.flatMap((x) => x.exploration.edges.map((e) => e.stage)));
  const seeded = new Set(context.explorations.map((x) => kindOf(x.exploration.states[0]?.example)));
  return context.lifecycle.stages
    .filter((s) => !used.has(s.name) && !skip.has(s.name) && seeded.has(`${s.stage.resourceRef.apiGroup}/${s.stage.resourceRef.kind}`))
    .map((s) => ({
      rule: "unreachable-stage" as const,
      severity: "warning" as const,
      stages: [s.name],
      message: `stage ${s.name} is possible in no state reached from the seeds (${context.explorations.map((x) => x.seed).join(", ")})`,
      suggestion: "check its selector against the states the other stages produce, or add a seed that reaches it",
    }));
}
