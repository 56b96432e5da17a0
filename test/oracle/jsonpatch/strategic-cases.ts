/**
 * Strategic merge patch cases for the kubectl oracle (`kubectl patch --local --type strategic`,
 * which uses apimachinery's strategicpatch with the compiled-in Pod and Node types): status
 * conditions, container statuses, addresses, finalizers, directives, nulls, new items, order.
 */

/** One case: a base object and a patch. */
export interface StrategicCase {
  readonly name: string;
  readonly object: Record<string, unknown>;
  readonly patch: unknown;
}

/** A Pod with every list KWOK's stages touch. */
export const POD = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "p",
    namespace: "default",
    labels: { app: "web", tier: "front" },
    annotations: { a: "b" },
    finalizers: ["a", "b", "c"],
    ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "u1" }],
  },
  spec: {
    nodeName: "n",
    containers: [
      {
        name: "a",
        image: "x",
        env: [{ name: "E1", value: "1" }, { name: "E2", value: "2" }],
        ports: [{ containerPort: 80 }, { containerPort: 443 }],
        volumeMounts: [{ name: "v", mountPath: "/a" }],
      },
      { name: "b", image: "y" },
    ],
    initContainers: [{ name: "i", image: "z" }],
    volumes: [{ name: "v", emptyDir: {} }, { name: "w", configMap: { name: "cm" } }],
    tolerations: [{ key: "t1", operator: "Exists" }],
    readinessGates: [{ conditionType: "g" }],
  },
  status: {
    phase: "Pending",
    conditions: [
      { type: "PodScheduled", status: "True" },
      { type: "Initialized", status: "True" },
      { type: "Ready", status: "False", reason: "NotReady" },
    ],
    containerStatuses: [
      { name: "a", ready: false, restartCount: 0 },
      { name: "b", ready: false, restartCount: 0 },
    ],
    podIP: "10.0.0.1",
    podIPs: [{ ip: "10.0.0.1" }],
    hostIP: "1.1.1.1",
    hostIPs: [{ ip: "1.1.1.1" }],
  },
};

/** A Node with conditions, addresses, taints, images and attached volumes. */
export const NODE = {
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: "n", labels: { "kubernetes.io/hostname": "n", type: "kwok" }, annotations: { "kwok.x-k8s.io/node": "fake" } },
  spec: { podCIDR: "10.0.0.0/24", podCIDRs: ["10.0.0.0/24"], taints: [{ key: "a", effect: "NoSchedule" }] },
  status: {
    phase: "Running",
    capacity: { cpu: "4", memory: "8Gi", pods: "110" },
    allocatable: { cpu: "4", memory: "8Gi", pods: "110" },
    conditions: [
      { type: "Ready", status: "False", reason: "KubeletNotReady" },
      { type: "MemoryPressure", status: "False" },
      { type: "DiskPressure", status: "False" },
    ],
    addresses: [{ type: "InternalIP", address: "10.0.0.1" }, { type: "Hostname", address: "n" }],
    images: [{ names: ["img:a"], sizeBytes: 1 }],
    nodeInfo: { kubeletVersion: "fake", architecture: "amd64" },
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    volumesAttached: [{ name: "v1", devicePath: "/a" }],
  },
};

/** Kinds with little or no patch metadata: a PersistentVolumeClaim, a PersistentVolume and a Lease. */
const PVC = {
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name: "c", namespace: "default", finalizers: ["kubernetes.io/pvc-protection"] },
  spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
  status: { phase: "Pending", conditions: [{ type: "Resizing", status: "True" }] },
};
const PV = {
  apiVersion: "v1",
  kind: "PersistentVolume",
  metadata: { name: "v", finalizers: ["kubernetes.io/pv-protection"] },
  spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, mountOptions: ["a"], claimRef: { name: "c", namespace: "default" } },
  status: { phase: "Available" },
};
const LEASE = {
  apiVersion: "coordination.k8s.io/v1",
  kind: "Lease",
  metadata: { name: "n", namespace: "kube-node-lease", ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "n", uid: "u1" }] },
  spec: { holderIdentity: "n", leaseDurationSeconds: 40, renewTime: "2006-01-02T15:04:05.000000Z" },
};

const pod = (name: string, patch: unknown): StrategicCase => ({ name: `pod: ${name}`, object: POD, patch });
const node = (name: string, patch: unknown): StrategicCase => ({ name: `node: ${name}`, object: NODE, patch });
const bare = { apiVersion: "v1", kind: "Pod", metadata: { name: "q" }, spec: { containers: [{ name: "a", image: "x" }] } };

