/**
 * `zero-delay-cycle`: a cycle of transitions none of which waits (a hot loop).
 *
 * @module
 */
import type { ExploredEdge } from "../explore.js";
import type { LintContext, LintFinding } from "../lint-types.js";
import { pathTo, realEdges } from "./util.js";

function reaches(edges: readonly ExploredEdge[], from: string, to: string): boolean {
  const seen = new Set([from]);
  for (const queue = [from]; queue.length > 0; ) {
    const id = queue.shift() as string;
    if (id === to) return true;
    for (const e of edges) {
      if (e.from === id && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return false;
}

/** Cycles of the exact exploration (whole objects as states) whose edges all have no delay. */
export function zeroDelayCycle(context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  const seen = new Set<string>();
  for (const { exact: exploration } of context.explorations) {
    const zero = realEdges(exploration).filter((e) => e.delay.max === 0);
    const cyclic = zero.filter((e) => reaches(zero, e.to, e.from));
    const first = cyclic[0];
    if (first === undefined) continue;
    const stages = [...new Set(cyclic.map((e) => e.stage))].sort();
    if (seen.has(stages.join("\u0000"))) continue;
    seen.add(stages.join("\u0000"));
    findings.push({
      rule: "zero-delay-cycle",
      severity: "error",
      stages,
      path: pathTo(exploration, first.from, first),
      message: `stages ${stages.join(", ")} form a cycle without delay (${first.from} → ${first.to} → … → ${first.from}): KWOK would loop on the object without pause`,
      suggestion: "give a stage of the cycle a positive delay (as a heartbeat has), or narrow a selector to break the cycle",
    });
  }
  return findings;
}
