/**
 * Go's standard-library parsers that KWOK applies to values read from objects:
 * `time.ParseDuration`, `time.Parse(time.RFC3339Nano, …)` and `strconv.ParseInt(s, 0, 64)`.
 * Each returns `undefined` where Go returns an error.
 *
 * @module
 */

const UNIT_NS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  "µs": 1_000n, // U+00B5 micro sign
  "μs": 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const INT64_MAX = (1n << 63n) - 1n;

/**
 * Parses a Go duration string (`"300ms"`, `"-1.5h"`, `"2h45m"`, `"0"`) into nanoseconds, exactly
 * as Go's `time.ParseDuration` (a bare number other than `0` is rejected).
 *
 * @param text - the duration text
 * @returns nanoseconds, or `undefined` when Go would return an error
 * @example
 * ```ts
 * parseGoDuration("1.5s"); // 1500000000
 * parseGoDuration("10");   // undefined
 * ```
 * @category Values
 */
export function parseGoDuration(text: string): number | undefined {
  let s = text;
  let negative = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    negative = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") return undefined;
  let total = 0n;
  const unitPattern = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/;
  while (s !== "") {
    const m = unitPattern.exec(s);
    if (!m) return undefined;
    const [all, whole = "", frac, unit = ""] = m;
    if (whole === "" && (frac === undefined || frac === "")) return undefined;
    const scale = UNIT_NS[unit];
    if (scale === undefined) return undefined;
    let v = BigInt(whole || "0") * scale;
    if (frac) {
      // Go keeps the fraction's precision down to the nanosecond, truncating.
      const digits = frac.slice(0, 30);
      v += (BigInt(digits) * scale) / 10n ** BigInt(digits.length);
    }
    total += v;
    if (total > (negative ? INT64_MAX + 1n : INT64_MAX)) return undefined;
    s = s.slice(all.length);
  }
  return Number(negative ? -total : total);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Parses an RFC 3339 timestamp with optional fractional seconds, as Go's
 * `time.Parse(time.RFC3339Nano, s)` (upper-case `T` and `Z`), into nanoseconds since the epoch.
 *
 * @param text - the timestamp text
 * @returns nanoseconds since 1970-01-01T00:00:00Z as a bigint, or `undefined` when invalid
 * @example
 * ```ts
 * parseRfc3339Nano("2006-01-02T15:04:05.5+08:00"); // 1136185445500000000n
 * ```
 * @category Values
 */
export function parseRfc3339Nano(text: string): bigint | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac = "", zone, zh = "0", zm = "0"] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return undefined;
  if (zone !== "Z" && (Number(zh) > 23 || Number(zm) > 59)) return undefined;
  const ms = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(sec));
  const offsetMin = zone === "Z" ? 0 : (zone?.startsWith("-") ? -1 : 1) * (Number(zh) * 60 + Number(zm));
  const nanos = frac === "" ? 0n : BigInt(frac.padEnd(9, "0"));
  return (BigInt(ms) - BigInt(offsetMin) * 60_000n) * 1_000_000n + nanos;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an integer as Go's `strconv.ParseInt(s, 0, 64)`: optional sign, base prefixes `0x`,
 * `0o`, `0b`, a leading `0` for octal, `_` separators between digits.
 *
 * @param text - the integer text
 * @returns the value, or `undefined` when Go would return an error (syntax or int64 range)
 * @example
 * ```ts
 * parseGoInt("0x1F");  // 31
 * parseGoInt("010");   // 8
 * parseGoInt("1_000"); // 1000
 * parseGoInt("1.0");   // undefined
 * ```
 * @category Values
 */
export function parseGoInt(text: string): number | undefined {
  let s = text;
  let sign = 1n;
  if (s.startsWith("+") || s.startsWith("-")) {
    if (s[0] === "-") sign = -1n;
    s = s.slice(1);
  }
  if (s.includes("_")) {
    if (!underscoreOK(s)) return undefined;
    s = s.replaceAll("_", "");
  }
  let base = 10;
  const lower = s.toLowerCase();
  if (lower.startsWith("0x")) [base, s] = [16, s.slice(2)];
  else if (lower.startsWith("0o")) [base, s] = [8, s.slice(2)];
  else if (lower.startsWith("0b")) [base, s] = [2, s.slice(2)];
  else if (s.length > 1 && s.startsWith("0")) [base, s] = [8, s.slice(1)];
  const digits = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(s)) return undefined;
  const prefix = base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "";
  const value = sign * BigInt(prefix + s);
  if (value > INT64_MAX || value < -INT64_MAX - 1n) return undefined;
  return Number(value);
}

/** Go's `strconv.underscoreOK`: `_` only between digits or right after a base prefix. */
function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "bBoOxX".includes(s[1] ?? "")) {
    i = 2;
    saw = "0";
    hex = s[1] === "x" || s[1] === "X";
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? "";
    if ((c >= "0" && c <= "9") || (hex && /[a-fA-F]/.test(c))) saw = "0";
    else if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
    } else {
      if (saw === "_") return false;
      saw = "!";
    }
  }
  return saw !== "_";
}

/**
 * Formats nanoseconds like Go's `time.Duration.String()`: `1.5s`, `2h45m0s`, `300ms`, `0s`.
 *
 * @param ns - a duration in nanoseconds
 * @returns the Go rendering
 * @example
 * ```ts
 * formatGoDuration(5_400_000_000_000); // "1h30m0s"
 * ```
 * @category Values
 */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return "0s";
  const sign = ns < 0 ? "-" : "";
  let u = BigInt(Math.abs(Math.trunc(ns)));
  if (u < 1_000_000_000n) {
    const [unit, scale] = u < 1_000n ? ["ns", 1n] : u < 1_000_000n ? ["µs", 1_000n] : ["ms", 1_000_000n];
    return `${sign}${fraction(u, scale)}${unit}`;
  }
  const h = u / 3_600_000_000_000n;
  u -= h * 3_600_000_000_000n;
  const m = u / 60_000_000_000n;
  u -= m * 60_000_000_000n;
  const s = fraction(u, 1_000_000_000n);
  if (h > 0n) return `${sign}${h}h${m}m${s}s`;
  if (m > 0n) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
}

function fraction(value: bigint, scale: bigint): string {
  const whole = value / scale;
  const rest = value % scale;
  if (rest === 0n) return whole.toString();
  const digits = scale.toString().length - 1;
  return `${whole}.${rest.toString().padStart(digits, "0").replace(/0+$/, "")}`;
}
