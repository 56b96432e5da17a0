/**
 * `missing-node-stages`: Pod stages without Node stages.
 *
 * @module
 */
import type { LintContext, LintFinding } from "../lint-types.js";

/** Pod stages exist but no `{v1, Node}` stage: KWOK manages no node as ready, so it drives no pods. */
export function missingNodeStages(context: LintContext): LintFinding[] {
  const refs = context.lifecycle.stages.map((s) => s.stage.resourceRef);
  const pods = context.lifecycle.stages.filter((s) => s.stage.resourceRef.apiGroup === "v1" && s.stage.resourceRef.kind === "Pod");
  if (pods.length === 0 || refs.some((r) => r.apiGroup === "v1" && r.kind === "Node")) return [];
  return [
    {
      rule: "missing-node-stages",
      severity: "warning",
      stages: pods.map((s) => s.name),
      message: "there are Pod stages but no {v1, Node} stage: nodes never become Ready, so KWOK drives no pods",
      suggestion: "add node stages (e.g. the node-fast preset) or load KWOK's node/fast set next to these",
    },
  ];
}
