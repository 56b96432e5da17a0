/**
 * KWOK's weight getter (`spec.weight` + `spec.weightFrom`, spec §3.1).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { CelDuration } from "../expression/cel/index.js";
import { compileExpression } from "../expression/compile.js";
import type { EvalContext } from "../expression/types.js";
import type { Stage } from "../stage/model.js";
import { requirementValues } from "../selector/requirement.js";
import { parseGoInt } from "./go-parse.js";
import { UNKNOWN, type ValueResult, valueOf } from "./value-result.js";

/**
 * Reads a stage's weight for an object.
 *
 * @category Values
 */
export type WeightGetter = (object: unknown, context?: EvalContext) => ValueResult<number>;

/**
 * Compiles the weight getter of a stage, with KWOK's rules: without `weightFrom` the static
 * weight; with CEL the converted result (int, truncated double, bool as 1/0, duration as
 * nanoseconds); with jq the first
 * non-null output — a string is parsed as a Go integer (`""` or unparsable ⇒ unknown), a number
 * from the object is truncated, anything else (including jq integers) gives the static weight.
 * JSONata (stagecraft) follows the jq rules, with every number truncated.
 *
 * @param stage - the stage's `weight` and `weightFrom`
 * @returns the getter
 * @example
 * ```ts
 * const weight = compileWeight({ weight: 1, weightFrom: { language: "jq", expression: ".metadata.annotations.w" } });
 * weight({ metadata: { annotations: { w: "5" } } }); // { status: "value", value: 5 }
 * ```
 * @category Values
 */
export function compileWeight(stage: Pick<Stage, "weight" | "weightFrom">): WeightGetter {
  const fallback = valueOf(stage.weight);
  const from = stage.weightFrom;
  if (from === undefined) return () => fallback;
  const program = compileExpression(from.language, from.expression);
  if (from.language === "cel") {
    return (object, context) => {
      const r = program.evaluate(object, context);
      if (!r.ok) return { status: "error", error: r.error };
      return celWeight(r.values[0]);
    };
  }
  return (object, context) => {
    const values = requirementValues(program.evaluate(object, context));
    if (values.length === 0) return fallback;
    return fromFirstOutput(values[0], fallback, from.language === "jsonata");
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
