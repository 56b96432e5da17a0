import { describe, expect, it } from "vitest";
import { VirtualClock } from "./virtual-clock.js";

describe("VirtualClock", () => {
  it("fires timers in due order, ties in creation order, only when advanced", async () => {
    const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
    const log: string[] = [];
    clock.setTimeout(() => void log.push(`b@${clock.elapsed}`), 20);
    clock.setTimeout(() => void log.push(`a@${clock.elapsed}`), 10);
    clock.setTimeout(() => void log.push(`c@${clock.elapsed}`), 20);
    expect(log).toEqual([]);
    await clock.advance(15);
    expect(log).toEqual(["a@10"]);
    expect(clock.elapsed).toBe(15);
    await clock.advance(100);
    expect(log).toEqual(["a@10", "b@20", "c@20"]);
    expect(clock.now().toISOString()).toBe("2024-01-01T00:00:00.115Z");
  });

  it("fires timers scheduled by callbacks inside the window and awaits async callbacks", async () => {
    const clock = new VirtualClock();
    const log: number[] = [];
    clock.setTimeout(async () => {
      await Promise.resolve();
      log.push(clock.elapsed);
      clock.setTimeout(() => void log.push(clock.elapsed), 5);
    }, 5);
    await clock.advance(10);
    expect(log).toEqual([5, 10]);
  });

  it("cancels timers", async () => {
    const clock = new VirtualClock();
    let fired = false;
    const t = clock.setTimeout(() => void (fired = true), 1);
    expect(clock.pending).toBe(1);
    clock.clearTimeout(t);
    clock.clearTimeout(t);
    expect(clock.pending).toBe(0);
    await clock.runUntilIdle();
    expect(fired).toBe(false);
  });

  it("runUntil stops at the predicate or the timeout", async () => {
    const clock = new VirtualClock();
    let n = 0;
    const tick = () => {
      n++;
      clock.setTimeout(tick, 1000);
    };
    clock.setTimeout(tick, 1000);
    expect(await clock.runUntil(() => n >= 3)).toBe(true);
    expect(clock.elapsed).toBe(3000);
    expect(await clock.runUntil(() => false, { timeout: 2500 })).toBe(false);
    expect(clock.elapsed).toBe(5500);
    expect(n).toBe(5);
  });

  it("detects a zero-delay hot loop", async () => {
    const clock = new VirtualClock();
    const spin = () => void clock.setTimeout(spin, 0);
    spin();
    await expect(clock.runUntilIdle({ maxTimers: 1000 })).rejects.toThrow(/zero-delay cycle/);
  });

  it("rejects an invalid start", () => {
    expect(() => new VirtualClock({ start: "yesterday" })).toThrow(/invalid start time/);
  });
});
