/**
 * Whole lifecycles, preset vs KWOK: every corpus object is walked through its stages twice,
 * once with KWOK's stage files and once with the preset, applying each stage's operations the
 * way KWOK's pod and node controllers do (status patches as strategic merge, finalizer patches
 * as JSON patch, delete ends the walk). After the last stage a pod is marked for deletion and
 * the walk goes on. Each step must offer the same stages (names mapped), pick the same one and
 * leave the same object; the final objects must be equal.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, type JsonValue } from "../../src/patch/index.js";
import { compileLifecycle, type Lifecycle } from "../../src/plan/compile-lifecycle.js";
import { listPossible, plan } from "../../src/plan/plan.js";
import type { Operation } from "../../src/plan/types.js";
import { loadPreset } from "../../src/presets/index.js";
import { loadStagesOrThrow } from "../../src/stage/load.js";
import type { Stage } from "../../src/stage/model.js";
import { goFunction } from "../../src/template/exec/function-map.js";
import { type CorpusCase, nodeCorpus, podCorpus } from "./equivalence-corpus.js";

const KWOK = join(import.meta.dirname, "../../../shared/conformance/kwok");
const START = Date.parse("2006-01-02T15:04:05Z");
const MAX_STEPS = 10;

const TO_PRESET: Readonly<Record<string, string>> = {
  "node-initialize": "node-mark-ready",
  "node-heartbeat": "node-renew-heartbeat",
  "pod-create": "pod-accepted",
  "pod-init-container-running": "pod-init-running",
  "pod-init-container-completed": "pod-init-done",
  "pod-ready": "pod-running",
  "pod-complete": "pod-succeeded",
  "pod-delete": "pod-removed",
};
const FROM_PRESET = Object.fromEntries(Object.entries(TO_PRESET).map(([k, v]) => [v, k]));

const str = "string" as const;
const FUNCTIONS = {
  NodeIP: goFunction([], () => "10.9.0.1"),
  NodeName: goFunction([], () => "kwok-node"),
  NodePort: goFunction([], () => 10250n),
  NodeIPWith: goFunction([str], () => "10.9.0.1"),
  NodeIPsWith: goFunction([str], () => ["10.9.0.1"]),
  PodIPWith: goFunction([str, "bool", str, str, str], (_n: string, host: boolean) => (host ? "10.9.0.1" : "10.0.0.5")),
  PodIPsWith: goFunction([str, "bool", str, str, str], (_n: string, host: boolean) => (host ? ["10.9.0.1"] : ["10.0.0.5"])),
};

function kwokSet(...dirs: string[]): Stage[] {
  return dirs.flatMap((dir) => {
    const full = join(KWOK, dir);
    const files = readdirSync(full).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml").sort();
    return loadStagesOrThrow(files.map((f) => ({ file: f, text: readFileSync(join(full, f), "utf8") })));
  });
}

function lifecycle(stages: readonly Stage[]): Lifecycle {
  return compileLifecycle(stages, { functions: FUNCTIONS, defaultPatchType: "strategic" });
}

function apply(object: JsonValue, op: Operation): JsonValue | "deleted" {
  switch (op.kind) {
    case "delete":
      return "deleted";
    case "event":
    case "apply":
      return object;
    case "patch":
      if (op.patchType === "json") return applyJsonPatch(object, op.data as JsonValue);
      if (op.patchType === "merge") return applyMergePatch(object, op.data as JsonValue);
      return applyStrategicMergePatch(object, op.data as JsonValue);
  }
}

interface Step {
  readonly offered: string[];
  readonly chosen: string;
  readonly object: JsonValue | "deleted";
}

interface Walk {
  readonly steps: Step[];
  /** Set when matching or rendering failed (the messages name different stages, so only the fact is compared). */
  readonly failed?: true;
}

/** Walks an object; stage names are reported in KWOK's naming (`rename`). */
function walk(start: JsonValue, lc: Lifecycle, rename: (name: string) => string): Walk {
  const steps: Step[] = [];
  let object: JsonValue = start;
  let markedForDeletion = false;
  for (let i = 0; i < MAX_STEPS; i++) {
    const now = new Date(START + i * 60_000);
    const possible = listPossible(object, lc, { now });
    if (!possible.ok) return { steps, failed: true };
    const offered = possible.value.map((p) => rename(p.stage.name)).sort();
    if (offered.length === 0) {
      const pod = object as { kind?: string; metadata?: Record<string, unknown> };
      if (pod.kind !== "Pod" || markedForDeletion) break;
      markedForDeletion = true;
      object = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: new Date(START + i * 60_000 + 30_000).toISOString().replace(".000", "") } } as JsonValue;
      continue;
    }
    const chosen = offered[0] ?? "";
    const candidate = possible.value.find((p) => rename(p.stage.name) === chosen);
    const planned = plan(object, lc, { now, ...(candidate ? { stage: candidate.stage } : {}) });
    if (!planned.ok) return { steps, failed: true };
    let next: JsonValue | "deleted" = object;
    for (const op of planned.plan?.operations ?? []) {
      if (next === "deleted") break;
      next = apply(next, op);
    }
    steps.push({ offered, chosen, object: next });
    if (next === "deleted") break;
    object = next;
  }
  return { steps };
}

const WALKS: readonly { label: string; kind: string; kwok: () => Stage[]; preset: () => readonly Stage[] }[] = [
  { label: "fast nodes: node-fast + node-heartbeat ~ node/fast + node/heartbeat", kind: "Node", kwok: () => kwokSet("node/fast", "node/heartbeat"), preset: () => loadPreset(["node-fast", "node-heartbeat"]) },
  { label: "general pods: pod-general ~ pod/general", kind: "Pod", kwok: () => kwokSet("pod/general"), preset: () => loadPreset("pod-general") },
];

describe("whole lifecycles match KWOK's", () => {
  const corpus: readonly CorpusCase[] = [...nodeCorpus(), ...podCorpus()];
  for (const w of WALKS) {
    it(w.label, () => {
      const kwok = lifecycle(w.kwok());
      const preset = lifecycle(w.preset());
      let walked = 0;
      let steps = 0;
      const lengths = new Map<number, number>();
      for (const c of corpus) {
        if (c.object.kind !== w.kind || c.difference !== undefined) continue;
        const expected = walk(c.object as JsonValue, kwok, (n) => n);
        const actual = walk(c.object as JsonValue, preset, (n) => FROM_PRESET[n] ?? `unmapped:${n}`);
        expect(actual, c.id).toEqual(expected);
        walked++;
        steps += expected.steps.length;
        lengths.set(expected.steps.length, (lengths.get(expected.steps.length) ?? 0) + 1);
      }
      expect(walked).toBeGreaterThan(300);
      expect(steps).toBeGreaterThan(walked);
      console.log(`${w.label}: ${walked} objects walked, ${steps} steps compared; walks by length: ${[...lengths].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}:${v}`).join(" ")}`);
    }, 180_000);
  }
});
