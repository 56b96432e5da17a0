/**
 * Go's `time.Time.Format(time.RFC3339Nano)` for JavaScript dates.
 *
 * @module
 */

/**
 * Formats an instant as Go's `time.RFC3339Nano` in UTC: `Z` zone, fractional seconds with
 * trailing zeros removed (none when the instant is on a whole second).
 *
 * @param date - the instant (millisecond precision), or nanoseconds since the epoch as a bigint
 * @returns the text, e.g. `2006-01-02T15:04:05.5Z`
 * @example
 * ```ts
 * formatRfc3339Nano(new Date("2006-01-02T15:04:05.500Z")); // "2006-01-02T15:04:05.5Z"
 * formatRfc3339Nano(1136214245000000001n); // "2006-01-02T15:04:05.000000001Z"
 * ```
 * @category Values
 */
export function formatRfc3339Nano(date: Date | bigint): string {
  const ns = typeof date === "bigint" ? date : BigInt(date.getTime()) * 1_000_000n;
  let seconds = ns / 1_000_000_000n;
  let frac = ns % 1_000_000_000n;
  if (frac < 0n) {
    frac += 1_000_000_000n;
    seconds -= 1n;
  }
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  if (frac === 0n) return `${whole}Z`;
  return `${whole}.${frac.toString().padStart(9, "0").replace(/0+$/, "")}Z`;
}
