/**
 * Helpers shared by the lint rules.
 *
 * @module
 */
import { shortestPath } from "../explore-path.js";
import type { Exploration, ExploredEdge, ExploredState } from "../explore.js";

/** The stage names from the seed to the state `id`, then `edge` when given. */
export function pathTo(exploration: Exploration, id: string, edge?: ExploredEdge): string[] {
  const path = (shortestPath(exploration, id) ?? []).map((e) => e.stage);
  return edge === undefined ? path : [...path, edge.stage];
}

/** The state with this id. */
export function stateOf(exploration: Exploration, id: string): ExploredState | undefined {
  return exploration.states.find((s) => s.id === id);
}

/** The edges of an exploration between real states (not `deleted`/`error`). */
export function realEdges(exploration: Exploration): ExploredEdge[] {
  return exploration.edges.filter((e) => e.to !== "deleted" && e.to !== "error" && e.stage !== "(match)");
}
