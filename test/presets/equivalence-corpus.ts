/**
 * Generated Node and Pod objects for comparing the presets with KWOK's stage sets: every
 * combination of the node features below, and a deterministic sample of pod combinations
 * covering each lifecycle phase, terminating pods, finalizers, owners and annotations.
 */

/** One input object, with a readable id. */
export interface CorpusCase {
  readonly id: string;
  readonly object: Record<string, unknown>;
  /** Set when the preset is known to behave differently from KWOK on this input (the reason). */
  readonly difference?: string;
}

const CREATED = "2006-01-02T14:00:00Z";

type Json = Record<string, unknown>;

const NODE_CONDITIONS: Record<string, Json[] | undefined> = {
  none: undefined,
  empty: [],
  readyTrue: [{ type: "Ready", status: "True" }],
  readyFalse: [{ type: "Ready", status: "False", reason: "KubeletNotReady" }],
  readyUnknown: [{ type: "Ready", status: "Unknown" }],
  pressureOnly: [{ type: "MemoryPressure", status: "False" }],
  readyTrueAndPressure: [
    { type: "MemoryPressure", status: "True" },
    { type: "Ready", status: "True" },
  ],
};

const NODE_ADDRESSES: Record<string, Json[] | undefined> = {
  none: undefined,
  internal: [{ type: "InternalIP", address: "10.9.0.1" }],
  hostname: [{ type: "Hostname", address: "worker-1" }],
  both: [
    { type: "Hostname", address: "worker-1" },
    { type: "InternalIP", address: "10.9.0.1" },
  ],
  external: [{ type: "ExternalIP", address: "203.0.113.5" }],
};

const NODE_PHASES = [undefined, "Pending", "Running"] as const;

function nodeStatus(conditions: string, addresses: string, phase: string | undefined, full: boolean): Json | undefined {
  const status: Json = {};
  if (phase !== undefined) status.phase = phase;
  const c = NODE_CONDITIONS[conditions];
  if (c !== undefined) status.conditions = c;
  const a = NODE_ADDRESSES[addresses];
  if (a !== undefined) status.addresses = a;
  if (full) {
    status.allocatable = { cpu: "4", memory: "16Gi", pods: "110", "ephemeral-storage": "100Gi" };
    status.capacity = { cpu: "4", memory: "16Gi", pods: 110 };
    status.nodeInfo = { architecture: "arm64", kubeletVersion: "v1.31.2", osImage: "Debian GNU/Linux 12", bootID: "b-1" };
    status.daemonEndpoints = { kubeletEndpoint: { Port: 10250 } };
  }
  return Object.keys(status).length === 0 ? undefined : status;
}

/**
 * Every combination of conditions × addresses × phase × (resources and nodeInfo or not) ×
 * (creationTimestamp or not), plus a few odd shapes.
 *
 * @returns the node cases
 */
export function nodeCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const conditions of Object.keys(NODE_CONDITIONS)) {
    for (const addresses of Object.keys(NODE_ADDRESSES)) {
      for (const phase of NODE_PHASES) {
        for (const full of [false, true]) {
          for (const created of [false, true]) {
            const id = `node-${conditions}-${addresses}-${phase ?? "nophase"}-${full ? "full" : "bare"}-${created ? "created" : "new"}`;
            const metadata: Json = { name: id.toLowerCase() };
            if (created) metadata.creationTimestamp = CREATED;
            const status = nodeStatus(conditions, addresses, phase, full);
            cases.push({ id, object: { apiVersion: "v1", kind: "Node", metadata, ...(status === undefined ? {} : { status }) } });
          }
        }
      }
    }
  }
  cases.push(
    { id: "node-status-empty", object: { apiVersion: "v1", kind: "Node", metadata: { name: "a" }, status: {} } },
    { id: "node-status-null", object: { apiVersion: "v1", kind: "Node", metadata: { name: "b" }, status: null } },
    {
      id: "node-labels-annotations",
      object: { apiVersion: "v1", kind: "Node", metadata: { name: "c", labels: { "type": "kwok" }, annotations: { "kwok.x-k8s.io/node": "fake" } } },
    },
    {
      id: "node-ready-string-true-lowercase",
      object: { apiVersion: "v1", kind: "Node", metadata: { name: "d" }, status: { phase: "Running", conditions: [{ type: "Ready", status: "true" }] } },
    },
    {
      id: "node-info-numeric-looking-version",
      object: { apiVersion: "v1", kind: "Node", metadata: { name: "e" }, status: { nodeInfo: { kernelVersion: "5.10", osImage: "yes" } } },
      difference: "nodeInfo values are quoted: KWOK writes them unquoted, so `5.10` becomes the number 5.1 and `yes` the boolean true",
    },
  );
  return cases;
}

