/**
 * Seeded fault injection: the front answers some requests with 409, 429 or 500, expires some
 * watches from a resource version with 410 and drops some watch connections, so clients can be
 * tested against an unreliable API server reproducibly.
 *
 * @module
 */
import { seededRandom } from "../runtime/rng.js";
import { StatusReason, StoreError } from "../store/errors.js";

/**
 * Fault probabilities (each 0…1, default 0) and the seed of the random sequence that draws them.
 * Faults are injected before the store is touched, so a failed write never took effect.
 *
 * @category Server
 * @example
 * ```ts
 * const faults: FaultInjectionOptions = { seed: 7, tooManyRequests: 0.05, dropWatch: 0.01 };
 * ```
 */
export interface FaultInjectionOptions {
  /** Seed of the random sequence. */
  readonly seed: number;
  /** Writes (PUT, PATCH, DELETE) answered `409 Conflict`. */
  readonly conflict?: number;
  /** Requests (other than discovery) answered `429 TooManyRequests` with `Retry-After`. */
  readonly tooManyRequests?: number;
  /** Requests (other than discovery) answered `500 InternalError`. */
  readonly internalError?: number;
  /** Watches from a resource version answered with a 410 `Expired` `ERROR` event. */
  readonly expiredWatch?: number;
  /** Per watch event: the connection is closed after the event, without a final event. */
  readonly dropWatch?: number;
  /** The `Retry-After` of injected 429s, in seconds. Default 1. */
  readonly retryAfterSeconds?: number;
}

/**
 * How many faults of each kind were injected.
 *
 * @category Server
 */
export interface FaultCounts {
  /** 409 Conflict answers. */
  readonly conflict: number;
  /** 429 TooManyRequests answers. */
  readonly tooManyRequests: number;
  /** 500 InternalError answers. */
  readonly internalError: number;
  /** Watches ended with a 410 Expired `ERROR` event. */
  readonly expiredWatch: number;
  /** Watch connections dropped. */
  readonly dropWatch: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function probability(name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!(value >= 0 && value <= 1)) throw new RangeError(`faults.${name} must be a probability between 0 and 1, got ${value}`);
  return value;
}

/** Draws faults; one instance per server. */
export class FaultInjector {
  private readonly rng: () => number;
  private readonly p: Readonly<Record<keyof FaultCounts, number>>;
  private readonly retryAfter: number;
  private readonly counts: Mutable<FaultCounts> = { conflict: 0, tooManyRequests: 0, internalError: 0, expiredWatch: 0, dropWatch: 0 };

  /** @param options - the probabilities and seed (absent: no faults) */
  constructor(options?: FaultInjectionOptions) {
    this.rng = seededRandom(options?.seed ?? 0);
    this.p = {
      conflict: probability("conflict", options?.conflict),
      tooManyRequests: probability("tooManyRequests", options?.tooManyRequests),
      internalError: probability("internalError", options?.internalError),
      expiredWatch: probability("expiredWatch", options?.expiredWatch),
      dropWatch: probability("dropWatch", options?.dropWatch),
    };
    this.retryAfter = options?.retryAfterSeconds ?? 1;
  }

  private draw(kind: keyof FaultCounts): boolean {
    if (this.p[kind] === 0 || this.rng() >= this.p[kind]) return false;
    this.counts[kind]++;
    return true;
  }

  /**
   * The fault to answer a resource request with, if any.
   *
   * @param write - whether the request is a PUT, PATCH or DELETE
   * @returns the error to answer with, or `undefined`
   */
  forRequest(write: boolean): StoreError | undefined {
    if (this.draw("tooManyRequests")) {
      return new StoreError(StatusReason.TooManyRequests, "Too many requests, please try again later. (injected fault)", { retryAfterSeconds: this.retryAfter });
    }
    if (this.draw("internalError")) return new StoreError(StatusReason.InternalError, "Internal error occurred: injected fault");
    if (write && this.draw("conflict")) {
      return new StoreError(StatusReason.Conflict, "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again (injected fault)");
    }
    return undefined;
  }

  /** Whether a watch from a resource version is to be expired at once. */
  expireWatch(): boolean {
    return this.draw("expiredWatch");
  }

  /** Whether to drop a watch connection after an event. */
  dropWatch(): boolean {
    return this.draw("dropWatch");
  }

  /** The counts so far (a copy). */
  snapshot(): FaultCounts {
    return { ...this.counts };
  }
}
