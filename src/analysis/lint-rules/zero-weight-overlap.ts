/**
 * `zero-weight-overlap`: two stages possible in the same state, both with weight 0.
 *
 * @module
 */
import type { LintContext, LintFinding } from "../lint-types.js";
import { pathTo } from "./util.js";

/** Pairs of stages possible in one explored state where every weight is 0 (KWOK then picks among them at random). */
export function zeroWeightOverlap(context: LintContext): LintFinding[] {
  const seen = new Set<string>();
  const findings: LintFinding[] = [];
  for (const { exploration } of context.explorations) {
    const byState = new Map<string, Map<string, number>>();
    for (const e of exploration.edges) {
      if (e.stage === "(match)") continue;
      const stages = byState.get(e.from) ?? new Map<string, number>();
      stages.set(e.stage, e.weight ?? 0);
      byState.set(e.from, stages);
    }
    for (const [id, stages] of byState) {
      if (stages.size < 2 || [...stages.values()].some((w) => w !== 0)) continue;
      const names = [...stages.keys()].sort();
      const key = names.join("\u0000");
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        rule: "zero-weight-overlap",
        severity: "warning",
        stages: names,
        path: pathTo(exploration, id),
        message: `stages ${names.join(", ")} are all possible in state ${id} with weight 0: which one runs is left to chance`,
        suggestion: "make the selectors exclusive, or give the stages weights",
      });
    }
  }
  return findings;
}
