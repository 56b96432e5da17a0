import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/types.js";
import { evaluatePodReadiness } from "./pod-readiness.js";
import { generateContainersReadyCondition, generatePodReadyCondition, podReadinessGates } from "./pod-ready-condition.js";

const NOW = "2024-01-01T00:01:00Z";
const EARLIER = "2024-01-01T00:00:00Z";

interface PodShape {
  containers?: string[];
  initContainers?: { name: string; restartPolicy?: string }[];
  statuses?: [string, boolean][] | null | undefined;
  initStatuses?: [string, boolean][] | null | undefined;
  phase?: string;
  gates?: string[];
  conditions?: Record<string, unknown>[];
}

function pod(shape: PodShape): KubeObject {
  const status: Record<string, unknown> = {};
  if (shape.phase !== undefined) status.phase = shape.phase;
  if (shape.statuses !== undefined) status.containerStatuses = shape.statuses?.map(([name, ready]) => ({ name, ready }));
  if (shape.initStatuses !== undefined) status.initContainerStatuses = shape.initStatuses?.map(([name, ready]) => ({ name, ready }));
  if (shape.conditions !== undefined) status.conditions = shape.conditions;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default" },
    spec: {
      containers: (shape.containers ?? ["a"]).map((name) => ({ name, image: "i" })),
      ...(shape.initContainers === undefined ? {} : { initContainers: shape.initContainers }),
      ...(shape.gates === undefined ? {} : { readinessGates: shape.gates.map((conditionType) => ({ conditionType })) }),
    },
    status,
  };
}

describe("generateContainersReadyCondition", () => {
  const cases: [string, PodShape, Record<string, string>][] = [
    ["no statuses at all", { statuses: undefined }, { status: "False", reason: "UnknownContainerStatuses" }],
    ["empty container statuses count as nil", { statuses: [] }, { status: "False", reason: "UnknownContainerStatuses" }],
    ["all ready", { containers: ["a", "b"], statuses: [["a", true], ["b", true]] }, { status: "True" }],
    ["unready in spec order", { containers: ["b", "a", "c"], statuses: [["a", false], ["c", true], ["b", false]] }, { status: "False", reason: "ContainersNotReady", message: "containers with unready status: [b a]" }],
    ["unknown before unready", { containers: ["a", "b", "c"], statuses: [["c", false]] }, { status: "False", reason: "ContainersNotReady", message: "containers with unknown status: [a b], containers with unready status: [c]" }],
    [
      "sidecar init containers first; plain init containers ignored",
      { containers: ["a"], initContainers: [{ name: "init" }, { name: "side", restartPolicy: "Always" }], statuses: [["a", false]], initStatuses: [["init", false], ["side", false]] },
      { status: "False", reason: "ContainersNotReady", message: "containers with unready status: [side a]" },
    ],
    ["sidecar without status is unknown", { containers: ["a"], initContainers: [{ name: "side", restartPolicy: "Always" }], statuses: [["a", true]] }, { status: "False", reason: "ContainersNotReady", message: "containers with unknown status: [side]" }],
    ["init statuses alone are not nil", { containers: ["a"], initContainers: [{ name: "i" }], statuses: undefined, initStatuses: [["i", true]] }, { status: "False", reason: "ContainersNotReady", message: "containers with unknown status: [a]" }],
    ["succeeded with all statuses known", { phase: "Succeeded", statuses: [["a", false]] }, { status: "False", reason: "PodCompleted" }],
    ["succeeded with an unknown status", { phase: "Succeeded", containers: ["a", "b"], statuses: [["a", false]] }, { status: "False", reason: "ContainersNotReady", message: "containers with unknown status: [b], containers with unready status: [a]" }],
    ["failed even when ready", { phase: "Failed", statuses: [["a", true]] }, { status: "False", reason: "PodFailed" }],
    ["failed without statuses is unknown", { phase: "Failed", statuses: undefined }, { status: "False", reason: "UnknownContainerStatuses" }],
  ];
  it.each(cases)("%s", (_name, shape, want) => {
    expect(generateContainersReadyCondition(pod(shape))).toEqual({ type: "ContainersReady", ...want });
  });
});

