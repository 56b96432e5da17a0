/**
 * The `Clock` port: what the simulator needs from time.
 *
 * @module
 */

/**
 * A timer callback; when it returns a promise, a virtual clock waits for it before firing the
 * next timer.
 *
 * @category Runtime
 */
export type TimerCallback = () => void | Promise<void>;

/**
 * An opaque timer handle.
 *
 * @category Runtime
 */
export interface TimerHandle {
  /** A number unique per clock. */
  readonly id: number;
}

/**
 * Time as the simulator sees it: the current instant and timers.
 *
 * @category Runtime
 * @example
 * ```ts
 * const clock: Clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
 * clock.setTimeout(() => console.log(clock.now()), 1000);
 * ```
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Calls `callback` after `ms` milliseconds (0 or negative: as soon as possible). */
  setTimeout(callback: TimerCallback, ms: number): TimerHandle;
  /** Cancels a timer that has not fired. */
  clearTimeout(handle: TimerHandle): void;
}

interface SystemTimer extends TimerHandle {
  readonly timer: ReturnType<typeof globalThis.setTimeout>;
}

let systemTimerIds = 0;

/**
 * The real clock: `Date` and the host's timers. A callback's rejected promise is left
 * unhandled (the simulator never rejects); callbacks handle their own errors.
 *
 * @category Runtime
 * @example
 * ```ts
 * new Simulator({ store, lifecycle, clock: systemClock });
 * ```
 */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout(callback, ms) {
    const handle: SystemTimer = { id: ++systemTimerIds, timer: globalThis.setTimeout(() => void callback(), Math.max(0, ms)) };
    return handle;
  },
  clearTimeout(handle) {
    globalThis.clearTimeout((handle as SystemTimer).timer);
  },
};
