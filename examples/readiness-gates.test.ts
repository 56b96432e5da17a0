// Nodes that must pass readiness gates before they take workloads, and pods that wait for them:
// a NodeReadinessRule keeps a readiness taint on each node until a Stage reports its CNI ready
// (after a per-node delay); the simple scheduler binds pending pods once a node is untainted and
// fully ready; a pod readiness gate (KEP-580) keeps each pod un-Ready until a Stage registers it
// with the load balancer. Everything is asserted on virtual time.
import { compileLifecycle, evaluateNodeReadinessGates, isSchedulable, loadStagesOrThrow, parseNodeReadinessRuleOrThrow, yamlToJson } from "stagecraft";
import { createMemoryStore } from "stagecraft/memory";
import { formatHistory, Simulator, VirtualClock, type KubeObject } from "stagecraft/runtime";
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
    - {key: '.status.conditions.[] | select(.type == "Ready") | .status', operator: NotIn, values: ["True"]}
  next:
    statusTemplate: |
      conditions:
      - {type: Ready, status: "True"}
      allocatable: {cpu: "2", memory: 8Gi, pods: "110"}
---
# the CNI comes up after the node's own start-up time
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: node-cni-ready}
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector:
    matchExpressions:
    - {key: '.status.conditions.[] | select(.type == "Ready") | .status', operator: In, values: ["True"]}
    - {key: '.status.conditions.[] | select(.type == "example.com/CNIReady") | .status', operator: DoesNotExist}
  delay:
    durationMilliseconds: 1000
    durationFrom: {expressionFrom: '.metadata.annotations["example.com/cni-startup"]'}
  next:
    statusTemplate: |
      conditions:
      - {type: example.com/CNIReady, status: "True"}
---
# selecting on the readiness controller's verdict: no readiness.k8s.io/ taint left
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: node-open-for-workloads}
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector:
    matchExpressions:
    - {key: '.status.conditions.[] | select(.type == "Ready") | .status', operator: In, values: ["True"]}
    - {key: '.spec.taints.[] | select(.key | startswith("readiness.k8s.io/")) | .key', operator: DoesNotExist}
    - {key: '.metadata.labels["example.com/workloads"]', operator: DoesNotExist}
  next:
    event: {type: Normal, reason: WorkloadsReady, message: every readiness gate passed}
    patches:
    - {type: merge, root: metadata, template: 'labels: {example.com/workloads: ready}'}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-running}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: DoesNotExist}
  delay: {durationMilliseconds: 1000}
  next:
    statusTemplate: |
      phase: Running
      containerStatuses:
      {{ range .spec.containers }}
      - {name: {{ .name }}, ready: true}
      {{ end }}
---
# the pod's readiness gate: registered with the load balancer 2s after it runs
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-lb-registered}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: In, values: [Running]}
    - {key: '.status.conditions.[] | select(.type == "example.com/lb-registered") | .status', operator: DoesNotExist}
  delay: {durationMilliseconds: 2000}
  next:
    statusTemplate: |
      conditions:
      - {type: example.com/lb-registered, status: "True"}
`,
});

const cniRule = parseNodeReadinessRuleOrThrow(
  yamlToJson(`
apiVersion: readiness.node.x-k8s.io/v1alpha1
kind: NodeReadinessRule
metadata: {name: cni}
spec:
  conditions:
  - {type: example.com/CNIReady, requiredStatus: "True"}
  taint: {key: readiness.k8s.io/network-unavailable, effect: NoSchedule}
  enforcementMode: bootstrap-only