describe("generatePodReadyCondition", () => {
  const ready: PodShape = { statuses: [["a", true]] };
  const cases: [string, PodShape, Record<string, string>][] = [
    ["copies ContainersReady when not True", { statuses: [["a", false]], gates: ["x"] }, { status: "False", reason: "ContainersNotReady", message: "containers with unready status: [a]" }],
    ["copies PodCompleted", { phase: "Succeeded", statuses: [["a", false]] }, { status: "False", reason: "PodCompleted" }],
    ["no gates", ready, { status: "True" }],
    ["missing gate condition", { ...ready, gates: ["example.com/lb"] }, { status: "False", reason: "ReadinessGatesNotReady", message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist.' }],
    [
      "False gate",
      { ...ready, gates: ["example.com/lb"], conditions: [{ type: "example.com/lb", status: "False" }] },
      { status: "False", reason: "ReadinessGatesNotReady", message: 'the status of pod readiness gate "example.com/lb" is not "True", but False' },
    ],
    [
      "messages joined in gate order",
      { ...ready, gates: ["g1", "g2", "g3"], conditions: [{ type: "g3", status: "Unknown" }, { type: "g2", status: "True" }] },
      { status: "False", reason: "ReadinessGatesNotReady", message: 'corresponding condition of pod readiness gate "g1" does not exist., the status of pod readiness gate "g3" is not "True", but Unknown' },
    ],
    ["all gates True", { ...ready, gates: ["g1", "g2"], conditions: [{ type: "g1", status: "True" }, { type: "g2", status: "True" }] }, { status: "True" }],
    [
      "kubelet-owned conditions are not gates",
      { ...ready, gates: ["PodScheduled", "Ready"], conditions: [{ type: "PodScheduled", status: "True" }, { type: "Ready", status: "True" }] },
      { status: "False", reason: "ReadinessGatesNotReady", message: 'corresponding condition of pod readiness gate "PodScheduled" does not exist., corresponding condition of pod readiness gate "Ready" does not exist.' },
    ],
    ["an Initialized gate uses the generated condition", { ...ready, gates: ["Initialized"], conditions: [{ type: "Initialized", status: "False" }] }, { status: "True" }],
    ["the first condition of a type counts", { ...ready, gates: ["g"], conditions: [{ type: "g", status: "False" }, { type: "g", status: "True" }] }, { status: "False", reason: "ReadinessGatesNotReady", message: 'the status of pod readiness gate "g" is not "True", but False' }],
  ];
  it.each(cases)("%s", (_name, shape, want) => {
    expect(generatePodReadyCondition(pod(shape))).toEqual({ type: "Ready", ...want });
  });

  it("reports each gate", () => {
    const p = pod({ ...ready, gates: ["g1", "g2"], conditions: [{ type: "g2", status: "True" }] });
    expect(podReadinessGates(p)).toEqual([
      { conditionType: "g1", satisfied: false, message: 'corresponding condition of pod readiness gate "g1" does not exist.' },
      { conditionType: "g2", status: "True", satisfied: true },
    ]);
  });
});

describe("evaluatePodReadiness", () => {
  const gated: PodShape = { statuses: [["a", true]], gates: ["g"] };
  const cases: [string, PodShape, { ready: boolean; changed: boolean; patch?: Record<string, unknown> }][] = [
    ["no Ready condition yet", { ...gated, conditions: [] }, { ready: false, changed: true, patch: { type: "Ready", status: "False", reason: "ReadinessGatesNotReady", message: 'corresponding condition of pod readiness gate "g" does not exist.', lastTransitionTime: NOW } }],
    [
      "status flips to True: reason and message removed, time is now",
      { ...gated, conditions: [{ type: "g", status: "True" }, { type: "Ready", status: "False", reason: "ReadinessGatesNotReady", message: "m", lastTransitionTime: EARLIER }] },
      { ready: true, changed: true, patch: { type: "Ready", status: "True", reason: null, message: null, lastTransitionTime: NOW } },
    ],
    [
      "same status, new message: lastTransitionTime kept",
      { ...gated, conditions: [{ type: "g", status: "False" }, { type: "Ready", status: "False", reason: "ContainersNotReady", message: "old", lastTransitionTime: EARLIER }] },
      { ready: false, changed: true, patch: { type: "Ready", status: "False", reason: "ReadinessGatesNotReady", message: 'the status of pod readiness gate "g" is not "True", but False' } },
    ],
    ["already right: no patch", { ...gated, conditions: [{ type: "g", status: "True" }, { type: "Ready", status: "True", lastTransitionTime: EARLIER }] }, { ready: true, changed: false }],
    ["a stage's True Ready without gates stays", { statuses: [["a", true]], conditions: [{ type: "Ready", status: "True" }] }, { ready: true, changed: false }],
  ];
  it.each(cases)("%s", (_name, shape, want) => {
    const verdict = evaluatePodReadiness(pod(shape), { now: NOW });
    expect(verdict.ready).toBe(want.ready);
    expect(verdict.changed).toBe(want.changed);
    expect(verdict.patch).toEqual(want.patch === undefined ? undefined : { patchType: "strategic", subresource: "status", data: { status: { conditions: [want.patch] } } });
  });

  it("keeps the old lastTransitionTime in the verdict's condition", () => {
    const verdict = evaluatePodReadiness(pod({ ...gated, conditions: [{ type: "g", status: "True" }, { type: "Ready", status: "True", lastTransitionTime: EARLIER }] }), { now: new Date(NOW) });
    expect(verdict.condition).toEqual({ type: "Ready", status: "True", lastTransitionTime: EARLIER });
  });

  it("does not mutate the input", () => {
    const p = pod({ ...gated, conditions: [{ type: "Ready", status: "True", lastTransitionTime: EARLIER }] });
    const copy = structuredClone(p);
    evaluatePodReadiness(Object.freeze(p), { now: NOW });
    expect(p).toEqual(copy);
  });

  it("rejects an invalid now", () => {
    expect(() => evaluatePodReadiness(pod(gated), { now: "yesterday" })).toThrow(/invalid time/);
  });
});
