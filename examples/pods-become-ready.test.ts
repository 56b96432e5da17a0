// A vitest test of the kind a user writes: a Deployment-like set of pods on the in-memory
// store becomes Ready at the virtual times its stages say, without a cluster or real waiting.
import { compileLifecycle, loadStagesOrThrow } from "stagecraft";
import { createMemoryStore } from "stagecraft/memory";
import { Simulator, VirtualClock, type KubeObject } from "stagecraft/runtime";
import { expect, it } from "vitest";

const stages = loadStagesOrThrow({
  file: "stages.yaml",
  text: `
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: node-ready}
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector:
    matchExpressions:
    - {key: '.status.phase', operator: DoesNotExist}
  next:
    statusTemplate: |
      phase: Running
      conditions:
      - {type: Ready, status: "True"}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-ready}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: '.status.phase', operator: DoesNotExist}
  delay:
    # each replica declares its own start-up time
    durationMilliseconds: 1000
    durationFrom: {expressionFrom: '.metadata.annotations["example.com/startup"]'}
  next:
    statusTemplate: |
      phase: Running
      conditions:
      - {type: Ready, status: "True", lastTransitionTime: {{ Now }}}
`,
});

function replica(i: number): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `web-${i}`, namespace: "default", labels: { app: "web" }, annotations: { "example.com/startup": `${i + 1}s` } },
    spec: { nodeName: "node-0", containers: [{ name: "web", image: "nginx" }] },
  };
}

it("brings every replica to Ready at its start-up time", async () => {
  const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
  const store = createMemoryStore({ clock });
  const simulator = new Simulator({ store, lifecycle: compileLifecycle(stages), clock, seed: 1 });
  await simulator.start();
  await store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "node-0" } });
  for (let i = 0; i < 3; i++) await store.create(replica(i));

  await clock.runUntil(() => simulator.idle, { timeout: 60_000 });

  const pods = await store.list({ apiVersion: "v1", kind: "Pod" }, { labelSelector: "app=web" });
  const readyAt = Object.fromEntries(
    pods.items.map((p) => [p.metadata.name, (p as unknown as { status: { conditions: { lastTransitionTime: string }[] } }).status.conditions[0]?.lastTransitionTime]),
  );
  expect(readyAt).toEqual({
    "web-0": "2024-01-01T00:00:01Z",
    "web-1": "2024-01-01T00:00:02Z",
    "web-2": "2024-01-01T00:00:03Z",
  });
  expect(clock.elapsed).toBe(3000);
});
