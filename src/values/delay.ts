/**
 * KWOK's delay getters (`spec.delay`, spec §3.2–3.4): the sampled delay a controller waits, and
 * the possible range KWOK's stage test harness prints. Durations are nanoseconds (exact below
 * 2^53 ns, about 104 days).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { CelDuration } from "../expression/cel/index.js";
import { compileExpression } from "../expression/compile.js";
import type { EvalContext } from "../expression/types.js";
import type { ExpressionSource, Stage } from "../stage/model.js";
import { requirementValues } from "../selector/requirement.js";
import { parseGoDuration, parseRfc3339Nano } from "./go-parse.js";
import { UNKNOWN, type ValueResult, valueOf } from "./value-result.js";

const MS = 1_000_000;

/**
 * What the delay getters read: the object, the current instant and a random source.
 *
 * @category Values
 */
export interface DelayContext extends EvalContext {
  /** The current instant; RFC 3339 values are turned into `value − now`. */
  readonly now: Date;
}

/**
 * A stage's compiled delay.
 *
 * @category Values
 */
export interface DelayGetter {
  /**
   * The delay in nanoseconds as a controller would wait it: `unknown` when the stage has no
   * delay; with a jitter `j` above the duration `d`, `d + floor(rng() * (j − d))`; with `j <= d`,
   * `j` (KWOK's rule).
   */
  sample(object: unknown, context: DelayContext): ValueResult<number>;
  /** The possible delays as KWOK's test harness prints them: `[d]`, `[j]` or `[d, j]`. */
  range(object: unknown, context: DelayContext): ValueResult<readonly number[]>;
}

type Getter = (object: unknown, context: DelayContext) => ValueResult<number>;

/**
 * Compiles a stage's delay getters.
 *
 * @param stage - the stage's `delay`
 * @returns the getter; for a stage without delay every call returns `unknown`
 * @example
 * ```ts
 * const delay = compileDelay({ delay: { durationMilliseconds: 1000, jitterDurationMilliseconds: 5000 } });
 * delay.range({}, { now: new Date() }); // { status: "value", value: [1000000000, 5000000000] }
 * ```
 * @category Values
 */
export function compileDelay(stage: Pick<Stage, "delay">): DelayGetter {
  const delay = stage.delay;
  if (delay === undefined) return { sample: () => UNKNOWN, range: () => UNKNOWN };
  const duration = durationGetter((delay.durationMilliseconds ?? 0) * MS, delay.durationFrom);
  const hasJitter = delay.jitterDurationMilliseconds !== undefined || delay.jitterDurationFrom !== undefined;
  const jitterDefault = delay.jitterDurationMilliseconds === undefined ? undefined : delay.jitterDurationMilliseconds * MS;
  const jitter = hasJitter ? durationGetter(jitterDefault, delay.jitterDurationFrom) : undefined;
  const resolve = (object: unknown, context: DelayContext): ValueResult<{ d: number; j?: number }> => {
    const d = duration(object, context);
    if (d.status !== "value") return d;
    if (!jitter) return valueOf({ d: d.value });
    const j = jitter(object, context);
    if (j.status === "error") return j;
    return j.status === "unknown" ? valueOf({ d: d.value }) : valueOf({ d: d.value, j: j.value });
  };
  return {
    sample(object, context) {
      const r = resolve(object, context);
      if (r.status !== "value") return r;
      const { d, j } = r.value;
      if (j === undefined) return valueOf(d);
      if (j <= d) return valueOf(j);
      const rng = context.rng ?? (() => 0);
      return valueOf(d + Math.floor(rng() * (j - d)));
    },
    range(object, context) {
      const r = resolve(object, context);
      if (r.status !== "value") return r;
      const { d, j } = r.value;
      if (j === undefined) return valueOf([d]);
      return valueOf(j <= d ? [j] : [d, j]);
    },
  };
}

function durationGetter(fallbackNs: number | undefined, from: ExpressionSource | undefined): Getter {
  const fallback: ValueResult<number> = fallbackNs === undefined ? UNKNOWN : valueOf(fallbackNs);
  if (from === undefined) return () => fallback;
  const program = compileExpression(from.language, from.expression);
  if (from.language === "cel") {
    return (object, context) => {
      const r = program.evaluate(object, context);
      if (!r.ok) return { status: "error", error: r.error };
      return celDuration(r.values[0]);
    };
  }
  return (object, context) => {
    const values = requirementValues(program.evaluate(object, context));
    if (values.length === 0) return fallback;
    const first = values[0];
    if (typeof first !== "string") return fallback;
    if (first === "") return UNKNOWN;
    const at = parseRfc3339Nano(first);
    if (at !== undefined) return valueOf(Number(at - BigInt(context.now.getTime()) * 1_000_000n));
    const d = parseGoDuration(first);
    return d === undefined ? fallback : valueOf(d);
  };
}

function celDuration(value: unknown): ValueResult<number> {
  if (typeof value === "bigint") return valueOf(Number(value));
  if (typeof value === "number") return valueOf(Math.trunc(value));
  if (typeof value === "string") {
    const d = parseGoDuration(value);
    if (d !== undefined) return valueOf(d);
  }
  const ns = durationNanos(value);
  if (ns !== undefined) return valueOf(ns);
  return {
    status: "error",
    error: new StagecraftError(ErrorCode.ResultType, "durationFrom CEL result cannot be used as a duration", {
      expected: "a duration, a Go duration string or a number of nanoseconds",
      received: typeof value === "string" ? JSON.stringify(value) : typeof value,
    }),
  };
}

/** Reads a CEL `duration` result. */
function durationNanos(value: unknown): number | undefined {
  return value instanceof CelDuration ? Number(value.nanoseconds) : undefined;
}
