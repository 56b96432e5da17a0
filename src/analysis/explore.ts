/**
 * `explore`: the graph of states a seed object can reach through a lifecycle, breadth-first over
 * every possible stage (issue: stage sets that send pods backwards or leave nodes stuck, which
 * nobody sees until a cluster runs them).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import type { Lifecycle } from "../plan/compile-lifecycle.js";
import type { FunctionMap } from "../template/exec/function-map.js";
import { placeholderFunctions } from "../template/exec/placeholders.js";
import { canonicalJson, defaultProjection } from "./explore-projection.js";
import { type Expansion, expand, expandAsync, type StepContext } from "./explore-step.js";

/**
 * Options of {@link explore}.
 *
 * @category Analysis
 * @example
 * ```ts
 * explore(pod, lifecycle, { maxDepth: 20, project: (o) => (o as Pod).status?.phase });
 * ```
 */
export interface ExploreOptions {
  /** The fixed instant templates and delays see. Default 2006-01-02T15:04:05Z (KWOK's test harness). */
  readonly now?: Date;
  /** Template functions for rendering. Default: the test harness's placeholders (`<PodIP>`, `<Now>`, …). */
  readonly functions?: FunctionMap;
  /** The state of an object: objects with equal projections (as canonical JSON) are one state. Default {@link defaultProjection}. */
  readonly project?: (object: unknown) => unknown;
  /** States farther than this many transitions from the seed are not expanded. Default 50. */
  readonly maxDepth?: number;
  /** At most this many states (besides `deleted` and `error`). Default 1000. */
  readonly maxStates?: number;
}

/**
 * A state of an {@link Exploration}.
 *
 * @category Analysis
 */
export interface ExploredState {
  /** `s0` (the seed), `s1`, … in breadth-first order; `deleted` and `error` for the pseudo-states. */
  readonly id: string;
  /** The projection (`null` for the pseudo-states). */
  readonly projection: unknown;
  /** The length of the shortest path from the seed. */
  readonly depth: number;
  /** Whether no stage is possible from here (always true for `deleted` and `error`). */
  readonly terminal: boolean;
  /** Set on the `deleted` pseudo-state: a stage deleted the object. */
  readonly deleted?: true;
  /** Set on the `error` pseudo-state: a stage failed (the message is on the edge). */
  readonly error?: true;
  /** Set when the state was reached at `maxDepth` and has stages that were not followed. */
  readonly unexplored?: true;
  /** The first object found in this state (for `deleted`, the object as it was deleted). */
  readonly example: unknown;
}

/**
 * A possible delay in nanoseconds (KWOK waits `min` plus a uniform jitter below `max − min`).
 *
 * @category Analysis
 */
export interface DelayRange {
  /** The shortest delay (0 for none, or for a time already past). */
  readonly min: number;
  /** The longest delay; equal to `min` for a fixed delay. */
  readonly max: number;
}

/**
 * A transition of an {@link Exploration}: one stage from one state.
 *
 * @category Analysis
 */
export interface ExploredEdge {
  /** The state the stage is possible in. */
  readonly from: string;
  /** The state its operations lead to. */
  readonly to: string;
  /** The stage's name (`(match)` when matching itself failed). */
  readonly stage: string;
  /** The possible delay in nanoseconds: `min` = `max` for a fixed one, both 0 for none. */
  readonly delay: DelayRange;
  /** Why the delay could not be read (KWOK then runs the stage at once). */
  readonly delayError?: string;
  /** The stage's weight among the possible ones, when known. */
  readonly weight?: number;
  /** One line per operation, e.g. `patch status (merge): status.phase`; `apply` operations are listed but not followed. */
  readonly operations: readonly string[];
  /** Set when the stage has `immediateNextStage`: the next stage is matched at once on the patched object. */
  readonly immediate?: true;
  /** For edges to `error`: what failed. */
  readonly error?: string;
}

/**
 * What {@link explore} returns: plain JSON data.
 *
 * @category Analysis
 */
export interface Exploration {
  /** The states, the seed first, then in breadth-first order, then `deleted` and `error` when reached. */
  readonly states: readonly ExploredState[];
  /** The transitions, in the order they were found. */
  readonly edges: readonly ExploredEdge[];
  /** Whether `maxDepth` or `maxStates` cut the search short. */
  readonly truncated: boolean;
}

interface Node {
  id: string;
  key: string;
  projection: unknown;
  depth: number;
  terminal: boolean;
  unexplored: boolean;
  example: unknown;
}

const DEFAULT_NOW = new Date("2006-01-02T15:04:05Z");

function limit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new StagecraftError(ErrorCode.InvalidValue, `${name} must be a non-negative integer`, { expected: "an integer ≥ 0", received: String(value) });
  }
  return value;
}

/** The breadth-first search, fed with expansions by the sync or async driver. */
class Search {
  readonly context: StepContext;
  private readonly project: (object: unknown) => unknown;
  private readonly maxDepth: number;
  private readonly maxStates: number;
  private readonly nodes: Node[] = [];
  private readonly byKey = new Map<string, Node>();
  private readonly edges: ExploredEdge[] = [];
  private readonly pseudo = new Map<"deleted" | "error", { depth: number; example: unknown }>();
  private cursor = 0;
  private truncated = false;

