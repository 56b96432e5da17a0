/**
 * `terminal-without-delete`: an object being deleted that no stage deletes.
 *
 * @module
 */
import { canonicalJson } from "../explore-projection.js";
import type { LintContext, LintFinding } from "../lint-types.js";
import { pathTo } from "./util.js";

function deleting(object: unknown): boolean {
  const metadata = (object as { metadata?: { deletionTimestamp?: unknown } } | null)?.metadata;
  return metadata?.deletionTimestamp !== undefined && metadata.deletionTimestamp !== null;
}

/** Terminal states whose object has a deletionTimestamp: it would stay Terminating forever. */
export function terminalWithoutDelete(context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  const seen = new Set<string>();
  for (const { seed, exploration } of context.explorations) {
    for (const s of exploration.states) {
      if (!s.terminal || s.deleted === true || s.error === true || !deleting(s.example)) continue;
      const key = canonicalJson(s.projection);
      if (seen.has(key)) continue;
      seen.add(key);
      const path = pathTo(exploration, s.id);
      findings.push({
        rule: "terminal-without-delete",
        severity: "warning",
        stages: path.length === 0 ? [] : [path[path.length - 1] as string],
        path,
        message: `${seed} is being deleted but in state ${s.id} no stage applies: it stays Terminating`,
        suggestion: "add a stage selecting .metadata.deletionTimestamp Exists with `delete: true` (and removing finalizers)",
      });
    }
  }
  return findings;
}
