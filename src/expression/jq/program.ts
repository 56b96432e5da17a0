/**
 * The public jq API: {@link compileJq}, {@link JqProgram}, {@link toJSONValue}, {@link JQ_SUPPORTED}.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../../errors.js";
import type { CompiledExpression, EvalContext, Evaluation } from "../types.js";
import { SUPPORTED_BUILTINS } from "./builtins.js";
import { compileNode, fieldPath, leadingIterationTarget } from "./compile.js";
import { JqLimitError, JqRuntimeError } from "./errors.js";
import { INDEX_FAILED, compileFieldPath } from "./field-path.js";
import { encodeJson, preview } from "./json.js";
import { index } from "./ops.js";
import { parse } from "./parser.js";
import { type Fn, budget } from "./runtime.js";
import { isObject, sortedKeys } from "./values.js";
import type { Value } from "./values.js";

/**
 * Options for {@link compileJq}.
 *
 * @category Expression
 */
export interface JqOptions {
  /** Maximum number of outputs one evaluation may produce (default 100 000). */
  readonly maxOutputs?: number;
  /** Maximum units of work (iterated elements, recursion steps, fold steps) per evaluation (default 1 000 000). */
  readonly maxSteps?: number;
}

/**
 * A compiled jq query (gojq semantics).
 *
 * @category Expression
 */
export interface JqProgram extends CompiledExpression {
  /** Always `"jq"`. */
  readonly language: "jq";
  /** Always false: jq evaluates synchronously. */
  readonly async: false;
}

/**
 * The builtins the jq engine supports, as `name/arity` (e.g. `"select/1"`), sorted.
 *
 * @category Expression
 */
export const JQ_SUPPORTED: readonly string[] = SUPPORTED_BUILTINS;

const DEFAULT_MAX_OUTPUTS = 100_000;
const DEFAULT_MAX_STEPS = 1_000_000;

/**
 * Compiles a jq query with gojq semantics (the dialect KWOK uses) into a reusable program.
 *
 * @param source - the jq query, e.g. `.status.conditions.[] | select(.type == "Ready") | .status`
 * @param options - output and work bounds
 * @returns the compiled program; evaluating it never throws
 * @throws StagecraftError `E_JQ_SYNTAX` (with `location`) when the query does not parse,
 *   `E_JQ_UNSUPPORTED` when it uses a construct outside the supported subset, or
 *   `E_LIMIT_EXCEEDED` when it is nested too deeply for the JavaScript stack
 * @example
 * ```ts
 * const q = compileJq('.status.conditions.[] | select(.type == "Ready") | .status');
 * q.evaluate({ status: { conditions: [{ type: "Ready", status: "True" }] } });
 * // { ok: true, values: ["True"] }
 * ```
 * @category Expression
 */
export function compileJq(source: string, options: JqOptions = {}): JqProgram {
  try {
    return compileQuery(source, options);
  } catch (e) {
    if (e instanceof RangeError) throw new StagecraftError(ErrorCode.LimitExceeded, `jq: query nested too deeply (${e.message})`, { received: source, cause: e });
    throw e;
  }
}

function compileQuery(source: string, options: JqOptions): JqProgram {
  if (typeof source !== "string") throw new StagecraftError(ErrorCode.JqSyntax, "jq: query must be a string", { received: typeof source });
  const ast = parse(source);
  const path = fieldPath(ast);
  if (path !== null) {
    const code = compileFieldPath(path, NULL_RESULT, (v, key) => indexFailure(v, key, source), index);
    const p = program(source, code.evaluate);
    fieldPathAccessors.set(p, code.get);
    return p;
  }
  const compiled = compileNode(ast, source);
  const head = leadingIterationTarget(ast, source);
  const maxOutputs = options.maxOutputs ?? DEFAULT_MAX_OUTPUTS;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const single = compiled.single;
  const run: Fn = compiled.run;
  const evaluate = (input: unknown, _context?: EvalContext): Evaluation => {
    if (single !== null && head === null) return evaluateSingle(single, input === undefined ? null : input, maxSteps, source);
    const values: unknown[] = [];
    const savedSteps = budget.steps;
    const savedMax = budget.maxSteps;
    budget.steps = 0;
    budget.maxSteps = maxSteps;
    try {
      if (head !== null) {
        const target: Value = head(input === undefined ? null : input);
        if (!Array.isArray(target) && !isObject(target)) return failed(values, new JqRuntimeError(`cannot iterate over: ${preview(target)}`), source);
      }
      if (single !== null) values.push(single(input === undefined ? null : input, null));
      else {
        run(input === undefined ? null : input, null, (v) => {
          if (values.length >= maxOutputs) throw new JqLimitError(`jq: more than ${maxOutputs} outputs`);
          values.push(v);
        });
      }
      return { ok: true, values };
    } catch (e) {
      return failed(values, e, source);
    } finally {
      budget.steps = savedSteps;
      budget.maxSteps = savedMax;
    }
  };
  return program(source, evaluate);
}

