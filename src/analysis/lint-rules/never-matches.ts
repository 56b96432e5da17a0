/**
 * `never-matches`: a selector that contradicts itself, so its stage can never match.
 *
 * @module
 */
import type { JqRequirement, Stage } from "../../stage/model.js";
import type { LintContext, LintFinding } from "../lint-types.js";

/** Why the jq requirements on one key cannot all hold, or undefined. */
function contradiction(key: string, reqs: readonly JqRequirement[]): string | undefined {
  const ops = new Set(reqs.map((r) => r.operator));
  if (ops.has("Exists") && ops.has("DoesNotExist")) return `${key} must both exist and not exist`;
  const ins = reqs.filter((r) => r.operator === "In").map((r) => new Set(r.values));
  const notIn = new Set(reqs.filter((r) => r.operator === "NotIn").flatMap((r) => r.values));
  if (ins.length === 0) return undefined;
  const allowed = [...(ins[0] as Set<string>)].filter((v) => ins.every((s) => s.has(v)) && !notIn.has(v));
  if (allowed.length === 0) return `no value of ${key} is allowed by its In/NotIn requirements`;
  if (ops.has("DoesNotExist") && allowed.every((v) => v !== "" && v !== "null")) return `${key} must not exist but must be one of ${allowed.join(", ")}`;
  return undefined;
}

function check(stage: Stage): string | undefined {
  const byKey = new Map<string, JqRequirement[]>();
  for (const m of stage.selector?.matchExpressions ?? []) {
    if (!("jq" in m)) continue;
    byKey.set(m.jq.key, [...(byKey.get(m.jq.key) ?? []), m.jq]);
  }
  for (const [key, reqs] of byKey) {
    const why = contradiction(key, reqs);
    if (why !== undefined) return why;
  }
  return undefined;
}

/** Stages whose jq requirements contradict each other on one key. */
export function neverMatches(context: LintContext): LintFinding[] {
  return context.stages.flatMap((stage) => {
    const why = check(stage);
    if (why === undefined) return [];
    return [{ rule: "never-matches" as const, severity: "error" as const, stages: [stage.name], message: `stage ${stage.name} can never match: ${why}`, suggestion: "remove the contradicting matchExpressions (or the stage)" }];
  });
}
