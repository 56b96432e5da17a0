/**
 * The one interface shared by the three expression languages (jq, CEL, JSONata):
 * compile once, evaluate many, typed errors with positions.
 *
 * @module
 */
import type { StagecraftError } from "../errors.js";

/**
 * The expression languages a Stage can use. `jsonata` is a stagecraft extension that KWOK
 * does not understand.
 *
 * @category Expression
 */
export const ExpressionLanguage = {
  /** jq with gojq semantics (KWOK's `jq:` terms, legacy `key:` and `expressionFrom:`). */
  Jq: "jq",
  /** Common Expression Language with KWOK's functions (`cel:` terms). */
  Cel: "cel",
  /** JSONata 2.x (`jsonata:` terms), not portable to KWOK. */
  Jsonata: "jsonata",
} as const;

/**
 * One of the values of {@link ExpressionLanguage}.
 *
 * @category Expression
 */
export type ExpressionLanguage = (typeof ExpressionLanguage)[keyof typeof ExpressionLanguage];

/**
 * What an evaluation may read besides its input. Time and randomness are always parameters:
 * nothing in the engine reads the wall clock or `Math.random` on its own.
 *
 * @category Expression
 */
export interface EvalContext {
  /** The current instant, used by CEL `Now()`. Defaults to the Unix epoch when absent. */
  readonly now?: Date;
  /** A random source returning numbers in [0, 1), used by CEL `Rand()`. Defaults to a constant 0. */
  readonly rng?: () => number;
}

/**
 * The outcome of one evaluation. Evaluation never throws: a runtime failure is returned as
 * `error`, together with the values produced before it (jq can emit values and then fail).
 *
 * Value representation: strings, booleans, `null`, arrays and plain objects as in JSON.
 * Numbers read from the input stay JS `number` (Go `float64` in KWOK). Integers the language
 * itself produces (jq integer literals, `length`, integer arithmetic; CEL `int`/`uint`) are
 * `bigint`, so callers can reproduce KWOK's int-versus-float rules.
 *
 * @category Expression
 */
export type Evaluation =
  | {
      /** The evaluation succeeded. */
      readonly ok: true;
      /** The values produced, in order. */
      readonly values: readonly unknown[];
    }
  | {
      /** The evaluation failed. */
      readonly ok: false;
      /** The values produced before the failure. */
      readonly values: readonly unknown[];
      /** Why the evaluation failed. */
      readonly error: StagecraftError;
    };

/**
 * A compiled expression, ready to be evaluated many times.
 *
 * @category Expression
 */
export interface CompiledExpression {
  /** The language the expression is written in. */
  readonly language: ExpressionLanguage;
  /** The source text as given. */
  readonly source: string;
  /** True when only {@link CompiledExpression.evaluateAsync} can run it (JSONata). */
  readonly async: boolean;
  /**
   * Evaluates synchronously. For an async expression the result is an error with code
   * `E_ASYNC_REQUIRED`.
   */
  evaluate(input: unknown, context?: EvalContext): Evaluation;
  /** Evaluates; works for every language. */
  evaluateAsync(input: unknown, context?: EvalContext): Promise<Evaluation>;
}
