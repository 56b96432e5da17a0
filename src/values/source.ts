/**
 * Reads a value from an object through a stage's value source (`weightFrom`, `durationFrom`,
 * `jitterDurationFrom`), synchronously for jq and CEL and asynchronously for JSONata.
 *
 * @module
 * @internal
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { compileExpression } from "../expression/compile.js";
import type { EvalContext, Evaluation } from "../expression/types.js";
import { requirementValues } from "../selector/requirement.js";
import type { ExpressionSource } from "../stage/model.js";
import type { ValueResult } from "./value-result.js";

/** A compiled value source. */
export interface SourceReader<T, C extends EvalContext> {
  /** True when only {@link SourceReader.readAsync} works (JSONata). */
  readonly async: boolean;
  /** Reads synchronously; an async source yields an `E_ASYNC_REQUIRED` error result. */
  read(object: unknown, context: C): ValueResult<T>;
  /** Reads; works for every language. */
  readAsync(object: unknown, context: C): Promise<ValueResult<T>>;
}

/** How a getter turns results into values. */
export interface SourceRules<T, C> {
  /** Used when there is no source, or the query yields nothing. */
  readonly fallback: ValueResult<T>;
  /** Converts a CEL result. */
  readonly cel: (value: unknown) => ValueResult<T>;
  /** Converts the first non-null jq (or JSONata) output. */
  readonly first: (value: unknown, context: C) => ValueResult<T>;
}

/** Compiles `from` (or a constant reader for the fallback when there is none). */
export function compileSource<T, C extends EvalContext>(
  from: ExpressionSource | undefined,
  rules: SourceRules<T, C>,
): SourceReader<T, C> {
  if (from === undefined) {
    return { async: false, read: () => rules.fallback, readAsync: async () => rules.fallback };
  }
  const program = compileExpression(from.language, from.expression);
  const convert = (evaluation: Evaluation, context: C): ValueResult<T> => {
    if (from.language === "cel") {
      return evaluation.ok ? rules.cel(evaluation.values[0]) : { status: "error", error: evaluation.error };
    }
    const values = requirementValues(evaluation);
    return values.length === 0 ? rules.fallback : rules.first(values[0], context);
  };
  return {
    async: program.async,
    read(object, context) {
      if (program.async) {
        const error = new StagecraftError(ErrorCode.AsyncRequired, `a ${from.language} value source only evaluates asynchronously: use the async getter`);
        return { status: "error", error };
      }
      return convert(program.evaluate(object, context), context);
    },
    async readAsync(object, context) {
      return convert(await program.evaluateAsync(object, context), context);
    },
  };
}
