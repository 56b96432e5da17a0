/**
 * The simulator's history is ordered like a watch: entries are numbered 1, 2, … without gaps,
 * time never goes back, `onHistory` sees the same entries in the same order, and every job that
 * ran was scheduled first (for the same object and stage) and not cancelled in between.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory/index.js";
import { compileLifecycle } from "../../src/plan/compile-lifecycle.js";
import { loadPreset } from "../../src/presets/index.js";
import type { HistoryEntry } from "../../src/runtime/history.js";
import { Simulator } from "../../src/runtime/simulator.js";
import { VirtualClock } from "../../src/runtime/virtual-clock.js";

const lifecycle = compileLifecycle(loadPreset("general"), { defaultPatchType: "controller" });
const POD = { apiVersion: "v1", kind: "Pod" } as const;

function who(e: HistoryEntry): string {
  return `${e.object.kind}/${e.object.namespace ?? ""}/${e.object.name}`;
}

describe("simulator history ordering", () => {
  it("numbers entries without gaps, keeps time monotonic, and runs only scheduled jobs (property)", async () => {
    let entries = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.nat(),
          nodes: fc.integer({ min: 1, max: 3 }),
          pods: fc.array(fc.record({ node: fc.nat({ max: 2 }), deleteAfterMs: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }), job: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        }),
        async ({ seed, nodes, pods }) => {
          const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
          const store = createMemoryStore({ clock });
          const seen: HistoryEntry[] = [];
          const sim = new Simulator({ store, lifecycle, clock, seed, onHistory: (e) => seen.push(e) });
          await sim.start();
          for (let i = 0; i < nodes; i++) await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: `n${i}` } });
          for (const [i, p] of pods.entries()) {
            const owner = p.job ? { ownerReferences: [{ apiVersion: "batch/v1", kind: "Job", name: "j", uid: "u" }] } : {};
            await store.create({ ...POD, metadata: { name: `p${i}`, namespace: "default", ...owner }, spec: { nodeName: `n${p.node % nodes}`, containers: [{ name: "c", image: "i" }] } });
            if (p.deleteAfterMs !== undefined) {
              const name = `p${i}`;
              clock.setTimeout(() => store.delete({ ...POD, namespace: "default", name }).then(() => undefined, () => undefined), p.deleteAfterMs);
            }
          }
          await clock.advance(60_000);
          sim.stop();
          const history = sim.history;
          entries += history.length;
          expect(seen).toEqual(history);
          history.forEach((e, i) => expect(e.seq).toBe(i + 1));
          for (let i = 1; i < history.length; i++) {
            const [a, b] = [history[i - 1] as HistoryEntry, history[i] as HistoryEntry];
            expect(b.elapsedMs).toBeGreaterThanOrEqual(a.elapsedMs);
            expect(Date.parse(b.time)).toBeGreaterThanOrEqual(Date.parse(a.time));
            expect(Date.parse(b.time) - Date.parse(history[0]?.time ?? "")).toBe(b.elapsedMs - (history[0]?.elapsedMs ?? 0));
          }
          // every applied job was the one scheduled last for its object, and not cancelled since
          const pending = new Map<string, string>();
          for (const e of history) {
            if (e.kind === "scheduled" || e.kind === "retry") pending.set(who(e), e.stage ?? "");
            if (e.kind === "cancelled") pending.delete(who(e));
            if (e.kind === "applied") {
              expect(pending.get(who(e)), `${e.seq} ${who(e)} ${e.stage ?? ""}`).toBe(e.stage);
              pending.delete(who(e));
            }
          }
          expect(history.filter((e) => e.kind === "error")).toEqual([]);
          // the pods not deleted got to Running (or Succeeded, Job pods)
          for (const pod of (await store.list(POD)).items) {
            if (pod.metadata.deletionTimestamp !== undefined) continue;
            expect((pod["status"] as { phase?: string } | undefined)?.phase, pod.metadata.name).toMatch(/^(Running|Succeeded)$/);
          }
        },
      ),
      { numRuns: 25, seed: 20261123 },
    );
    expect(entries).toBeGreaterThan(1000);
  }, 60_000);
});
