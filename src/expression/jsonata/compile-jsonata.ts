/**
 * Compiles a JSONata 2.x expression once into a program evaluated many times.
 *
 * @module
 */
import jsonata from "jsonata";
import { type ErrorCode as ErrorCodeType, ErrorCode, StagecraftError } from "../../errors.js";
import type { CompiledExpression, EvalContext, Evaluation } from "../types.js";
import { deterministicBindings } from "./deterministic-builtins.js";
import { locationAt } from "../location.js";

/**
 * Options of {@link compileJsonata}. Exceeding a bound is `E_LIMIT_EXCEEDED`.
 *
 * @example
 * ```ts
 * compileJsonata("$count(items)", { maxDepth: 100, timeoutMs: 50, maxSequence: 10_000 });
 * ```
 * @category Expression
 */
export interface JsonataOptions {
  /** Maximum evaluation depth (JSONata's `stack` guardrail). Default 250. */
  readonly maxDepth?: number;
  /**
   * Wall-clock budget in milliseconds, checked each time JSONata enters a node (its `timeout`
   * guardrail); a single long builtin call (a huge `$sort`, a pathological regex) is not
   * interrupted. Default 1000.
   */
  readonly timeoutMs?: number;
  /** Maximum length of a sequence JSONata builds (its `sequence` guardrail). Default 100000. */
  readonly maxSequence?: number;
  /**
   * Maximum length of a string (UTF-16 units) or array any node of the expression produces,
   * checked as each node returns: doubling a string with `&` in a recursive function, or `$pad`
   * to a billion, stops here instead of exhausting memory (a huge string handed to `$length`
   * aborted the process). Default 1,048,576.
   */
  readonly maxValueLength?: number;
}

/**
 * A compiled JSONata expression. Only {@link CompiledExpression.evaluateAsync} evaluates:
 * JSONata 2.x is asynchronous.
 *
 * @example
 * ```ts
 * const p: JsonataProgram = compileJsonata("status.phase");
 * await p.evaluateAsync({ status: { phase: "Running" } }); // { ok: true, values: ["Running"] }
 * ```
 * @category Expression
 */
export interface JsonataProgram extends CompiledExpression {
  /** Always `"jsonata"`. */
  readonly language: "jsonata";
  /** Always true. */
  readonly async: true;
}

/** Code of the value-length guard (not a JSONata code). */
const VALUE_LENGTH_CODE = "S_VALUE_LENGTH";
/** JSONata error codes of its guardrails: depth, timeout, sequence length; and the value-length guard. */
const LIMIT_CODES = new Set(["D1011", "D1012", "D2015", VALUE_LENGTH_CODE]);
const EXIT_HOOK = Symbol.for("jsonata.__evaluate_exit");
const EPOCH = new Date(0);
const ZERO = (): number => 0;

/**
 * Parses a JSONata expression. The input object is the context (`$`). Results: no result
 * → `[]`; an array or sequence → its elements (one level); anything else → `[result]`.
 * JSONata has no integer type, so numbers stay `number` (the selector layer treats integral
 * ones as integers). `$now()`, `$millis()`, `$toMillis()` use `context.now` (default: the
 * epoch) and `$random()`, `$shuffle()` use `context.rng` (default: constant 0); nothing reads
 * the wall clock except the timeout guardrail. No JSONata builtin reaches the environment,
 * files, network or process (`$eval` only evaluates JSONata; prototype keys such as
 * `constructor` read as missing). Results may share structure with the input; the input is
 * never mutated.
 *
 * @param source - the JSONata expression
 * @param options - evaluation bounds; see {@link JsonataOptions}
 * @returns the compiled program
 * @throws StagecraftError `E_JSONATA_SYNTAX` with `location` and the JSONata code (e.g. `S0202`) in the message
 * @example
 * ```ts
 * const p = compileJsonata("status.conditions[type = 'Ready'].status = 'True'");
 * await p.evaluateAsync(pod); // { ok: true, values: [true] }
 * p.evaluate(pod); // { ok: false, error: E_ASYNC_REQUIRED … }
 * ```
 * @category Expression
 */
export function compileJsonata(source: string, options: JsonataOptions = {}): JsonataProgram {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source, {
      stack: options.maxDepth ?? 250,
      timeout: options.timeoutMs ?? 1000,
      sequence: options.maxSequence ?? 100_000,
    });
  } catch (error) {
    throw jsonataError(ErrorCode.JsonataSyntax, source, error);
  }
  const maxValueLength = options.maxValueLength ?? 1 << 20;
  expression.assign(EXIT_HOOK as unknown as string, (_node: unknown, _input: unknown, _env: unknown, result: unknown) => {
    if ((typeof result === "string" || Array.isArray(result)) && result.length > maxValueLength) {
      throw { code: VALUE_LENGTH_CODE, message: `a value of length ${result.length} exceeds maxValueLength ${maxValueLength}` };
    }
  });

  const evaluateAsync = async (input: unknown, context: EvalContext = {}): Promise<Evaluation> => {
    try {
      const bindings = await deterministicBindings(context.now ?? EPOCH, context.rng ?? ZERO);
      return { ok: true, values: toValues(await expression.evaluate(input, bindings)) };
    } catch (error) {
      return { ok: false, values: [], error: jsonataError(ErrorCode.JsonataRuntime, source, error) };
    }
  };
  const evaluate = (): Evaluation => ({
    ok: false,
    values: [],
    error: new StagecraftError(
      ErrorCode.AsyncRequired,
      "JSONata expressions evaluate asynchronously: use evaluateAsync (or an async API such as the async selector)",
    ),
  });
  return Object.freeze({ language: "jsonata", source, async: true, evaluate, evaluateAsync });
}

function toValues(result: unknown): readonly unknown[] {
  if (result === undefined) return [];
  if (Array.isArray(result)) return [...(result as unknown[])];
  return [result];
}

interface JsonataErrorLike {
  readonly code?: unknown;
  readonly position?: unknown;
  readonly token?: unknown;
  readonly message?: unknown;
}

function jsonataError(fallback: ErrorCodeType, source: string, error: unknown): StagecraftError {
  const e = (typeof error === "object" && error !== null ? error : {}) as JsonataErrorLike;
  const code = typeof e.code === "string" ? e.code : undefined;
  const text = typeof e.message === "string" ? e.message : String(error);
  const limited = (code !== undefined && LIMIT_CODES.has(code)) || error instanceof RangeError;
  return new StagecraftError(limited ? ErrorCode.LimitExceeded : fallback, code ? `${code}: ${text}` : text, {
    ...(typeof e.position === "number" ? { location: locationAt(source, tokenStart(e.position, e.token)) } : {}),
    cause: error,
  });
}

/** JSONata reports the offset just after the offending token; point at its start instead. */
function tokenStart(position: number, token: unknown): number {
  return typeof token === "string" && token !== "(end)" && position >= token.length ? position - token.length : position;
}
