/**
 * Time as a parameter: the readiness functions never read the clock.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";

/**
 * An instant: a `Date`, RFC 3339 text or epoch milliseconds.
 *
 * @example
 * ```ts
 * const now: TimeInput = "2024-01-01T00:00:00Z";
 * ```
 * @category Readiness
 */
export type TimeInput = Date | string | number;

/**
 * Kubernetes `metav1.Time` text (RFC 3339, whole seconds, UTC).
 *
 * @param time - the instant
 * @returns e.g. `2024-01-01T00:00:00Z`
 */
export function formatTime(time: TimeInput): string {
  const ms = time instanceof Date ? time.getTime() : typeof time === "number" ? time : Date.parse(time);
  if (!Number.isFinite(ms)) throw new StagecraftError(ErrorCode.InvalidValue, `invalid time ${JSON.stringify(String(time))}`, { expected: "a Date, RFC 3339 text or epoch milliseconds" });
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
