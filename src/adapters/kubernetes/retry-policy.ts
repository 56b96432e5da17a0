/**
 * When the adapter retries a request, and after how long.
 *
 * @module
 */
import { backoffMs } from "../../runtime/retry.js";
import type { StoreError } from "../../store/errors.js";

/** How safe a request is to repeat. */
export interface RetryClass {
  /**
   * Repeating it has the same effect (GET, PUT, DELETE, merge/strategic/apply patches): also
   * retried after 500/503/504 and lost connections. Otherwise (POST, JSON patch) it is retried
   * only when the server did not process it (429, a `Retry-After` header, a refused connection).
   */
  readonly idempotent: boolean;
  /**
   * Also repeat it after a 500, 504 or a lost connection although it is not idempotent (the
   * store's `retry.nonIdempotent` option: only for servers known to fail before writing).
   */
  readonly evenIfNotIdempotent?: boolean;
  /**
   * It carries no precondition (no `resourceVersion` in a patch or update, no delete
   * preconditions), so a 409 `Conflict` — which means nothing was written — is transient and
   * retried.
   */
  readonly unconditional: boolean;
}

/** What happened to one attempt. */
export interface AttemptOutcome {
  /** The store error of a response, or of a connection failure. */
  readonly error: StoreError;
  /** The HTTP status, when there was a response. */
  readonly httpStatus?: number;
  /** The `Retry-After` header in seconds, when present. */
  readonly retryAfterSeconds?: number;
  /** The system error code of a connection failure. */
  readonly connectionCode?: string;
}

/** Connection failures that happen before a request is sent. */
export const NOT_SENT: ReadonlySet<string> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Whether to retry an attempt that failed.
 *
 * @param outcome - the failure
 * @param retryClass - how safe the request is to repeat
 * @returns whether to retry
 */
export function shouldRetry(outcome: AttemptOutcome, retryClass: RetryClass): boolean {
  const { error, httpStatus, connectionCode } = outcome;
  const repeatable = retryClass.idempotent || retryClass.evenIfNotIdempotent === true;
  if (connectionCode !== undefined) return NOT_SENT.has(connectionCode) || repeatable;
  if (httpStatus === undefined) return false;
  if (httpStatus === 429) return true;
  if (httpStatus >= 500 && outcome.retryAfterSeconds !== undefined) return true;
  if (httpStatus === 500 || httpStatus === 503 || httpStatus === 504) return repeatable;
  if (httpStatus === 409 && error.reason === "Conflict" && retryClass.unconditional) {
    // a server-side apply conflict between field managers does not go away by itself
    return !(error.status.details?.causes ?? []).some((c) => c.reason === "FieldManagerConflict");
  }
  return false;
}

/**
 * The wait before retry `attempt` (0-based): the server's `Retry-After` (or
 * `details.retryAfterSeconds`) when given, else `initial · 2^attempt` with 0–50 % jitter; at
 * most `max`.
 *
 * @param outcome - the failure
 * @param attempt - retries so far
 * @param options - `initialMs`, `maxMs`
 * @param random - uniform random numbers in [0, 1)
 * @returns milliseconds
 */
export function retryDelayMs(outcome: AttemptOutcome, attempt: number, options: { readonly initialMs: number; readonly maxMs: number }, random: () => number): number {
  const seconds = outcome.retryAfterSeconds ?? outcome.error.status.details?.retryAfterSeconds;
  if (seconds !== undefined && Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, options.maxMs);
  return backoffMs(attempt, random, { ...options, jitter: 0.5 });
}

/**
 * Parses a `Retry-After` header (seconds, or an HTTP date).
 *
 * @param value - the header
 * @param now - the current time in ms
 * @returns seconds, or undefined
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim());
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}