const CONTAINER_SETS: Record<string, Json[]> = {
  one: [{ name: "app", image: "app:1" }],
  two: [
    { name: "app", image: "app:1" },
    { name: "sidecar", image: "proxy:2" },
  ],
};

const INIT_SETS: Record<string, Json[] | undefined> = {
  none: undefined,
  empty: [],
  one: [{ name: "migrate", image: "tools:1" }],
  two: [
    { name: "migrate", image: "tools:1" },
    { name: "seed", image: "tools:2" },
  ],
};

const AT = "2006-01-02T15:04:00Z";

function statuses(containers: readonly Json[], state: Json, ready: boolean): Json[] {
  return containers.map((c) => ({ name: c.name, image: c.image, ready, restartCount: 0, state }));
}

/** The pod's status at each point of its life, as the stages leave it. */
function podStatus(phase: string, containers: readonly Json[], init: readonly Json[] | undefined): Json | undefined {
  const hasInit = init !== undefined && init.length > 0;
  const initStatuses = (state: Json): Json => (hasInit ? { initContainerStatuses: statuses(init, state, false) } : {});
  switch (phase) {
    case "none":
      return undefined;
    case "pending":
      return { phase: "Pending" };
    case "created":
      return {
        phase: "Pending",
        podIP: "10.0.0.2",
        hostIP: "10.9.0.1",
        conditions: [
          { type: "Initialized", status: hasInit ? "False" : "True" },
          { type: "Ready", status: "False" },
          { type: "ContainersReady", status: "False" },
        ],
        ...initStatuses({ waiting: { reason: "PodInitializing" } }),
        containerStatuses: statuses(containers, { waiting: { reason: hasInit ? "PodInitializing" : "ContainerCreating" } }, false),
      };
    case "init-running":
      return {
        phase: "Pending",
        podIP: "10.0.0.2",
        conditions: [{ type: "Initialized", status: "False" }],
        ...initStatuses({ running: { startedAt: AT } }),
        containerStatuses: statuses(containers, { waiting: { reason: "PodInitializing" } }, false),
      };
    case "initialized":
      return {
        phase: "Pending",
        podIP: "10.0.0.2",
        conditions: [{ type: "Initialized", status: "True" }],
        ...initStatuses({ terminated: { exitCode: 0, reason: "Completed" } }),
        containerStatuses: statuses(containers, { waiting: { reason: "ContainerCreating" } }, false),
      };
    case "running":
      return {
        phase: "Running",
        podIP: "10.0.0.2",
        conditions: [
          { type: "Initialized", status: "True" },
          { type: "Ready", status: "True" },
          { type: "ContainersReady", status: "True" },
        ],
        containerStatuses: statuses(containers, { running: { startedAt: AT } }, true),
      };
    case "running-not-ready":
      return {
        phase: "Running",
        podIP: "10.0.0.2",
        conditions: [{ type: "Ready", status: "False" }],
        containerStatuses: statuses(containers, { running: { startedAt: AT } }, false),
      };
    case "succeeded":
      return { phase: "Succeeded", podIP: "10.0.0.2", containerStatuses: statuses(containers, { terminated: { exitCode: 0 } }, false) };
    case "failed":
      return { phase: "Failed", podIP: "10.0.0.2", containerStatuses: statuses(containers, { terminated: { exitCode: 1 } }, false) };
    default:
      throw new Error(phase);
  }
}

