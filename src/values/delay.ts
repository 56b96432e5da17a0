/**
 * KWOK's delay getters (`spec.delay`, spec §3.2–3.4): the sampled delay a controller waits, and
 * the possible range KWOK's stage test harness prints. Durations are nanoseconds (exact below
 * 2^53 ns, about 104 days).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { CelDuration } from "../expression/cel/index.js";
import type { EvalContext } from "../expression/types.js";
import type { ExpressionSource, Stage } from "../stage/model.js";
import { compileSource, type SourceReader } from "./source.js";
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
  /** True when a source is JSONata: only the async methods work. */
  readonly async: boolean;
  /**
   * The delay in nanoseconds as a controller would wait it: `unknown` when the stage has no
   * delay; with a jitter `j` above the duration `d`, `d + floor(rng() * (j − d))`; with `j <= d`,
   * `j` (KWOK's rule).
   */
  sample(object: unknown, context: DelayContext): ValueResult<number>;
  /** The possible delays as KWOK's test harness prints them: `[d]`, `[j]` or `[d, j]`. */
  range(object: unknown, context: DelayContext): ValueResult<readonly number[]>;
  /** Async form of {@link DelayGetter.sample}. */
  sampleAsync(object: unknown, context: DelayContext): Promise<ValueResult<number>>;
  /** Async form of {@link DelayGetter.range}. */
  rangeAsync(object: unknown, context: DelayContext): Promise<ValueResult<readonly number[]>>;
}

type Reader = SourceReader<number, DelayContext>;

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
  if (delay === undefined) {
    return { async: false, sample: () => UNKNOWN, range: () => UNKNOWN, sampleAsync: async () => UNKNOWN, rangeAsync: async () => UNKNOWN };
  }
  const duration = durationReader((delay.durationMilliseconds ?? 0) * MS, delay.durationFrom);
  const hasJitter = delay.jitterDurationMilliseconds !== undefined || delay.jitterDurationFrom !== undefined;
  const jitterDefault = delay.jitterDurationMilliseconds === undefined ? undefined : delay.jitterDurationMilliseconds * MS;
  const jitter = hasJitter ? durationReader(jitterDefault, delay.jitterDurationFrom) : undefined;
  const sync = (object: unknown, context: DelayContext) => combine(duration.read(object, context), jitter?.read(object, context));
  const async = async (object: unknown, context: DelayContext) =>
    combine(await duration.readAsync(object, context), await jitter?.readAsync(object, context));
  return {
    async: duration.async || jitter?.async === true,
    sample: (object, context) => sampleOf(sync(object, context), context),
    range: (object, context) => rangeOf(sync(object, context)),
    sampleAsync: async (object, context) => sampleOf(await async(object, context), context),
    rangeAsync: async (object, context) => rangeOf(await async(object, context)),
  };
}

/** KWOK's `Stage.Delay` steps 2–4: the duration decides; an unknown jitter means none. */
function combine(d: ValueResult<number>, j: ValueResult<number> | undefined): ValueResult<{ d: number; j?: number }> {
  if (d.status !== "value") return d;
  if (j === undefined || j.status === "unknown") return valueOf({ d: d.value });
  if (j.status === "error") return j;
  return valueOf({ d: d.value, j: j.value });
}

function sampleOf(r: ValueResult<{ d: number; j?: number }>, context: DelayContext): ValueResult<number> {
  if (r.status !== "value") return r;
  const { d, j } = r.value;
  if (j === undefined) return valueOf(d);
  if (j <= d) return valueOf(j);
  const rng = context.rng ?? (() => 0);
  return valueOf(d + Math.floor(rng() * (j - d)));
}

function rangeOf(r: ValueResult<{ d: number; j?: number }>): ValueResult<readonly number[]> {
  if (r.status !== "value") return r;
  const { d, j } = r.value;
  if (j === undefined) return valueOf([d]);
  return valueOf(j <= d ? [j] : [d, j]);
}

function durationReader(fallbackNs: number | undefined, from: ExpressionSource | undefined): Reader {
  const fallback: ValueResult<number> = fallbackNs === undefined ? UNKNOWN : valueOf(fallbackNs);
  return compileSource<number, DelayContext>(from, {
    fallback,
    cel: celDuration,
    first(first, context) {
      if (typeof first !== "string") return fallback;
      if (first === "") return UNKNOWN;
      const at = parseRfc3339Nano(first);
      if (at !== undefined) return valueOf(Number(at - BigInt(context.now.getTime()) * 1_000_000n));
      const d = parseGoDuration(first);
      return d === undefined ? fallback : valueOf(d);
    },
  });
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
