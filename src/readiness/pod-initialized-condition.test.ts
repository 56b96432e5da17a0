import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/types.js";
import { generatePodInitializedCondition } from "./pod-initialized-condition.js";

const RUNNING = { running: { startedAt: "2024-01-01T00:00:00Z" } };
const WAITING = { waiting: { reason: "PodInitializing" } };
const done = (exitCode: number) => ({ terminated: { exitCode } });

function pod(init: Record<string, unknown>[], initStatuses?: Record<string, unknown>[], statuses?: Record<string, unknown>[], phase?: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { initContainers: init, containers: [{ name: "app" }] },
    status: { ...(phase ? { phase } : {}), ...(initStatuses ? { initContainerStatuses: initStatuses } : {}), ...(statuses ? { containerStatuses: statuses } : {}) },
  };
}

describe("generatePodInitializedCondition", () => {
  const cases: [string, KubeObject, Record<string, string>][] = [
    ["no init containers, no statuses", pod([]), { status: "True" }],
    ["init containers, no statuses", pod([{ name: "i" }]), { status: "False", reason: "UnknownContainerStatuses" }],
    ["init container still running", pod([{ name: "i" }], [{ name: "i", state: RUNNING }]), { status: "False", reason: "ContainersNotInitialized", message: "containers with incomplete status: [i]" }],
    ["init container failed", pod([{ name: "i" }], [{ name: "i", state: done(1) }]), { status: "False", reason: "ContainersNotInitialized", message: "containers with incomplete status: [i]" }],
    ["init container succeeded", pod([{ name: "i" }], [{ name: "i", state: done(0) }]), { status: "True" }],
    [
      "unknown before incomplete, in spec order",
      pod([{ name: "a" }, { name: "b" }, { name: "c" }], [{ name: "c", state: WAITING }]),
      { status: "False", reason: "ContainersNotInitialized", message: "containers with unknown status: [a b], containers with incomplete status: [c]" },
    ],
    ["sidecar not started", pod([{ name: "s", restartPolicy: "Always" }], [{ name: "s", state: RUNNING, started: false }]), { status: "False", reason: "ContainersNotInitialized", message: "containers with incomplete status: [s]" }],
    ["sidecar started", pod([{ name: "s", restartPolicy: "Always" }], [{ name: "s", state: RUNNING, started: true }]), { status: "True" }],
    ["a regular container has run", pod([{ name: "i" }], [{ name: "i", state: done(1) }], [{ name: "app", state: done(0) }]), { status: "True" }],
    ["succeeded with every init status known", pod([{ name: "i" }], [{ name: "i", state: WAITING }], undefined, "Succeeded"), { status: "True", reason: "PodCompleted" }],
  ];
  it.each(cases)("%s", (_name, p, want) => {
    expect(generatePodInitializedCondition(p)).toEqual({ type: "Initialized", ...want });
  });

  it("does not mutate the input", () => {
    const p = pod([{ name: "i" }], [{ name: "i", state: RUNNING }]);
    const copy = structuredClone(p);
    generatePodInitializedCondition(Object.freeze(p));
    expect(p).toEqual(copy);
  });
});
