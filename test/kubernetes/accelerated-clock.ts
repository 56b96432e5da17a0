/**
 * Test support: a real clock that runs `factor` times faster (timers fire after `ms / factor`
 * real milliseconds, `now()` advances `factor` times as fast), so stage delays of seconds take
 * milliseconds while the Simulator still waits on real timers for real network answers.
 *
 * @module
 */
import { type Clock, systemClock } from "../../src/runtime/clock.js";

/**
 * Makes the clock.
 *
 * @param factor - the speed-up
 * @returns the clock
 */
export function acceleratedClock(factor: number): Clock {
  const start = Date.now();
  return {
    now: () => new Date(start + (Date.now() - start) * factor),
    setTimeout: (callback, ms) => systemClock.setTimeout(callback, ms / factor),
    clearTimeout: (handle) => systemClock.clearTimeout(handle),
  };
}
