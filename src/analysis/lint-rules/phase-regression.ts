/**
 * `phase-regression`: a Pod going back in its phase, or losing Ready without a cause.
 *
 * @module
 */
import type { ExploredEdge, ExploredState } from "../explore.js";
import type { LintContext, LintFinding } from "../lint-types.js";
import { pathTo, realEdges, stateOf } from "./util.js";

interface PodState {
  phase?: string;
  conditions?: { type: string; status: string }[];
  deleting?: boolean;
}

const RANK: Readonly<Record<string, number>> = { Pending: 0, Running: 1, Succeeded: 2, Failed: 2 };

function pod(state: ExploredState | undefined): PodState | undefined {
  const example = state?.example as { apiVersion?: unknown; kind?: unknown } | undefined;
  if (example?.apiVersion !== "v1" || example.kind !== "Pod") return undefined;
  const p = state?.projection;
  return typeof p === "object" && p !== null ? (p as PodState) : undefined;
}

function ready(s: PodState): string | undefined {
  return s.conditions?.find((c) => c.type === "Ready")?.status;
}

/** Why the edge is a regression, or undefined. */
function regression(from: PodState, to: PodState): string | undefined {
  const a = from.phase === undefined ? undefined : RANK[from.phase];
  const b = to.phase === undefined ? undefined : RANK[to.phase];
  if (a !== undefined && b !== undefined && b < a) return `phase ${from.phase} → ${to.phase}`;
  if (a !== undefined && to.phase === undefined && a > 0) return `phase ${from.phase} → (none)`;
  const caused = to.deleting === true || to.phase === "Failed" || to.phase === "Succeeded";
  if (ready(from) === "True" && ready(to) === "False" && !caused) return "Ready True → False without deletion or failure";
  return undefined;
}

function finding(edge: ExploredEdge, why: string, path: string[]): LintFinding {
  return {
    rule: "phase-regression",
    severity: "error",
    stages: [edge.stage],
    path,
    message: `stage ${edge.stage} sends the pod backwards: ${why} (${edge.from} → ${edge.to})`,
    suggestion: `narrow the selector of ${edge.stage} so it excludes pods already past it (e.g. a .status.phase In/NotIn requirement)`,
  };
}

/** Edges of explored Pod graphs that move the phase backwards or drop Ready without a cause. */
export function phaseRegression(context: LintContext): LintFinding[] {
  const seen = new Set<string>();
  const findings: LintFinding[] = [];
  for (const { exploration } of context.explorations) {
    for (const e of realEdges(exploration)) {
      const from = pod(stateOf(exploration, e.from));
      const to = pod(stateOf(exploration, e.to));
      if (from === undefined || to === undefined) continue;
      const why = regression(from, to);
      if (why === undefined || seen.has(`${e.stage}\u0000${why}`)) continue;
      seen.add(`${e.stage}\u0000${why}`);
      findings.push(finding(e, why, pathTo(exploration, e.from, e)));
    }
  }
  return findings;
}