const now = "2006-01-02T15:04:05Z";

/** The cases. */
export const STRATEGIC_CASES: readonly StrategicCase[] = [
  // Pod status conditions
  pod("conditions: update one, add one", { status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }, { type: "ContainersReady", status: "True" }] } }),
  pod("conditions: patch order first", { status: { conditions: [{ type: "Ready", status: "True" }, { type: "PodScheduled", status: "True" }] } }),
  pod("conditions: null member removed", { status: { conditions: [{ type: "Ready", status: "True", reason: null }] } }),
  pod("conditions: $patch delete", { status: { conditions: [{ type: "Ready", $patch: "delete" }] } }),
  pod("conditions: $patch delete of a missing item", { status: { conditions: [{ type: "Nope", $patch: "delete" }] } }),
  pod("conditions: $patch replace", { status: { conditions: [{ $patch: "replace" }, { type: "Ready", status: "True" }] } }),
  pod("conditions: $setElementOrder with a patch", { status: { "$setElementOrder/conditions": [{ type: "Ready" }, { type: "Initialized" }, { type: "PodScheduled" }], conditions: [{ type: "Ready", status: "True" }] } }),
  pod("conditions: $setElementOrder alone", { status: { "$setElementOrder/conditions": [{ type: "Ready" }, { type: "PodScheduled" }, { type: "Initialized" }] } }),
  pod("conditions: null deletes the list", { status: { conditions: null } }),
  pod("conditions: empty list changes nothing", { status: { conditions: [] } }),
  pod("conditions: element without merge key", { status: { conditions: [{ status: "True" }] } }),
  pod("conditions: $patch merge element", { status: { conditions: [{ type: "Ready", $patch: "merge" }] } }),
  pod("conditions: unknown $patch element", { status: { conditions: [{ type: "Ready", $patch: "frob" }] } }),
  pod("conditions: KWOK pod-ready", {
    status: {
      conditions: [
        { lastProbeTime: null, lastTransitionTime: now, status: "True", type: "Initialized" },
        { lastProbeTime: null, lastTransitionTime: now, status: "True", type: "Ready" },
        { lastProbeTime: null, lastTransitionTime: now, status: "True", type: "ContainersReady" },
      ],
      containerStatuses: [{ name: "a", ready: true, restartCount: 0, state: { running: { startedAt: now } }, image: "x", imageID: "" }],
      initContainerStatuses: [{ name: "i", ready: true, restartCount: 0, state: { terminated: { exitCode: 0, finishedAt: now, reason: "Completed", startedAt: now } } }],
      hostIP: "2.2.2.2",
      podIP: "10.0.0.2",
      phase: "Running",
      startTime: now,
    },
  }),
  // container statuses and other atomic lists
  pod("containerStatuses: replaced whole", { status: { containerStatuses: [{ name: "a", ready: true, restartCount: 1 }] } }),
  pod("containerStatuses: empty list replaces", { status: { containerStatuses: [] } }),
  pod("containerStatuses: nulls in a replaced list stay", { status: { containerStatuses: [{ name: "a", ready: true, lastState: null }] } }),
  pod("tolerations: replaced whole", { spec: { tolerations: [{ key: "t2", operator: "Exists", effect: "NoExecute" }] } }),
  pod("readinessGates: replaced whole", { spec: { readinessGates: [{ conditionType: "h" }] } }),
  // containers
  pod("containers: merge by name", { spec: { containers: [{ name: "a", image: "x2" }] } }),
  pod("containers: add one", { spec: { containers: [{ name: "c", image: "w" }] } }),
  pod("containers: new item keeps its nulls", { spec: { containers: [{ name: "c", image: null, args: [null] }] } }),
  pod("containers: $patch delete", { spec: { containers: [{ name: "b", $patch: "delete" }] } }),
  pod("containers: $setElementOrder", { spec: { "$setElementOrder/containers": [{ name: "b" }, { name: "a" }], containers: [{ name: "a", image: "z" }] } }),
  pod("containers: $setElementOrder mismatch", { spec: { "$setElementOrder/containers": [{ name: "b" }], containers: [{ name: "a", image: "z" }] } }),
  pod("containers: env merge and add", { spec: { containers: [{ name: "a", env: [{ name: "E2", value: "two" }, { name: "E3", value: "3" }] }] } }),
  pod("containers: env delete", { spec: { containers: [{ name: "a", env: [{ name: "E1", $patch: "delete" }] }] } }),
  pod("containers: env valueFrom replaces value", { spec: { containers: [{ name: "a", env: [{ name: "E1", value: null, valueFrom: { fieldRef: { fieldPath: "status.podIP" } } }] }] } }),
  pod("containers: ports by containerPort", { spec: { containers: [{ name: "a", ports: [{ containerPort: 8080, name: "http" }, { containerPort: 80, protocol: "TCP" }] }] } }),
  pod("containers: volumeMounts by mountPath", { spec: { containers: [{ name: "a", volumeMounts: [{ name: "w", mountPath: "/b" }] }] } }),
  pod("containers: list of strings instead", { spec: { containers: ["a"] } }),
  pod("containers: object instead of list", { spec: { containers: { name: "a" } } }),
  pod("initContainers: merge", { spec: { initContainers: [{ name: "i", image: "z2" }, { name: "j", image: "q" }] } }),
  pod("ephemeralContainers: added where missing", { spec: { ephemeralContainers: [{ name: "e", image: "dbg", env: [{ name: "X", value: null }] }] } }),
  pod("new container with a nested directive", { spec: { containers: [{ name: "c", "$setElementOrder/env": [{ name: "A" }], env: [{ name: "A", value: "1" }] }] } }),
  // volumes and $retainKeys
  pod("volumes: $retainKeys switches the source", { spec: { volumes: [{ name: "w", $retainKeys: ["name", "secret"], secret: { secretName: "s" } }] } }),
  pod("volumes: $retainKeys missing a patched key", { spec: { volumes: [{ name: "w", $retainKeys: ["name"], secret: { secretName: "s" } }] } }),
  pod("status: $retainKeys", { status: { $retainKeys: ["phase", "conditions"], phase: "Running" } }),
  // finalizers
  pod("finalizers: add", { metadata: { finalizers: ["d", "e"] } }),
  pod("finalizers: add existing and new", { metadata: { finalizers: ["d", "b"] } }),
  pod("finalizers: empty list changes nothing", { metadata: { finalizers: [] } }),
  pod("finalizers: $deleteFromPrimitiveList", { metadata: { "$deleteFromPrimitiveList/finalizers": ["b", "z"] } }),
  pod("finalizers: $deleteFromPrimitiveList everything", { metadata: { "$deleteFromPrimitiveList/finalizers": ["a", "b", "c"] } }),
  pod("finalizers: $setElementOrder", { metadata: { "$setElementOrder/finalizers": ["c", "a", "b"] } }),
  pod("finalizers: $setElementOrder with additions", { metadata: { "$setElementOrder/finalizers": ["c", "x", "a", "b"], finalizers: ["x"] } }),
  pod("finalizers: null", { metadata: { finalizers: null } }),
  pod("finalizers: mixed types", { metadata: { finalizers: ["d", 1] } }),
  pod("finalizers: added where missing", { metadata: { finalizers: ["x"] } }),
  // metadata
  pod("ownerReferences: by uid", { metadata: { ownerReferences: [{ uid: "u1", controller: true }, { apiVersion: "v1", kind: "Node", name: "n", uid: "u2" }] } }),
  pod("labels and annotations", { metadata: { labels: { app: null, new: "x" }, annotations: null } }),
  pod("metadata: $patch replace", { metadata: { $patch: "replace", name: "p", namespace: "default" } }),
  pod("metadata: $patch merge is an error", { metadata: { $patch: "merge" } }),
  pod("deletionTimestamp", { metadata: { deletionTimestamp: now, deletionGracePeriodSeconds: 0 } }),
  // status shapes
  pod("status: $patch delete", { status: { $patch: "delete" } }),
  pod("status: null", { status: null }),
  pod("status: new keys, nulls dropped", { status: { qosClass: "BestEffort", message: null, resize: { a: null, b: 1 } } }),
  pod("status: scalar type changes", { status: { phase: 1, podIP: { ip: "x" } } }),
  pod("podIPs: merge by ip", { status: { podIPs: [{ ip: "fd00::1" }] } }),
  pod("hostIPs: patch order first", { status: { hostIPs: [{ ip: "2.2.2.2" }, { ip: "1.1.1.1" }] } }),
  pod("__proto__ and constructor are data", JSON.parse('{"status":{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}}') as unknown),
  pod("nothing", {}),
  pod("null patch changes nothing", null),
  pod("array patch is invalid", []),
  pod("string patch is invalid", "x"),
  { name: "bare pod: lists added where missing", object: bare, patch: { metadata: { finalizers: ["f"] }, status: { conditions: [{ type: "Ready", status: "True", reason: null }], podIPs: [{ ip: "1.2.3.4" }] } } },
  { name: "bare pod: $setElementOrder of a missing list", object: bare, patch: { status: { "$setElementOrder/conditions": [{ type: "Ready" }], conditions: [{ type: "Ready", status: "True" }] } } },
  { name: "bare pod: $deleteFromPrimitiveList of a missing list", object: bare, patch: { metadata: { "$deleteFromPrimitiveList/finalizers": ["f"] } } },
  // Node
  node("conditions: Ready", { status: { conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", lastHeartbeatTime: now }] } }),
  node("conditions: all, new order", {
    status: {
      conditions: [
        { type: "MemoryPressure", status: "False", lastHeartbeatTime: now },
        { type: "PIDPressure", status: "False", lastHeartbeatTime: now },
        { type: "Ready", status: "True", lastHeartbeatTime: now },
      ],
    },
  }),
  node("conditions: $patch replace", { status: { conditions: [{ type: "Ready", status: "True" }, { $patch: "replace" }] } }),
  node("addresses: update and add", { status: { addresses: [{ type: "InternalIP", address: "10.0.0.9" }, { type: "ExternalIP", address: "1.2.3.4" }] } }),
  node("addresses: $patch delete", { status: { addresses: [{ type: "Hostname", $patch: "delete" }] } }),
  node("addresses: $setElementOrder", { status: { "$setElementOrder/addresses": [{ type: "Hostname" }, { type: "InternalIP" }] } }),
  node("addresses: element without type", { status: { addresses: [{ address: "x" }] } }),
  node("taints: replaced whole", { spec: { taints: [{ key: "b", effect: "NoExecute" }] } }),
  node("taints: null", { spec: { taints: null, unschedulable: true } }),
  node("images: replaced whole", { status: { images: [{ names: ["img:b"], sizeBytes: 2 }] } }),
  node("volumesAttached: replaced whole", { status: { volumesAttached: [{ name: "v2", devicePath: "/b" }] } }),
  node("podCIDRs: set merge", { spec: { podCIDRs: ["10.0.1.0/24"] } }),
  node("podCIDRs: $deleteFromPrimitiveList", { spec: { "$deleteFromPrimitiveList/podCIDRs": ["10.0.0.0/24"] } }),
  node("podCIDRs: $setElementOrder", { spec: { "$setElementOrder/podCIDRs": ["10.0.1.0/24", "10.0.0.0/24"], podCIDRs: ["10.0.1.0/24"] } }),
  node("capacity and allocatable", { status: { capacity: { cpu: "8", "nvidia.com/gpu": "1" }, allocatable: { memory: null } } }),
  node("nodeInfo and daemonEndpoints", { status: { nodeInfo: { kubeletVersion: "v1.32.0", osImage: "" }, daemonEndpoints: { kubeletEndpoint: { Port: 0 } } } }),
  node("status: $retainKeys", { status: { $retainKeys: ["conditions", "phase"], conditions: [{ type: "Ready", status: "True" }] } }),
  node("labels", { metadata: { labels: { type: null, "node.kubernetes.io/exclude": "" } } }),
  node("KWOK node-initialize", {
    status: {
      allocatable: { cpu: "32", memory: "256Gi", pods: "110" },
      capacity: { cpu: "32", memory: "256Gi", pods: "110" },
      nodeInfo: { architecture: "amd64", bootID: "", containerRuntimeVersion: "kwok", kernelVersion: "kwok", kubeProxyVersion: "fake", kubeletVersion: "fake", machineID: "", operatingSystem: "linux", osImage: "", systemUUID: "" },
      phase: "Running",
      addresses: [{ type: "InternalIP", address: "10.0.0.2" }],
      conditions: [
        { lastHeartbeatTime: now, lastTransitionTime: now, message: "kubelet is posting ready status", reason: "KubeletReady", status: "True", type: "Ready" },
        { lastHeartbeatTime: now, lastTransitionTime: now, message: "kubelet has sufficient memory available", reason: "KubeletHasSufficientMemory", status: "False", type: "MemoryPressure" },
        { lastHeartbeatTime: now, lastTransitionTime: now, message: "kubelet has no disk pressure", reason: "KubeletHasNoDiskPressure", status: "False", type: "DiskPressure" },
        { lastHeartbeatTime: now, lastTransitionTime: now, message: "kubelet has sufficient PID available", reason: "KubeletHasSufficientPID", status: "False", type: "PIDPressure" },
        { lastHeartbeatTime: now, lastTransitionTime: now, message: "RouteController created a route", reason: "RouteCreated", status: "False", type: "NetworkUnavailable" },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    },
  }),
  {
    name: "pod: unknown field on both sides",
    object: { ...POD, spec: { ...POD.spec, extra: { a: 1 } } },
    patch: { spec: { extra: { b: 2 } } },
  },
  { name: "pvc: bound, conditions by type", object: PVC, patch: { status: { phase: "Bound", conditions: [{ type: "FileSystemResizePending", status: "True" }], capacity: { storage: "1Gi" } } } },
  { name: "pvc: accessModes replaced, finalizer added", object: PVC, patch: { spec: { accessModes: ["ReadWriteMany"] }, metadata: { finalizers: ["x"] } } },
  { name: "pv: mountOptions replaced, released", object: PV, patch: { spec: { mountOptions: ["b"], claimRef: null }, status: { phase: "Released" } } },
  { name: "lease: renew and owner by uid", object: LEASE, patch: { spec: { renewTime: "2006-01-02T15:05:05.000000Z" }, metadata: { ownerReferences: [{ uid: "u1", controller: true }] } } },
  node("whole-object $patch replace at the top", { $patch: "replace", apiVersion: "v1", kind: "Node", metadata: { name: "n" } }),
];

/** mulberry32, for reproducible generated cases. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(r: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function subset<T>(r: () => number, items: readonly T[]): T[] {
  return shuffled(r, items).slice(0, Math.floor(r() * (items.length + 1)));
}

/** A random list patch by merge key: updates, new items, deletions, nulls, optionally an order directive. */
function keyedListPatch(r: () => number, key: string, names: readonly string[], field: string): Record<string, unknown> {
  const chosen = subset(r, names);
  const items = chosen.map((name) => {
    const x = r();
    if (x < 0.15) return { [key]: name, $patch: "delete" };
    if (x < 0.3) return { [key]: name, status: null, reason: "R" };
    return { [key]: name, status: r() < 0.5 ? "True" : "False" };
  });
  const out: Record<string, unknown> = { [field]: items };
  if (r() < 0.3) {
    const order = shuffled(r, names).filter((n) => chosen.includes(n) || r() < 0.5);
    const kept = items.filter((i) => i["$patch"] === undefined).map((i) => i[key]);
    const sorted = [...kept].sort((a, b) => order.indexOf(a as string) - order.indexOf(b as string));
    out[field] = [...sorted.map((n) => items.find((i) => i[key] === n && i["$patch"] === undefined)), ...items.filter((i) => i["$patch"] !== undefined)];
    out[`$setElementOrder/${field}`] = order.filter((n) => kept.includes(n) || !chosen.includes(n)).map((n) => ({ [key]: n }));
  }
  if (r() < 0.1) (out[field] as unknown[]).push({ $patch: "replace" });
  return out;
}

/** A random finalizer patch: a set merge, a deletion list or an order directive (never two at once). */
function finalizerPatch(r: () => number): Record<string, unknown> {
  const x = r();
  if (x < 0.4) return { finalizers: subset(r, ["a", "b", "c", "d", "e"]) };
  if (x < 0.7) return { "$deleteFromPrimitiveList/finalizers": subset(r, ["a", "b", "c", "x"]) };
  const extra = subset(r, ["d", "e"]);
  return { "$setElementOrder/finalizers": shuffled(r, ["a", "b", "c", ...extra]), finalizers: extra };
}

/** Seeded random Pod and Node patches over the merge-keyed lists. */
export function generatedStrategicCases(count: number, seed: number): StrategicCase[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    if (r() < 0.35) {
      const status = keyedListPatch(r, "type", ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"], "conditions");
      if (r() < 0.5) Object.assign(status, keyedListPatch(r, "type", ["InternalIP", "Hostname", "ExternalIP"], "addresses"));
      for (const a of (status["addresses"] as Record<string, unknown>[] | undefined) ?? []) if (a["$patch"] === undefined && a["status"] !== undefined) a["address"] = a["status"] === "True" ? "1.1.1.1" : "2.2.2.2";
      return { name: `generated node ${i}`, object: NODE, patch: { status } };
    }
    const patch: Record<string, unknown> = {};
    if (r() < 0.7) patch["status"] = keyedListPatch(r, "type", ["PodScheduled", "Initialized", "Ready", "ContainersReady"], "conditions");
    if (r() < 0.5) patch["metadata"] = finalizerPatch(r);
    if (r() < 0.4) patch["spec"] = keyedListPatch(r, "name", ["a", "b", "c"], "containers");
    return { name: `generated pod ${i}`, object: POD, patch };
  });
}
