/**
 * Which store errors KWOK retries, and its backoff.
 *
 * @module
 */
import { isStoreError } from "../store/errors.js";

const RETRYABLE = new Set(["TooManyRequests", "ServiceUnavailable", "Timeout", "ServerTimeout"]);

/**
 * KWOK retries a failed step only for connection refused, `ServerTimeout`, `Timeout`,
 * `ServiceUnavailable` (503) and `TooManyRequests` (429); everything else drops the job.
 *
 * @param error - what the store threw
 * @returns whether to retry
 */
export function isRetryable(error: unknown): boolean {
  if (isStoreError(error)) return RETRYABLE.has(error.reason);
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ECONNREFUSED";
}

/**
 * KWOK's backoff: `min(initial · 2^k, max) · (1 + U[0, 0.2))`.
 *
 * @param attempt - k, from 0
 * @param rng - uniform random numbers
 * @param options - `initialMs` (default 1000), `maxMs` (default 32 minutes), `jitter` (the largest
 *   extra fraction, default 0.2)
 * @returns the delay in milliseconds
 */
export function backoffMs(attempt: number, rng: () => number, options: { readonly initialMs?: number; readonly maxMs?: number; readonly jitter?: number } = {}): number {
  const initial = options.initialMs ?? 1000;
  const max = options.maxMs ?? 32 * 60 * 1000;
  return Math.min(initial * 2 ** attempt, max) * (1 + rng() * (options.jitter ?? 0.2));
}
