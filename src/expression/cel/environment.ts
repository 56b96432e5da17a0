/**
 * Builds (once per limits set) the cel-js environment KWOK's unstructured mode describes:
 * one variable `self` of type `map(string, dyn)` plus KWOK's functions.
 *
 * @module
 */
import { Environment } from "@marcbachmann/cel-js";
import { type EvalSlot, registerKwokFunctions } from "./kwok-functions.js";

/**
 * Parse-time structural limits passed to cel-js. Every field is optional; the defaults are
 * cel-js's (the CEL specification minimums): 100000 AST nodes, depth 250, 1000 list elements,
 * 1000 map entries, 32 call arguments.
 *
 * @example
 * ```ts
 * const limits: CelLimits = { maxAstNodes: 1000, maxDepth: 32 };
 * compileCel("self.a == 1", { limits });
 * ```
 * @category Expression
 */
export interface CelLimits {
  /** Maximum number of AST nodes. */
  readonly maxAstNodes?: number;
  /** Maximum nesting depth of calls, selections, indexes and aggregates. */
  readonly maxDepth?: number;
  /** Maximum number of elements in one list literal. */
  readonly maxListElements?: number;
  /** Maximum number of entries in one map literal. */
  readonly maxMapEntries?: number;
  /** Maximum number of arguments in one call. */
  readonly maxCallArguments?: number;
}

/** An environment and the per-evaluation slot its functions read. */
export interface CelEnvironment {
  readonly env: Environment;
  readonly slot: EvalSlot;
}

const EPOCH = new Date(0);
const ZERO = (): number => 0;
const cache = new Map<string, CelEnvironment>();

/** The values an evaluation slot is reset to after each run. */
export const DEFAULT_SLOT: Readonly<EvalSlot> = { now: EPOCH, rng: ZERO };

/** Returns the environment for `limits`, building it on first use. */
export function celEnvironment(limits: CelLimits = {}): CelEnvironment {
  const key = JSON.stringify([
    limits.maxAstNodes,
    limits.maxDepth,
    limits.maxListElements,
    limits.maxMapEntries,
    limits.maxCallArguments,
  ]);
  let built = cache.get(key);
  if (built === undefined) {
    const slot: EvalSlot = { ...DEFAULT_SLOT };
    const env = new Environment({ limits: definedOnly(limits) }).registerVariable("self", "map<string, dyn>");
    built = { env: registerKwokFunctions(env, slot), slot };
    cache.set(key, built);
  }
  return built;
}

function definedOnly(limits: CelLimits): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(limits)) if (typeof v === "number") out[k] = v;
  return out;
}
