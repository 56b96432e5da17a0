import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/types.js";
import { isSchedulable, type SchedulableOptions } from "./schedulable.js";

interface NodeShape {
  ready?: string;
  gates?: [string, string | undefined][];
  taints?: Record<string, string>[];
  unschedulable?: boolean;
  allocatable?: Record<string, string>;
  labels?: Record<string, string>;
}

function node(shape: NodeShape = {}): KubeObject {
  const conditions = [...(shape.ready === undefined ? [{ type: "Ready", status: "True" }] : [{ type: "Ready", status: shape.ready }])];
  for (const [type, status] of shape.gates ?? []) if (status !== undefined) conditions.push({ type, status });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "n1", labels: shape.labels ?? { zone: "a" } },
    spec: {
      ...(shape.gates ? { readinessGates: shape.gates.map(([conditionType]) => ({ conditionType })) } : {}),
      ...(shape.taints ? { taints: shape.taints } : {}),
      ...(shape.unschedulable ? { unschedulable: true } : {}),
    },
    status: { conditions, ...(shape.allocatable ? { allocatable: shape.allocatable } : {}) },
  };
}

function pod(spec: Record<string, unknown> = {}, name = "p", nodeName?: string, phase?: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default" },
    spec: { containers: [{ name: "c", resources: { requests: { cpu: "500m" } } }], ...(nodeName ? { nodeName } : {}), ...spec },
    ...(phase ? { status: { phase } } : {}),
  };
}

const ALLOC = { cpu: "1", memory: "1Gi", pods: "2" };

describe("isSchedulable", () => {
  const cases: [string, KubeObject, KubeObject, SchedulableOptions, string[]][] = [
    ["ready node, no constraints", node(), pod(), {}, []],
    ["node not ready", node({ ready: "False" }), pod(), {}, ['NodeNotReady: node(s) were not ready: the status of node condition "Ready" is not "True", but False']],
    ["requireReady false", node({ ready: "False" }), pod(), { requireReady: false }, []],
    ["a node readiness gate blocks", node({ gates: [["example.com/cni", undefined]] }), pod(), {}, ['NodeNotReady: node(s) were not ready: corresponding condition of node readiness gate "example.com/cni" does not exist.']],
    ["node readiness gates pass", node({ gates: [["example.com/cni", "True"]] }), pod(), {}, []],
    ["unschedulable", node({ unschedulable: true }), pod(), {}, ["Unschedulable: node(s) were unschedulable"]],
    ["unschedulable tolerated", node({ unschedulable: true }), pod({ tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }] }), {}, []],
    ["NoSchedule taint", node({ taints: [{ key: "readiness.k8s.io/cni", value: "pending", effect: "NoSchedule" }] }), pod(), {}, ["UntoleratedTaint: node(s) had untolerated taint {readiness.k8s.io/cni: pending}"]],
    ["NoExecute taint without value", node({ taints: [{ key: "k", effect: "NoExecute" }] }), pod(), {}, ["UntoleratedTaint: node(s) had untolerated taint {k: }"]],
    ["PreferNoSchedule is ignored", node({ taints: [{ key: "k", effect: "PreferNoSchedule" }] }), pod(), {}, []],
    ["tolerated taint", node({ taints: [{ key: "k", value: "v", effect: "NoSchedule" }] }), pod({ tolerations: [{ key: "k", value: "v" }] }), {}, []],
    ["tolerate everything", node({ taints: [{ key: "k", effect: "NoSchedule" }, { key: "j", effect: "NoExecute" }] }), pod({ tolerations: [{ operator: "Exists" }] }), {}, []],
    ["nodeSelector", node(), pod({ nodeSelector: { zone: "b" } }), {}, ["NodeAffinity: node(s) didn't match Pod's node affinity/selector"]],
    ["fits the allocatable", node({ allocatable: ALLOC }), pod(), { pods: [pod({}, "other", "n1")] }, []],
    ["too many pods", node({ allocatable: { ...ALLOC, pods: "1" } }), pod({ containers: [{ name: "c" }] }), { pods: [pod({}, "other", "n1")] }, ["TooManyPods: Too many pods"]],
    ["insufficient cpu", node({ allocatable: ALLOC }), pod(), { pods: [pod({}, "a", "n1"), pod({}, "b", "n1")] }, ["TooManyPods: Too many pods", "InsufficientResource: Insufficient cpu"]],
    ["pods of other nodes, finished pods and the pod itself do not count", node({ allocatable: { ...ALLOC, pods: "1" } }), pod(), { pods: [pod({}, "a", "n2"), pod({}, "b", "n1", "Succeeded"), pod({}, "c", "n1", "Failed"), pod({}, "p", "n1")] }, []],
    ["allocatable without pods means none", node({ allocatable: { cpu: "1" } }), pod(), {}, ["TooManyPods: Too many pods"]],
    ["an extended resource the node lacks", node({ allocatable: ALLOC }), pod({ containers: [{ name: "c", resources: { limits: { "example.com/gpu": "1" } } }] }), {}, ["InsufficientResource: Insufficient example.com/gpu"]],
    ["no allocatable: not checked", node(), pod({ containers: [{ name: "c", resources: { requests: { cpu: "100" } } }] }), {}, []],
    [
      "every reason, in order",
      node({ ready: "Unknown", unschedulable: true, taints: [{ key: "k", effect: "NoSchedule" }], allocatable: { cpu: "100m", pods: "0" } }),
      pod({ nodeSelector: { zone: "b" } }),
      {},
      [
        'NodeNotReady: node(s) were not ready: the status of node condition "Ready" is not "True", but Unknown',
        "Unschedulable: node(s) were unschedulable",
        "UntoleratedTaint: node(s) had untolerated taint {k: }",
        "NodeAffinity: node(s) didn't match Pod's node affinity/selector",
        "TooManyPods: Too many pods",
        "InsufficientResource: Insufficient cpu",
      ],
    ],
  ];
  it.each(cases)("%s", (_name, n, p, options, want) => {
    const v = isSchedulable(n, p, options);
    expect(v.reasons.map((r) => `${r.code}: ${r.message}`)).toEqual(want);
    expect(v.schedulable).toBe(want.length === 0);
  });

  it("does not mutate the inputs", () => {
    const n = node({ taints: [{ key: "k", effect: "NoSchedule" }], allocatable: ALLOC });
    const p = pod({ tolerations: [{ operator: "Exists" }] });
    const pods = [pod({}, "a", "n1")];
    const copies = structuredClone([n, p, pods]);
    isSchedulable(n, p, { pods });
    expect([n, p, pods]).toEqual(copies);
  });
});
