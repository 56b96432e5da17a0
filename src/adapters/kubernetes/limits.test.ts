import { describe, expect, it } from "vitest";
import { instantClock } from "../../../test/kubernetes/double.js";
import { Semaphore, TokenBucket } from "./limits.js";

describe("TokenBucket", () => {
  it("lets a burst through, then paces at qps", async () => {
    const clock = instantClock(0);
    const bucket = new TokenBucket(10, 3, clock);
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      await bucket.take();
      times.push(clock.now());
    }
    expect(times).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it("is off with an infinite qps", async () => {
    const clock = instantClock(0);
    const bucket = new TokenBucket(Number.POSITIVE_INFINITY, 1, clock);
    for (let i = 0; i < 100; i++) await bucket.take();
    expect(clock.sleeps).toEqual([]);
  });
});

describe("Semaphore", () => {
  it("holds at most limit, releasing in order", async () => {
    const s = new Semaphore(2);
    const order: string[] = [];
    const a = await s.acquire();
    const b = await s.acquire();
    const c = s.acquire().then((release) => {
      order.push("c");
      return release;
    });
    expect(s.inUse).toBe(2);
    a();
    a(); // a second release is ignored
    const releaseC = await c;
    expect(order).toEqual(["c"]);
    expect(s.inUse).toBe(2);
    b();
    releaseC();
    expect(s.inUse).toBe(0);
  });
});
