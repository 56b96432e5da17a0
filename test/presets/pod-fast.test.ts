/**
 * `pod-fast` has no KWOK stage files in the reference data (only the description of KWOK's
 * pod/fast conformance cases in spec §7.3/§8.4), so it is checked three ways besides its goldens:
 * - which stage it lists, for every pod of the corpus, against a plain TypeScript statement of
 *   the rules (start: not terminating and no podIP; finish: not terminating, Running, owned by a
 *   Job; remove: terminating);
 * - the completion and deletion operations against KWOK's own `pod/general` pod-complete and
 *   pod-delete stages (same status patch; same delete, after the finalizers are emptied);
 * - the facts spec §8.4 states about KWOK's `pod/fast/pod-pending` output.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPreset } from "../../src/presets/index.js";
import { loadStagesOrThrow } from "../../src/stage/load.js";
import { stageTestOutput, type StageTestOutput } from "../../src/testing/stage-test-output.js";
import { podCorpus } from "./equivalence-corpus.js";

const GENERAL = join(import.meta.dirname, "../../../shared/conformance/kwok/pod/general");
const kwokGeneral = loadStagesOrThrow(
  readdirSync(GENERAL)
    .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
    .map((f) => ({ file: f, text: readFileSync(join(GENERAL, f), "utf8") })),
);
const kwokComplete = kwokGeneral.filter((s) => s.name === "pod-complete");
const kwokDelete = kwokGeneral.filter((s) => s.name === "pod-delete");
const fast = loadPreset("pod-fast");

interface PodLike {
  metadata?: { deletionTimestamp?: string; finalizers?: string[]; ownerReferences?: { kind?: string }[] };
  status?: { phase?: string; podIP?: string };
}

/** The rules of pod-fast, stated without jq. */
function expectedStages(pod: PodLike): string[] {
  const terminating = pod.metadata?.deletionTimestamp !== undefined;
  if (terminating) return ["pod-remove-now"];
  const out: string[] = [];
  if (pod.status?.podIP === undefined) out.push("pod-start-now");
  if (pod.status?.phase === "Running" && (pod.metadata?.ownerReferences ?? []).some((o) => o.kind === "Job")) out.push("pod-finish-job-now");
  return out;
}

async function outputOf(object: unknown, stages: Parameters<typeof stageTestOutput>[1]): Promise<StageTestOutput> {
  const r = await stageTestOutput(object, stages);
  if (!r.ok) throw r.error;
  return r.value;
}

describe("pod-fast", () => {
  const corpus = podCorpus();

  it(`lists the stages its rules say, for ${corpus.length} pods`, async () => {
    const reached = new Map<string, number>();
    for (const c of corpus) {
      const out = await outputOf(c.object, fast);
      const names = out.stages.map((s) => s.stage);
      expect(names, c.id).toEqual(expectedStages(c.object as PodLike));
      for (const s of out.stages) {
        expect(s.delay, c.id).toBeUndefined();
        expect(s.weight, c.id).toBe(0);
        reached.set(s.stage, (reached.get(s.stage) ?? 0) + 1);
      }
    }
    for (const name of ["pod-start-now", "pod-finish-job-now", "pod-remove-now"]) expect(reached.get(name) ?? 0, name).toBeGreaterThanOrEqual(20);
  }, 180_000);

  it("completes a Job's pod with the status patch of KWOK's pod-complete", async () => {
    let compared = 0;
    for (const c of corpus) {
      if (c.difference !== undefined) continue;
      const kwok = await stageTestOutput(c.object, kwokComplete);
      if (!kwok.ok || kwok.value.stages.length === 0) continue;
      const mine = (await outputOf(c.object, fast)).stages.find((s) => s.stage === "pod-finish-job-now");
      expect(mine?.next, c.id).toEqual(kwok.value.stages[0]?.next);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(20);
  }, 180_000);

  it("deletes a terminating pod like KWOK's pod-delete, emptying its finalizers first", async () => {
    let compared = 0;
    for (const c of corpus) {
      const pod = c.object as PodLike;
      if (pod.metadata?.deletionTimestamp === undefined) continue;
      const mine = (await outputOf(c.object, fast)).stages[0]?.next ?? [];
      const finalizers = pod.metadata.finalizers ?? [];
      const finalizerOps = finalizers.length === 0 ? [] : [{ kind: "patch", type: "application/json-patch+json", data: [{ op: "remove", path: "/metadata/finalizers" }] }];
      expect(mine, c.id).toEqual([...finalizerOps, { kind: "delete" }]);
      if (pod.metadata.finalizers === undefined) {
        // KWOK's pod-delete waits for the finalizers field to be gone (an empty list still counts).
        const kwok = await outputOf(c.object, kwokDelete);
        expect(mine, c.id).toEqual(kwok.stages[0]?.next);
      }
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(50);
  }, 180_000);

  it("pending pod: the facts spec §8.4 gives for KWOK's pod/fast/pod-pending", async () => {
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "pod-pending" }, spec: { nodeName: "node", containers: [{ name: "c", image: "i" }] } };
    const out = await outputOf(pod, fast);
    expect(out.stages).toHaveLength(1);
    const [stage] = out.stages;
    expect(stage?.delay).toBeUndefined();
    expect(stage?.weight).toBe(0);
    const status = (stage?.next[0]?.data as { status: Record<string, unknown> }).status;
    expect(status.initContainerStatuses).toBeNull();
    expect(status.hostIP).toBe('<0 of NodeIPsWith("node")>');
    expect(status.podIP).toBe('<0 of PodIPsWith("node", false, "", "pod-pending", "")>');
    expect(status.hostIPs).toEqual([{ ip: '<0 of NodeIPsWith("node")>' }, { ip: '<1 of NodeIPsWith("node")>' }]);
    expect(status.phase).toBe("Running");
  });
});
