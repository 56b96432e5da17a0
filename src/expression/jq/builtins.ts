/**
 * The builtin registry: resolves `name/arity` to a factory that builds the compiled call.
 *
 * @module
 */
import { STREAMS } from "./builtins-streams.js";
import { VALUE0, VALUE1 } from "./builtins-values.js";
import { type Compiled, fromRun, fromSingle } from "./runtime.js";
import type { Value } from "./values.js";

/** What a builtin factory may use from the compiler (reserved for future needs). */
export interface BuiltinContext {
  readonly source: string;
}

/** Builds a compiled call from compiled arguments. */
export type Builtin = (args: readonly Compiled[], ctx: BuiltinContext) => Compiled;

function value1(f: (v: Value, a: Value) => Value): Builtin {
  return (args) => {
    const arg = args[0] as Compiled;
    const s = arg.single;
    if (s !== null) return fromSingle((i, e) => f(i, s(i, e)));
    return fromRun((i, e, emit) => arg.run(i, e, (a) => emit(f(i, a))));
  };
}

/**
 * Finds a builtin.
 *
 * @param name - function name
 * @param arity - number of arguments
 * @returns the factory, or undefined when not supported
 */
export function lookupBuiltin(name: string, arity: number): Builtin | undefined {
  const key = `${name}/${arity}`;
  if (!Object.hasOwn(REGISTRY, key)) return undefined;
  return REGISTRY[key];
}

const REGISTRY: Record<string, Builtin> = Object.create(null) as Record<string, Builtin>;
for (const [name, f] of Object.entries(VALUE0)) REGISTRY[`${name}/0`] = () => fromSingle((i) => f(i));
for (const [name, f] of Object.entries(VALUE1)) REGISTRY[`${name}/1`] = value1(f);
for (const [key, f] of Object.entries(STREAMS)) REGISTRY[key] = (args) => f(args);

/**
 * The builtins this engine supports, as `name/arity`, sorted.
 */
export const SUPPORTED_BUILTINS: readonly string[] = Object.freeze(Object.keys(REGISTRY).sort());