const POD_PHASES = ["none", "pending", "created", "init-running", "initialized", "running", "running-not-ready", "succeeded", "failed"];
const DELETIONS = [undefined, "2006-01-02T15:04:05Z", "2006-01-02T15:04:35Z", "2006-01-02T15:00:00Z", "2006-01-02T16:00:00Z"];
const FINALIZERS: readonly (readonly string[] | undefined)[] = [undefined, ["example.com/a"], ["example.com/a", "example.com/b"], []];
const OWNERS: Record<string, Json[] | undefined> = {
  none: undefined,
  job: [{ apiVersion: "batch/v1", kind: "Job", name: "j", uid: "u-1" }],
  replicaset: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "r", uid: "u-2" }],
  both: [
    { apiVersion: "apps/v1", kind: "ReplicaSet", name: "r", uid: "u-2" },
    { apiVersion: "batch/v1", kind: "Job", name: "j", uid: "u-1" },
  ],
};
const KWOK_STAGES = ["pod-create", "pod-init-container-running", "pod-init-container-completed", "pod-ready", "pod-complete", "pod-delete"];
const ANNOTATION_SETS: Record<string, (stage: string) => Record<string, string> | undefined> = {
  none: () => undefined,
  delay: (s) => ({ [`${s}.stage.kwok.x-k8s.io/delay`]: "30s" }),
  jitter: (s) => ({ [`${s}.stage.kwok.x-k8s.io/delay`]: "10s", [`${s}.stage.kwok.x-k8s.io/jitter-delay`]: "1m30s" }),
  weight: (s) => ({ [`${s}.stage.kwok.x-k8s.io/weight`]: "7" }),
  zeroWeight: (s) => ({ [`${s}.stage.kwok.x-k8s.io/weight`]: "0" }),
  badValues: (s) => ({ [`${s}.stage.kwok.x-k8s.io/delay`]: "soon", [`${s}.stage.kwok.x-k8s.io/weight`]: "heavy" }),
  emptyDelay: (s) => ({ [`${s}.stage.kwok.x-k8s.io/delay`]: "" }),
  timestamps: (s) => ({ [`${s}.stage.kwok.x-k8s.io/delay`]: "2006-01-02T15:05:05Z", [`${s}.stage.kwok.x-k8s.io/jitter-delay`]: "2006-01-02T15:06:05Z" }),
  unrelated: () => ({ "example.com/team": "payments" }),
};

/** A tiny deterministic generator (mulberry32), so the sample is the same on every run. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

function pick<T>(next: (n: number) => number, list: readonly T[]): T {
  return list[next(list.length)] as T;
}

interface PodChoice {
  phase: string;
  containers: string;
  init: string;
  deletion: string | undefined;
  finalizers: readonly string[] | undefined;
  owners: string;
  annotations: string;
  annotationStage: string;
  gates: boolean;
  hostNetwork: boolean;
  identity: boolean;
}

function podCase(n: number, c: PodChoice): CorpusCase {
  const containers = CONTAINER_SETS[c.containers] ?? [];
  const init = INIT_SETS[c.init];
  const name = `pod-${n}`;
  const metadata: Json = { name };
  if (c.identity) {
    metadata.namespace = "team-a";
    metadata.uid = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
    metadata.creationTimestamp = CREATED;
  }
  if (c.deletion !== undefined) metadata.deletionTimestamp = c.deletion;
  if (c.finalizers !== undefined) metadata.finalizers = [...c.finalizers];
  const owners = OWNERS[c.owners];
  if (owners !== undefined) metadata.ownerReferences = owners;
  const annotations = ANNOTATION_SETS[c.annotations]?.(c.annotationStage);
  if (annotations !== undefined) metadata.annotations = annotations;
  const spec: Json = { nodeName: "node-0", containers, restartPolicy: c.owners === "job" ? "Never" : "Always" };
  if (init !== undefined) spec.initContainers = init;
  if (c.gates) spec.readinessGates = [{ conditionType: "example.com/ready" }];
  if (c.hostNetwork) spec.hostNetwork = true;
  const status = podStatus(c.phase, containers, init);
  const id = `${name}:${c.phase}/${c.containers}c/${c.init}i/del=${c.deletion ?? "-"}/fin=${c.finalizers?.length ?? "-"}/own=${c.owners}/ann=${c.annotations}:${c.annotationStage}`;
  return { id, object: { apiVersion: "v1", kind: "Pod", metadata, spec, ...(status === undefined ? {} : { status }) } };
}

/**
 * Pods: every lifecycle phase × init-container set × terminating or not (each once), then a
 * seeded sample of the other features (owners, finalizers, annotations for each KWOK stage,
 * readiness gates, host network), plus pods whose status lists fewer containers than the spec.
 *
 * @param sample - how many random combinations to add
 * @returns the pod cases
 */
