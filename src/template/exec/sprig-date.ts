/**
 * Sprig's date functions (`date dateInZone date_in_zone htmlDate htmlDateInZone toDate
 * mustToDate dateModify date_modify mustDateModify must_date_modify unixEpoch duration
 * durationRound ago now`). The current time is never read implicitly: `now`, `ago`, and the
 * functions given a value that is neither a time nor an integer (Go falls back to
 * `time.Now()`) use the injected clock and fail without one.
 *
 * @module
 */
import { type FunctionMap, goFunction } from "./function-map.js";
import { formatDuration, parseDuration, roundDuration } from "./sprig-duration.js";
import { GoTime, LOCAL, UTC, loadLocation, parseTime } from "./sprig-time.js";
import { goTypeName } from "./values.js";

/**
 * The clock sprig's date functions read: a `Date` or nanoseconds since the Unix epoch.
 * @example
 * ```ts
 * const clock: SprigClock = () => 1_700_000_000_000_000_000n;
 * ```
 * @category Template
 */
export type SprigClock = () => Date | bigint;

function nowFrom(clock: SprigClock | undefined, fn: string): GoTime {
  if (clock === undefined) throw new Error(`sprig's ${fn} needs the current time, and no clock was given: pass sprigFunctions({ now: () => ... })`);
  const t = clock();
  const ns = typeof t === "bigint" ? t : BigInt(t.getTime()) * 1_000_000n;
  return GoTime.fromUnixNano(ns, LOCAL);
}

function asTime(v: unknown, clock: SprigClock | undefined, fn: string, ints = true): GoTime {
  if (v instanceof GoTime) return v;
  if (ints && typeof v === "bigint") return new GoTime(Number(v), 0, LOCAL);
  return nowFrom(clock, fn);
}

function requireTime(v: unknown): GoTime {
  if (v instanceof GoTime) return v;
  throw new Error(`wrong type for value; expected time.Time; got ${goTypeName(v)}`);
}

function dateInZone(clock: SprigClock | undefined, fn: string, layout: string, date: unknown, zone: string): string {
  const t = asTime(date, clock, fn);
  return t.in(loadLocation(zone) ?? UTC).format(layout);
}

const SECOND = 1_000_000_000n;
const ROUND_UNITS: readonly (readonly [bigint, string])[] = [
  [SECOND * 3600n * 24n * 365n, "y"], [SECOND * 3600n * 24n * 30n, "mo"], [SECOND * 3600n * 24n, "d"], [SECOND * 3600n, "h"], [SECOND * 60n, "m"], [SECOND, "s"],
];

function durationRound(clock: SprigClock | undefined, v: unknown): string {
  let d = 0n;
  if (typeof v === "string") {
    try {
      d = parseDuration(v);
    } catch {
      d = 0n;
    }
  } else if (v instanceof GoTime) d = nowFrom(clock, "durationRound").unixNano() - v.unixNano();
  const u = d < 0n ? -d : d;
  for (const [unit, suffix] of ROUND_UNITS) if (u > unit) return `${u / unit}${suffix}`;
  return "0s";
}

function durationOf(v: unknown): string {
  let n = 0n;
  if (typeof v === "string") n = /^[+-]?\d+$/.test(v) && BigInt(v) < 1n << 63n && BigInt(v) >= -(1n << 63n) ? BigInt(v) : 0n;
  const ns = BigInt.asIntN(64, n * SECOND);
  return formatDuration(ns);
}

/**
 * The date functions, reading the injected clock where Go reads `time.Now()`.
 * @param clock - the clock, if any
 * @returns the function map
 * @example
 * ```ts
 * const fns = sprigDateFunctions(() => new Date("2024-01-01T00:00:00Z"));
 * ```
 * @category Template
 */
export function sprigDateFunctions(clock: SprigClock | undefined): FunctionMap {
  const modify = (must: boolean) => (fmt: string, date: unknown): GoTime => {
    const t = requireTime(date);
    try {
      return t.add(parseDuration(fmt));
    } catch (e) {
      if (must) throw e;
      return t;
    }
  };
  const toDate = (must: boolean) => (fmt: string, s: string): GoTime => {
    try {
      return parseTime(fmt, s, LOCAL);
    } catch (e) {
      if (must) throw e;
      return new GoTime(-62135596800, 0, UTC);
    }
  };
  return {
    now: goFunction([], () => nowFrom(clock, "now")),
    ago: goFunction(["any"], (date: unknown) => {
      const t = asTime(date, clock, "ago");
      const since = nowFrom(clock, "ago").unixNano() - t.unixNano();
      return formatDuration(roundDuration(since, SECOND));
    }),
    date: goFunction(["string", "any"], (fmt: string, date: unknown) => dateInZone(clock, "date", fmt, date, "Local")),
    dateInZone: goFunction(["string", "any", "string"], (fmt: string, date: unknown, zone: string) => dateInZone(clock, "dateInZone", fmt, date, zone)),
    date_in_zone: goFunction(["string", "any", "string"], (fmt: string, date: unknown, zone: string) => dateInZone(clock, "date_in_zone", fmt, date, zone)),
    htmlDate: goFunction(["any"], (date: unknown) => dateInZone(clock, "htmlDate", "2006-01-02", date, "Local")),
    htmlDateInZone: goFunction(["any", "string"], (date: unknown, zone: string) => dateInZone(clock, "htmlDateInZone", "2006-01-02", date, zone)),
    dateModify: goFunction(["string", "any"], modify(false)),
    date_modify: goFunction(["string", "any"], modify(false)),
    mustDateModify: goFunction(["string", "any"], modify(true)),
    must_date_modify: goFunction(["string", "any"], modify(true)),
    toDate: goFunction(["string", "string"], toDate(false)),
    mustToDate: goFunction(["string", "string"], toDate(true)),
    unixEpoch: goFunction(["any"], (date: unknown) => String(requireTime(date).sec)),
    duration: goFunction(["any"], durationOf),
    durationRound: goFunction(["any"], (v: unknown) => durationRound(clock, v)),
  };
}
