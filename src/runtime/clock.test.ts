import { describe, expect, it } from "vitest";
import { systemClock } from "./clock.js";

describe("systemClock", () => {
  it("fires real timers and cancels them", async () => {
    const before = systemClock.now().getTime();
    const fired = await new Promise<number>((resolve) => systemClock.setTimeout(() => resolve(systemClock.now().getTime()), 20));
    expect(fired - before).toBeGreaterThanOrEqual(15);
    let cancelledFired = false;
    const handle = systemClock.setTimeout(() => void (cancelledFired = true), 5);
    systemClock.clearTimeout(handle);
    await new Promise((r) => setTimeout(r, 30));
    expect(cancelledFired).toBe(false);
  });
});
