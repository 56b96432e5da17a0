/**
 * Paths through an exploration: how the seed reaches a state (for findings that name "the path
 * that leads there", and for reachability assertions).
 *
 * @module
 */
import type { Exploration, ExploredEdge, ExploredState } from "./explore.js";

/**
 * The shortest sequence of transitions from the seed (`s0`) to the first state that satisfies
 * `target`, breadth-first with edges in exploration order (so the result is deterministic).
 *
 * @param exploration - what `explore` returned
 * @param target - a state id, or a predicate over states
 * @returns the edges from the seed to the state (empty when the seed itself is the target), or
 *   `undefined` when no explored state satisfies it
 * @example
 * ```ts
 * const x = explore(jobPod, lifecycle);
 * const path = shortestPath(x, (s) => (s.projection as { phase?: string }).phase === "Succeeded");
 * path?.map((e) => e.stage); // ["pod-create", "pod-ready", "pod-complete"]
 * shortestPath(x, "deleted"); // undefined: nothing deletes a pod without a deletionTimestamp
 * ```
 * @category Analysis
 */
export function shortestPath(exploration: Exploration, target: string | ((state: ExploredState) => boolean)): ExploredEdge[] | undefined {
  const matches = typeof target === "string" ? (s: ExploredState) => s.id === target : target;
  const byId = new Map(exploration.states.map((s) => [s.id, s]));
  const seed = exploration.states[0];
  if (seed === undefined) return undefined;
  const outgoing = new Map<string, ExploredEdge[]>();
  for (const e of exploration.edges) outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), e]);
  const via = new Map<string, ExploredEdge | undefined>([[seed.id, undefined]]);
  for (const queue = [seed.id]; queue.length > 0; ) {
    const id = queue.shift() as string;
    const state = byId.get(id);
    if (state !== undefined && matches(state)) return trace(via, id);
    for (const e of outgoing.get(id) ?? []) {
      if (via.has(e.to)) continue;
      via.set(e.to, e);
      queue.push(e.to);
    }
  }
  return undefined;
}

function trace(via: ReadonlyMap<string, ExploredEdge | undefined>, id: string): ExploredEdge[] {
  const path: ExploredEdge[] = [];
  for (let e = via.get(id); e !== undefined; e = via.get(e.from)) path.unshift(e);
  return path;
}