/** The allocation-free accessors of the programs that are plain field paths. */
const fieldPathAccessors = new WeakMap<object, (input: unknown) => unknown>();

/**
 * The direct accessor of a program that is a plain field path (`.status.phase`): it returns the
 * one output (`null` when absent) or {@link INDEX_FAILED} when the evaluation fails, and
 * allocates nothing. Null for any other program.
 *
 * @param program - a compiled expression
 * @returns the accessor, or null
 * @internal
 */
export function fieldPathAccessor(program: object): ((input: unknown) => unknown) | null {
  return fieldPathAccessors.get(program) ?? null;
}

export { INDEX_FAILED };

function program(source: string, evaluate: (input: unknown, context?: EvalContext) => Evaluation): JqProgram {
  return {
    language: "jq",
    source,
    async: false,
    evaluate,
    evaluateAsync: (input, context) => Promise.resolve(evaluate(input, context)),
  };
}

/** The result of a query that gives `null`, the commonest answer (a missing field): shared. */
const NULL_RESULT: Evaluation = Object.freeze({ ok: true, values: Object.freeze([null]) }) as Evaluation;

/** Indexes a value that is neither an object nor null, i.e. fails the way `index` does. */
function indexFailure(v: unknown, key: string, source: string): Evaluation {
  try {
    return { ok: true, values: [index(v, key)] };
  } catch (e) {
    return failed([], e, source);
  }
}

/** The fast path of a query with exactly one output and no leading iteration (a field path, a literal, …). */
function evaluateSingle(single: NonNullable<ReturnType<typeof compileNode>["single"]>, input: Value, maxSteps: number, source: string): Evaluation {
  const steps = budget.steps;
  const max = budget.maxSteps;
  budget.steps = 0;
  budget.maxSteps = maxSteps;
  try {
    const v = single(input, null);
    return v === null ? NULL_RESULT : { ok: true, values: [v] };
  } catch (e) {
    return failed([], e, source);
  } finally {
    budget.steps = steps;
    budget.maxSteps = max;
  }
}

/**
 * A failed evaluation whose `error` is built on first access: KWOK-style callers treat most
 * failures as "no results" and never look at the error, and building an Error (stack trace
 * included) costs more than the whole evaluation.
 */
class FailedEvaluation {
  readonly ok = false as const;
  #error: StagecraftError | undefined;
  constructor(
    readonly values: readonly unknown[],
    private readonly cause: unknown,
    private readonly source: string,
  ) {}
  get error(): StagecraftError {
    this.#error ??= toStagecraftError(this.cause, this.source);
    return this.#error;
  }
}

function failed(values: readonly unknown[], e: unknown, source: string): Evaluation {
  return new FailedEvaluation(values, e, source);
}

function toStagecraftError(e: unknown, source: string): StagecraftError {
  if (e instanceof JqRuntimeError) {
    const v = e.value;
    const message = typeof v === "string" ? v : `${encodeJson(v)} (not a string)`;
    return new StagecraftError(ErrorCode.JqRuntime, message, { received: source, cause: v });
  }
  if (e instanceof JqLimitError) return new StagecraftError(ErrorCode.LimitExceeded, e.message, { received: source });
  if (e instanceof RangeError) return new StagecraftError(ErrorCode.LimitExceeded, `jq: ${e.message}`, { received: source, cause: e });
  return new StagecraftError(ErrorCode.JqRuntime, `jq: internal error: ${String(e)}`, { received: source, cause: e });
}

/**
 * Converts a jq result to plain JSON data: `bigint` integers become numbers, objects become
 * plain objects with keys in gojq's sorted order, non-finite numbers follow gojq's output.
 *
 * @param value - a value produced by a {@link JqProgram}
 * @returns the same value using only JSON types
 * @example
 * ```ts
 * toJSONValue(compileJq("[.[] | length]").evaluate([[1, 2]]).values[0]); // [2]
 * ```
 * @category Expression
 */
export function toJSONValue(value: unknown): unknown {
  switch (typeof value) {
    case "bigint":
      return Number(value);
    case "number":
      if (Number.isNaN(value)) return null;
      if (value === Infinity) return Number.MAX_VALUE;
      if (value === -Infinity) return -Number.MAX_VALUE;
      return value;
    case "object": {
      if (value === null) return null;
      if (Array.isArray(value)) return value.map(toJSONValue);
      if (!isObject(value)) return null;
      const out: Record<string, unknown> = {};
      for (const k of sortedKeys(value)) {
        Object.defineProperty(out, k, { value: toJSONValue(value[k]), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case "undefined":
      return null;
    default:
      return value;
  }
}