  constructor(seed: unknown, lifecycle: Lifecycle, options: ExploreOptions) {
    this.context = { lifecycle, now: options.now ?? DEFAULT_NOW, functions: options.functions ?? placeholderFunctions() };
    this.project = options.project ?? defaultProjection;
    this.maxDepth = limit(options.maxDepth, 50, "maxDepth");
    this.maxStates = limit(options.maxStates, 1000, "maxStates");
    if (this.maxStates > 0) this.add(structuredClone(seed), 0);
    else this.truncated = true;
  }

  next(): Node | undefined {
    return this.nodes[this.cursor++];
  }

  private add(object: unknown, depth: number): Node | undefined {
    const projection = this.project(object);
    const key = canonicalJson(projection);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    if (this.nodes.length >= this.maxStates) {
      this.truncated = true;
      return undefined;
    }
    const node: Node = { id: `s${this.nodes.length}`, key, projection, depth, terminal: false, unexplored: false, example: object };
    this.nodes.push(node);
    this.byKey.set(key, node);
    return node;
  }

  private reach(kind: "deleted" | "error", depth: number, example: unknown): string {
    if (!this.pseudo.has(kind)) this.pseudo.set(kind, { depth, example });
    return kind;
  }

  record(node: Node, expansion: Expansion): void {
    if (!expansion.ok) {
      const to = this.reach("error", node.depth + 1, node.example);
      this.edges.push({ from: node.id, to, stage: "(match)", delay: { min: 0, max: 0 }, operations: [], error: expansion.message });
      return;
    }
    if (expansion.transitions.length === 0) {
      node.terminal = true;
      return;
    }
    if (node.depth >= this.maxDepth) {
      node.unexplored = true;
      this.truncated = true;
      return;
    }
    for (const t of expansion.transitions) {
      const { outcome, ...rest } = t;
      const edge = { from: node.id, stage: rest.stage, delay: rest.delay, ...(rest.delayError === undefined ? {} : { delayError: rest.delayError }) };
      const tail = { ...(rest.weight === undefined ? {} : { weight: rest.weight }), operations: rest.operations, ...(rest.immediate ? { immediate: true as const } : {}) };
      if (outcome.kind === "error") {
        this.edges.push({ ...edge, to: this.reach("error", node.depth + 1, node.example), ...tail, error: outcome.message });
      } else if (outcome.kind === "deleted") {
        this.edges.push({ ...edge, to: this.reach("deleted", node.depth + 1, outcome.object), ...tail });
      } else {
        const target = this.add(outcome.object, node.depth + 1);
        if (target !== undefined) this.edges.push({ ...edge, to: target.id, ...tail });
      }
    }
  }

  result(): Exploration {
    const states: ExploredState[] = this.nodes.map((n) => ({
      id: n.id,
      projection: n.projection,
      depth: n.depth,
      terminal: n.terminal,
      ...(n.unexplored ? { unexplored: true as const } : {}),
      example: n.example,
    }));
    for (const kind of ["deleted", "error"] as const) {
      const p = this.pseudo.get(kind);
      if (p !== undefined) states.push({ id: kind, projection: null, depth: p.depth, terminal: true, [kind]: true as const, example: p.example });
    }
    return { states, edges: this.edges, truncated: this.truncated };
  }
}

/**
 * Explores the states a seed object can reach: breadth-first, every stage `listPossible` lists
 * is planned (placeholder template functions, a fixed clock, rng 0) and its patches applied to
 * get the next object; objects with the same projection are one state (explored from the first
 * object found in it). A `delete` leads to the `deleted` pseudo-state; a stage that fails (a
 * template that does not render, a patch that does not apply, a CEL runtime error while
 * matching) leads to the `error` pseudo-state with the message on the edge — nothing is thrown
 * for them. `apply` operations create other objects and are listed on the edge, not followed.
 *
 * @param seed - the object to start from (not modified)
 * @param lifecycle - the compiled lifecycle
 * @param options - clock, template functions, projection, `maxDepth`, `maxStates`
 * @returns the states and transitions, plain JSON data
 * @throws StagecraftError `E_ASYNC_REQUIRED` for lifecycles with JSONata (use {@link exploreAsync}),
 *   `E_INVALID_VALUE` for a negative or fractional limit
 * @example
 * ```ts
 * const lifecycle = compileLifecycle(loadPreset("general"), { defaultPatchType: "controller" });
 * const x = explore(pendingPod, lifecycle);
 * for (const e of x.edges) console.log(e.from, `--${e.stage}-->`, e.to);
 * x.states.filter((s) => s.terminal).map((s) => s.id); // e.g. ["s7", "deleted"]
 * ```
 * @category Analysis
 */
export function explore(seed: unknown, lifecycle: Lifecycle, options: ExploreOptions = {}): Exploration {
  const search = new Search(seed, lifecycle, options);
  for (let node = search.next(); node !== undefined; node = search.next()) search.record(node, expand(node.example, search.context));
  return search.result();
}

/**
 * {@link explore} for lifecycles with JSONata expressions (also works for the others).
 *
 * @param seed - the object to start from (not modified)
 * @param lifecycle - the compiled lifecycle
 * @param options - as for {@link explore}
 * @returns the states and transitions
 * @example
 * ```ts
 * const x = await exploreAsync(pod, lifecycle, { maxStates: 100 });
 * if (x.truncated) console.warn("more states than shown");
 * ```
 * @category Analysis
 */
export async function exploreAsync(seed: unknown, lifecycle: Lifecycle, options: ExploreOptions = {}): Promise<Exploration> {
  const search = new Search(seed, lifecycle, options);
  for (let node = search.next(); node !== undefined; node = search.next()) search.record(node, await expandAsync(node.example, search.context));
  return search.result();
}