export function podCorpus(sample = 600): CorpusCase[] {
  const cases: CorpusCase[] = [];
  let n = 0;
  const base: PodChoice = {
    phase: "none",
    containers: "one",
    init: "none",
    deletion: undefined,
    finalizers: undefined,
    owners: "none",
    annotations: "none",
    annotationStage: "pod-create",
    gates: false,
    hostNetwork: false,
    identity: true,
  };
  for (const phase of POD_PHASES) {
    for (const init of Object.keys(INIT_SETS)) {
      for (const deletion of [undefined, DELETIONS[1]]) {
        for (const owners of ["none", "job"]) cases.push(podCase(n++, { ...base, phase, init, deletion, owners }));
      }
    }
  }
  const next = rng(20060102);
  for (let i = 0; i < sample; i++) {
    cases.push(
      podCase(n++, {
        phase: pick(next, POD_PHASES),
        containers: pick(next, Object.keys(CONTAINER_SETS)),
        init: pick(next, Object.keys(INIT_SETS)),
        deletion: next(3) === 0 ? pick(next, DELETIONS) : undefined,
        finalizers: pick(next, FINALIZERS),
        owners: pick(next, Object.keys(OWNERS)),
        annotations: pick(next, Object.keys(ANNOTATION_SETS)),
        annotationStage: pick(next, KWOK_STAGES),
        gates: next(4) === 0,
        hostNetwork: next(5) === 0,
        identity: next(2) === 0,
      }),
    );
  }
  // The status lists fewer containers than the spec: KWOK's templates look up
  // `index .status.containerStatuses $i` (and the init-container equivalent) and fail; the preset
  // does not read the old status and writes the new one.
  const short = (id: string, object: Json): CorpusCase => ({
    id,
    object,
    difference: "KWOK's template fails on `index` of a status list shorter than the spec; the preset succeeds",
  });
  const two = CONTAINER_SETS.two ?? [];
  cases.push(
    short("pod-running-job-no-container-statuses", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "short-1", ownerReferences: OWNERS.job },
      spec: { nodeName: "node-0", containers: two },
      status: { phase: "Running", podIP: "10.0.0.3", conditions: [{ type: "Ready", status: "True" }] },
    }),
    short("pod-initialized-one-container-status", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "short-2" },
      spec: { nodeName: "node-0", containers: two },
      status: { phase: "Pending", podIP: "10.0.0.3", conditions: [{ type: "Initialized", status: "True" }], containerStatuses: [{ name: "app", state: { waiting: {} } }] },
    }),
    short("pod-init-waiting-one-init-status", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "short-3" },
      spec: { nodeName: "node-0", containers: two, initContainers: INIT_SETS.two },
      status: { phase: "Pending", podIP: "10.0.0.3", initContainerStatuses: [{ name: "migrate", state: { waiting: { reason: "PodInitializing" } } }] },
    }),
  );
  return cases;
}
