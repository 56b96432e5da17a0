/**
 * Compiles a CEL expression once (parse + type check) into a program evaluated many times.
 *
 * @module
 */
import type { ParseResult } from "@marcbachmann/cel-js";
import { type ErrorCode as ErrorCodeType, ErrorCode, StagecraftError } from "../../errors.js";
import type { CompiledExpression, EvalContext, Evaluation } from "../types.js";
import { type CelLimits, DEFAULT_SLOT, celEnvironment } from "./environment.js";
import { exportCelValue } from "./export-value.js";
import { GROWTH_LIMIT_MESSAGE, ITERATION_LIMIT_MESSAGE, comprehensionBudget, guardComprehensions, guardConcatenation } from "./growth-guard.js";
import { celView } from "./int-view.js";
import { locationAt } from "../location.js";

/**
 * Options of {@link compileCel}.
 *
 * @example
 * ```ts
 * compileCel("self.a + self.b", { limits: { maxAstNodes: 500 }, maxConcatLength: 10_000 });
 * ```
 * @category Expression
 */
export interface CelOptions {
  /** Parse-time structural limits (AST size, depth, literal sizes); exceeding one is `E_LIMIT_EXCEEDED`. */
  readonly limits?: CelLimits;
  /**
   * Largest string, list or bytes value `+` or a function call (`join`, …) may build
   * (characters, elements or bytes).
   * Exceeding it at run time is `E_LIMIT_EXCEEDED`. Default 1,000,000.
   */
  readonly maxConcatLength?: number;
  /**
   * Maximum number of elements comprehensions (`all`, `exists`, `exists_one`, `map`,
   * `filter`) may visit in one evaluation, summed over nesting (each run charges the size of its
   * range before iterating): CEL's cost bound. Exceeding it is `E_LIMIT_EXCEEDED`.
   * Default 1,000,000.
   */
  readonly maxIterations?: number;
}

/**
 * A compiled CEL expression. `self` is bound to the input object, seen as KWOK sees an
 * unstructured object: integral numbers are `int`, others `double`.
 *
 * @example
 * ```ts
 * const p: CelProgram = compileCel("self.spec.replicas");
 * p.resultType; // "dyn"
 * p.evaluate({ spec: { replicas: 3 } }); // { ok: true, values: [3n] }
 * ```
 * @category Expression
 */
export interface CelProgram extends CompiledExpression {
  /** Always `"cel"`. */
  readonly language: "cel";
  /** Always false: CEL evaluates synchronously. */
  readonly async: false;
  /** The type inferred by the type checker, e.g. `bool`, `dyn`, `kubernetes.Quantity`. */
  readonly resultType: string;
}

const DEFAULT_MAX_CONCAT = 1_000_000;
const DEFAULT_MAX_ITERATIONS = 1_000_000;

/**
 * Parses and type-checks a CEL expression with KWOK's functions (`Now`, `Rand`, `UnixSecond`,
 * `Quantity`, `SinceSecond`); see the module documentation of `kwok-functions.ts`.
 *
 * Evaluation never throws: errors such as `no such key: status` (which in KWOK abort matching)
 * come back as `{ ok: false, error }` with code `E_CEL_RUNTIME`. Results follow
 * `Evaluation`: CEL `int`/`uint` → `bigint`, `double` → `number`, `timestamp` → `Date`,
 * `duration` → `CelDuration`, quantities → `Quantity`. The input is never mutated.
 *
 * @param source - the CEL expression
 * @param options - limits; see {@link CelOptions}
 * @returns the compiled program
 * @throws StagecraftError `E_CEL_SYNTAX` (parse or type error, with `location`) or `E_LIMIT_EXCEEDED`
 * @example
 * ```ts
 * const p = compileCel("self.spec.replicas == 3 && !has(self.metadata.deletionTimestamp)");
 * p.evaluate({ metadata: {}, spec: { replicas: 3 } }); // { ok: true, values: [true] }
 * ```
 * @category Expression
 */
export function compileCel(source: string, options: CelOptions = {}): CelProgram {
  const { env, slot } = celEnvironment(options.limits);
  let parsed: ParseResult;
  try {
    parsed = env.parse(source);
  } catch (error) {
    throw celError(ErrorCode.CelSyntax, source, error);
  }
  const checked = parsed.check();
  if (!checked.valid) throw celError(ErrorCode.CelSyntax, source, checked.error);
  guardConcatenation(parsed.ast, options.maxConcatLength ?? DEFAULT_MAX_CONCAT);
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const comprehensions = guardComprehensions(parsed.ast) > 0;
  const run = parsed;

  const evaluate = (input: unknown, context: EvalContext = {}): Evaluation => {
    const { now, rng } = slot;
    slot.now = context.now ?? DEFAULT_SLOT.now;
    slot.rng = context.rng ?? DEFAULT_SLOT.rng;
    const { left, max } = comprehensionBudget;
    if (comprehensions) {
      comprehensionBudget.left = maxIterations;
      comprehensionBudget.max = maxIterations;
    }
    try {
      return { ok: true, values: [exportCelValue(run({ self: celView(input) }))] };
    } catch (error) {
      return { ok: false, values: [], error: celError(ErrorCode.CelRuntime, source, error) };
    } finally {
      slot.now = now;
      slot.rng = rng;
      comprehensionBudget.left = left;
      comprehensionBudget.max = max;
    }
  };
  return Object.freeze({
    language: "cel",
    source,
    async: false,
    resultType: checked.type ?? "dyn",
    evaluate,
    evaluateAsync: (input: unknown, context?: EvalContext) => Promise.resolve(evaluate(input, context)),
  });
}

interface CelErrorLike {
  readonly code?: unknown;
  readonly summary?: unknown;
  readonly message?: unknown;
  readonly range?: { readonly start: number } | undefined;
}

function celError(fallback: ErrorCodeType, source: string, error: unknown): StagecraftError {
  const e = (typeof error === "object" && error !== null ? error : {}) as CelErrorLike;
  const summary = typeof e.summary === "string" ? e.summary : typeof e.message === "string" ? e.message : String(error);
  const message = summary.replace(/^No such key/, "no such key");
  const limited = e.code === "limit_exceeded" || error instanceof RangeError || summary.startsWith(GROWTH_LIMIT_MESSAGE) || summary.startsWith(ITERATION_LIMIT_MESSAGE);
  const code = limited ? ErrorCode.LimitExceeded : fallback;
  const start = e.range?.start;
  return new StagecraftError(code, message, {
    ...(typeof start === "number" ? { location: locationAt(source, start) } : {}),
    cause: error,
  });
}
