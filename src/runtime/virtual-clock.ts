/**
 * `VirtualClock`: simulated time that only moves when told to.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import type { Clock, TimerCallback, TimerHandle } from "./clock.js";
import { type HeapTimer, TimerHeap } from "./timer-heap.js";

interface VirtualTimer extends HeapTimer, TimerHandle {
  readonly callback: TimerCallback;
}

/**
 * Options of {@link VirtualClock}.
 *
 * @category Runtime
 */
export interface VirtualClockOptions {
  /** The initial instant. Default `2006-01-02T15:04:05Z` (KWOK's test instant). */
  readonly start?: Date | string;
}

/**
 * Options of {@link VirtualClock.runUntil} and {@link VirtualClock.runUntilIdle}.
 *
 * @category Runtime
 */
export interface RunOptions {
  /** Stop after this much virtual time (ms) has passed. */
  readonly timeout?: number;
  /** Fail with `E_LIMIT_EXCEEDED` after firing this many timers (a hot loop). Default 10,000,000. */
  readonly maxTimers?: number;
}

/**
 * Simulated time for deterministic tests and fast simulations: timers fire in due-time order
 * (creation order for ties) only when {@link VirtualClock.advance}, {@link VirtualClock.runUntilIdle}
 * or {@link VirtualClock.runUntil} move time forward, and a timer whose callback returns a promise
 * is awaited before the next one fires.
 *
 * @category Runtime
 * @example
 * ```ts
 * const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
 * clock.setTimeout(() => console.log("fired at", clock.now().toISOString()), 1500);
 * await clock.advance(2000); // fired at 2024-01-01T00:00:01.500Z
 * ```
 */
export class VirtualClock implements Clock {
  private current: number;
  private readonly start: number;
  private seq = 0;
  private live = 0;
  private readonly timers = new TimerHeap<VirtualTimer>();

  /**
   * @param options - the initial instant
   */
  constructor(options: VirtualClockOptions = {}) {
    const start = options.start ?? "2006-01-02T15:04:05Z";
    this.current = typeof start === "string" ? Date.parse(start) : start.getTime();
    if (Number.isNaN(this.current)) throw new StagecraftError(ErrorCode.InvalidValue, `invalid start time ${JSON.stringify(start)}`, { expected: "an RFC 3339 time" });
    this.start = this.current;
  }

  /** @returns the current virtual instant */
  now(): Date {
    return new Date(this.current);
  }

  /** Milliseconds of virtual time since the clock was created. */
  get elapsed(): number {
    return this.current - this.start;
  }

  /** Number of timers waiting to fire. */
  get pending(): number {
    return this.live;
  }

  /**
   * Schedules a callback `ms` milliseconds of virtual time from now.
   * @param callback - the callback
   * @param ms - the delay (≤ 0: now, after timers already due)
   * @returns the handle
   */
  setTimeout(callback: TimerCallback, ms: number): TimerHandle {
    const timer: VirtualTimer = { id: ++this.seq, seq: this.seq, at: this.current + Math.max(0, ms), callback, cancelled: false };
    this.timers.push(timer);
    this.live++;
    return timer;
  }

  /**
   * Cancels a timer; cancelling a fired or cancelled timer does nothing.
   * @param handle - the handle from {@link VirtualClock.setTimeout}
   */
  clearTimeout(handle: TimerHandle): void {
    const timer = handle as VirtualTimer;
    if (!timer.cancelled && !(timer as { fired?: boolean }).fired) {
      timer.cancelled = true;
      this.live--;
    }
  }

  /** The due time of the next timer, or undefined. */
  private next(): VirtualTimer | undefined {
    return this.timers.peek();
  }

  private async fire(timer: VirtualTimer): Promise<void> {
    this.timers.pop();
    (timer as { fired?: boolean }).fired = true;
    this.live--;
    if (timer.at > this.current) this.current = timer.at;
    await timer.callback();
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way (also those the
   * callbacks schedule within the window).
   * @param ms - milliseconds of virtual time
   * @param options - `maxTimers`
   * @returns when every due callback has finished
   */
  async advance(ms: number, options: RunOptions = {}): Promise<void> {
    const target = this.current + Math.max(0, ms);
    let fired = 0;
    const max = options.maxTimers ?? 10_000_000;
    for (let t = this.next(); t !== undefined && t.at <= target; t = this.next()) {
      if (++fired > max) this.hotLoop(max);
      await this.fire(t);
    }
    this.current = target;
  }

  /**
   * Fires timers until none is left (or `timeout` ms of virtual time have passed).
   * @param options - `timeout`, `maxTimers`
   * @returns when idle
   * @throws StagecraftError `E_LIMIT_EXCEEDED` after `maxTimers` timers (e.g. a zero-delay cycle)
   */
  async runUntilIdle(options: RunOptions = {}): Promise<void> {
    await this.runUntil(() => false, options);
  }

  /**
   * Fires timers one at a time until `predicate` holds, no timer is left, or `timeout` ms of
   * virtual time have passed (then time is moved to the deadline).
   * @param predicate - checked before each timer and at the end
   * @param options - `timeout`, `maxTimers`
   * @returns whether the predicate held
   * @throws StagecraftError `E_LIMIT_EXCEEDED` after `maxTimers` timers
   */
  async runUntil(predicate: () => boolean | Promise<boolean>, options: RunOptions = {}): Promise<boolean> {
    const deadline = options.timeout === undefined ? Number.POSITIVE_INFINITY : this.current + options.timeout;
    const max = options.maxTimers ?? 10_000_000;
    let fired = 0;
    for (;;) {
      if (await predicate()) return true;
      const t = this.next();
      if (t === undefined || t.at > deadline) break;
      if (++fired > max) this.hotLoop(max);
      await this.fire(t);
    }
    if (Number.isFinite(deadline)) this.current = Math.max(this.current, deadline);
    return predicate();
  }

  private hotLoop(max: number): never {
    throw new StagecraftError(ErrorCode.LimitExceeded, `more than ${max} timers fired without reaching the goal: a zero-delay cycle of stages?`, {
      expected: "a lifecycle that settles",
    });
  }
}
