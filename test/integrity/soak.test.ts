/**
 * The soak test: hours of virtual time of the `general` preset with waves of pods created and
 * deleted, on the memory store; the heap after forced garbage collections must stay flat once
 * the store's histories are full. The figures are printed for the closing note.
 *
 * `gc()` comes from V8's `--expose-gc` flag set at run time (`v8.setFlagsFromString`), so the
 * test runs in vitest's own worker, against the sources, with no build and no config change.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { CHURN_PER_CYCLE, runSoak, slope } from "./soak.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const MiB = 1024 * 1024;

describe("soak", () => {
  it("slope() is the least-squares slope", () => {
    expect(slope([])).toBe(0);
    expect(slope([{ x: 1, y: 5 }])).toBe(0);
    expect(slope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBe(2);
    expect(slope([{ x: 0, y: 0 }, { x: 1, y: 2 }, { x: 2, y: 0 }, { x: 3, y: 2 }])).toBeCloseTo(0.4);
  });

  const scenarios = [
    { name: "waves of pods on 10 nodes", churn: false, cycles: 100, warmupCycles: 20 },
    { name: "node churn, pods on unknown nodes, pods deleted at once", churn: true, cycles: 90, warmupCycles: 20 },
  ];
  for (const scenario of scenarios) {
    it(`a long general-preset simulation keeps the heap flat after warm-up: ${scenario.name}`, async () => {
      const options = { nodes: 10, podsPerCycle: 50, cycles: scenario.cycles, warmupCycles: scenario.warmupCycles, sampleEvery: 4, cycleMs: 120_000, history: 500, seed: 20261123, churn: scenario.churn, gc };
      const r = await runSoak(options);
      const measuredCycles = options.cycles - options.warmupCycles;
      const measuredPods = measuredCycles * options.podsPerCycle;
      const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const warm = mean(r.samples.slice(0, 3).map((s) => s.heapUsed));
      const end = mean(r.samples.slice(-3).map((s) => s.heapUsed));
      const growth = end - warm;
      console.log(
        [
          `soak (${scenario.name}): ${r.virtualHours.toFixed(2)} virtual hours, ${r.cycles} cycles, ${r.podsCreated} pods created, ${r.podsDeleted} deleted, ${r.nodesReplaced} nodes replaced, ${r.eventsSwept} events swept, ${r.writes} store writes`,
          `heap after warm-up (cycle ${options.warmupCycles}) ${(warm / MiB).toFixed(2)} MiB, at the end ${(end / MiB).toFixed(2)} MiB: ${(growth / 1024).toFixed(0)} KiB over ${measuredCycles} cycles / ${measuredPods} pods`,
          `slope ${(r.slopePerCycle / 1024).toFixed(2)} KiB per cycle = ${(r.slopePerCycle / options.podsPerCycle).toFixed(0)} bytes per pod`,
          `samples (MiB): ${r.samples.map((s) => (s.heapUsed / MiB).toFixed(2)).join(" ")}`,
        ].join("\n"),
      );
      // the work was done: every wave went through, nothing piles up in the store or the clock
      expect(r.podsCreated).toBe(options.cycles * options.podsPerCycle);
      expect(r.podsDeleted).toBe((options.cycles - 1) * options.podsPerCycle + (scenario.churn ? options.podsPerCycle / 5 : 0));
      expect(r.nodesReplaced).toBe(scenario.churn ? options.cycles * CHURN_PER_CYCLE : 0);
      const wave = scenario.churn ? (options.podsPerCycle * 4) / 5 : options.podsPerCycle;
      const driven = scenario.churn ? (options.podsPerCycle * 3) / 5 : options.podsPerCycle;
      expect(r.live).toEqual({ Node: options.nodes, Pod: wave, Event: driven, Lease: options.nodes });
      expect(r.pendingJobs).toBeLessThanOrEqual(options.nodes); // the next heartbeat of each node
      expect(r.timers).toBeLessThanOrEqual(2 * options.nodes); // heartbeats and lease renewals
      // flat: a leak of 1 KiB per pod would add more than 2.5 MiB over the measured pods
      const tolerance = 1 * MiB + 0.02 * warm;
      expect(growth).toBeLessThan(tolerance);
      expect(r.slopePerCycle * measuredCycles).toBeLessThan(tolerance);
    }, 180_000);
  }
});
