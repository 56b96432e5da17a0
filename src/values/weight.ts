/**
 * KWOK's weight getter (`spec.weight` + `spec.weightFrom`, spec §3.1).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { CelDuration } from "../expression/cel/index.js";
import type { EvalContext } from "../expression/types.js";
import type { Stage } from "../stage/model.js";
import { compileSource } from "./source.js";
import { parseGoInt } from "./go-parse.js";
import { UNKNOWN, type ValueResult, valueOf } from "./value-result.js";

/**
 * A stage's compiled weight getter.
 *
 * @category Values
 */
export interface WeightGetter {
  /** True when the weight source is JSONata: only {@link WeightGetter.getAsync} works. */
  readonly async: boolean;
  /** Reads the weight; `unknown` is KWOK's `ok=false`. An async source gives an `E_ASYNC_REQUIRED` error. */
  get(object: unknown, context?: EvalContext): ValueResult<number>;
  /** Async form of {@link WeightGetter.get}; works for every source. */
  getAsync(object: unknown, context?: EvalContext): Promise<ValueResult<number>>;
}

/**
 * Compiles the weight getter of a stage, with KWOK's rules: without `weightFrom` the static
 * weight; with CEL the converted result (int, truncated double, bool as 1/0, duration as
 * nanoseconds); with jq the first non-null output — a string is parsed as a Go integer (`""`
 * or unparsable ⇒ unknown), a number from the object is truncated, anything else (including
 * jq integers) gives the static weight. JSONata (stagecraft) follows the jq rules, with every
 * number truncated.
 *
 * @param stage - the stage's `weight` and `weightFrom`
 * @returns the getter
 * @example
 * ```ts
 * const weight = compileWeight({ weight: 1, weightFrom: { language: "jq", expression: ".metadata.annotations.w" } });
 * weight.get({ metadata: { annotations: { w: "5" } } }); // { status: "value", value: 5 }
 * ```
 * @category Values
 */
export function compileWeight(stage: Pick<Stage, "weight" | "weightFrom">): WeightGetter {
  const fallback = valueOf(stage.weight);
  const jsonata = stage.weightFrom?.language === "jsonata";
  const reader = compileSource<number, EvalContext>(stage.weightFrom, {
    fallback,
    cel: celWeight,
    first: (value) => fromFirstOutput(value, fallback, jsonata),
  });
  return {
    async: reader.async,
    get: (object, context = {}) => reader.read(object, context),
    getAsync: (object, context = {}) => reader.readAsync(object, context),
  };
}

function fromFirstOutput(first: unknown, fallback: ValueResult<number>, truncateAllNumbers: boolean): ValueResult<number> {
  if (typeof first === "string") {
    const n = first === "" ? undefined : parseGoInt(first);
    return n === undefined ? UNKNOWN : valueOf(n);
  }
  if (typeof first === "number") return valueOf(Math.trunc(first));
  if (truncateAllNumbers && typeof first === "bigint") return valueOf(Number(first));
  return fallback;
}

function celWeight(value: unknown): ValueResult<number> {
  if (typeof value === "bigint") return valueOf(Number(value));
  if (typeof value === "number") return valueOf(Math.trunc(value));
  if (typeof value === "boolean") return valueOf(value ? 1 : 0);
  if (value instanceof CelDuration) return valueOf(Number(value.nanoseconds));
  return {
    status: "error",
    error: new StagecraftError(ErrorCode.ResultType, "weightFrom CEL result cannot be used as a weight", {
      path: ["spec", "weightFrom", "cel", "expression"],
      expected: "an int, uint, double, bool or duration",
      received: typeof value,
    }),
  };
}