`),
);

function node(name: string, cniStartup: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, annotations: { "example.com/cni-startup": cniStartup } },
    spec: {
      // registered tainted (kubelet --register-with-taints), so nothing lands before the rule is checked
      taints: [{ key: "readiness.k8s.io/network-unavailable", effect: "NoSchedule" }],
      readinessGates: [{ conditionType: "example.com/CNIReady" }],
    },
  };
}

function replica(i: number): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `web-${i}`, namespace: "default", labels: { app: "web" } },
    spec: {
      containers: [{ name: "web", image: "nginx", resources: { requests: { cpu: "1" } } }],
      readinessGates: [{ conditionType: "example.com/lb-registered" }],
    },
  };
}

interface Status {
  readonly conditions?: readonly { readonly type: string; readonly status: string; readonly lastTransitionTime?: string }[];
}

it("holds pods until the nodes' gates pass, then binds them and they become Ready", async () => {
  const clock = new VirtualClock({ start: "2024-01-01T00:00:00Z" });
  const store = createMemoryStore({ clock });
  const simulator = new Simulator({
    store,
    lifecycle: compileLifecycle(stages, { defaultPatchType: "controller" }),
    clock,
    seed: 1,
    readiness: { rules: [cniRule], podGates: true },
    scheduler: true,
  });
  await simulator.start();
  await store.create(node("node-0", "5s"));
  await store.create(node("node-1", "8s"));
  for (let i = 0; i < 3; i++) await store.create(replica(i));

  // at 3s the nodes are Ready but still gated: tainted, not fully ready, nothing scheduled
  await clock.advance(3000);
  const early = await store.get({ apiVersion: "v1", kind: "Node", name: "node-0" });
  expect(evaluateNodeReadinessGates(early).message).toBe('corresponding condition of node readiness gate "example.com/CNIReady" does not exist.');
  expect(isSchedulable(early, replica(0)).reasons.map((r) => r.message)).toEqual([
    'node(s) were not ready: corresponding condition of node readiness gate "example.com/CNIReady" does not exist.',
    "node(s) had untolerated taint {readiness.k8s.io/network-unavailable: }",
  ]);

  await clock.runUntil(() => simulator.idle, { timeout: 60_000 });

  // node-0 opens at 5s and takes two pods (2 cpu); the third waits for node-1 (8s)
  const nodes = await store.list({ apiVersion: "v1", kind: "Node" });
  for (const n of nodes.items) {
    expect((n.spec as { taints?: unknown }).taints).toBeUndefined();
    expect(n.metadata.annotations?.["readiness.k8s.io/bootstrap-completed-cni"]).toBe("true");
    expect(n.metadata.labels?.["example.com/workloads"]).toBe("ready");
  }
  const pods = await store.list({ apiVersion: "v1", kind: "Pod" }, { labelSelector: "app=web" });
  const summary = Object.fromEntries(
    pods.items.map((p) => {
      const ready = (p.status as Status).conditions?.find((c) => c.type === "Ready");
      return [p.metadata.name, { node: (p.spec as { nodeName?: string }).nodeName, ready: ready?.status, readyAt: ready?.lastTransitionTime }];
    }),
  );
  expect(summary).toEqual({
    "web-0": { node: "node-0", ready: "True", readyAt: "2024-01-01T00:00:08Z" },
    "web-1": { node: "node-0", ready: "True", readyAt: "2024-01-01T00:00:08Z" },
    "web-2": { node: "node-1", ready: "True", readyAt: "2024-01-01T00:00:11Z" },
  });
  expect(clock.elapsed).toBe(11_000);

  // the controllers' actions are in the simulator's history
  const actions = formatHistory(simulator.history, { kinds: ["operation"] })
    .split("\n")
    .filter((line) => / (scheduler|readiness-controller): /.test(line) && !line.includes("unschedulable"));
  expect(actions.map((l) => l.trim().replace(/\s+/g, " "))).toEqual([
    "+5s Node node-0 operation readiness-controller: remove taint readiness.k8s.io/network-unavailable:NoSchedule, bootstrap of cni completed",
    "+5s Pod default/web-0 operation scheduler: bind to node-0",
    "+5s Pod default/web-1 operation scheduler: bind to node-0",
    "+5s Pod default/web-0 operation readiness-controller: Ready False UnknownContainerStatuses",
    "+5s Pod default/web-1 operation readiness-controller: Ready False UnknownContainerStatuses",
    "+6s Pod default/web-0 operation readiness-controller: Ready False ReadinessGatesNotReady",
    "+6s Pod default/web-1 operation readiness-controller: Ready False ReadinessGatesNotReady",
    "+8s Node node-1 operation readiness-controller: remove taint readiness.k8s.io/network-unavailable:NoSchedule, bootstrap of cni completed",
    "+8s Pod default/web-2 operation scheduler: bind to node-1",
    "+8s Pod default/web-0 operation readiness-controller: Ready True",
    "+8s Pod default/web-1 operation readiness-controller: Ready True",
    "+8s Pod default/web-2 operation readiness-controller: Ready False UnknownContainerStatuses",
    "+9s Pod default/web-2 operation readiness-controller: Ready False ReadinessGatesNotReady",
    "+11s Pod default/web-2 operation readiness-controller: Ready True",
  ]);
});
