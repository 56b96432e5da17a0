import { describe, expect, it } from "vitest";
import { ReconcileQueue } from "./reconcile-queue.js";
import { VirtualClock } from "./virtual-clock.js";

function setup() {
  const clock = new VirtualClock();
  const done: string[] = [];
  const queue = new ReconcileQueue<number>(clock, async (key, value) => {
    await Promise.resolve();
    done.push(`${key}=${value}`);
  });
  return { clock, done, queue };
}

describe("ReconcileQueue", () => {
  it("coalesces a key to its latest value and runs keys in the order they were queued", async () => {
    const { clock, done, queue } = setup();
    queue.add("a", 1);
    queue.add("b", 1);
    queue.add("a", 2);
    expect(queue.idle).toBe(false);
    await clock.runUntilIdle();
    expect(done).toEqual(["a=2", "b=1"]);
    expect(queue.idle).toBe(true);
    expect(clock.elapsed).toBe(0);
  });

  it("drops a removed key and everything after stop", async () => {
    const { clock, done, queue } = setup();
    queue.add("a", 1);
    queue.add("b", 1);
    queue.remove("a");
    await clock.runUntilIdle();
    queue.stop();
    queue.add("c", 1);
    await clock.runUntilIdle();
    expect(done).toEqual(["b=1"]);
    expect(queue.idle).toBe(true);
  });

  it("queues a key again while it runs", async () => {
    const clock = new VirtualClock();
    const done: number[] = [];
    const queue: ReconcileQueue<number> = new ReconcileQueue<number>(clock, async (_key, value) => {
      done.push(value);
      if (value < 3) queue.add("a", value + 1);
    });
    queue.add("a", 1);
    await clock.runUntilIdle();
    expect(done).toEqual([1, 2, 3]);
  });
});
