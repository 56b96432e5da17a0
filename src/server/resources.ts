/**
 * What the front serves: one entry per resource (group, version, plural, kind, scope, short
 * names, subresources), and the built-in table of kinds the simulator uses.
 *
 * @module
 */

/**
 * One served resource, as discovery describes it.
 *
 * @category Server
 */
export interface ServedResource {
  /** API group (`""` for the core group). */
  readonly group: string;
  /** Version (`v1`, `v1alpha1`, …). */
  readonly version: string;
  /** Kind (`Pod`). */
  readonly kind: string;
  /** Lower-case plural (`pods`). */
  readonly plural: string;
  /** Lower-case singular (`pod`). */
  readonly singular: string;
  /** Whether objects live in a namespace. */
  readonly namespaced: boolean;
  /** Short names (`po`). */
  readonly shortNames: readonly string[];
  /** Subresources served (`status`). */
  readonly subresources: readonly string[];
  /** Categories (`all`). */
  readonly categories: readonly string[];
}

/** The verbs every served resource supports. */
export const VERBS: readonly string[] = ["create", "delete", "get", "list", "patch", "update", "watch"];

/** The `apiVersion` of a resource (`v1`, `apps/v1`). */
export function apiVersionOf(resource: Pick<ServedResource, "group" | "version">): string {
  return resource.group === "" ? resource.version : `${resource.group}/${resource.version}`;
}

interface Row {
  readonly gv: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
  readonly short?: readonly string[];
  readonly status?: boolean;
  readonly all?: boolean;
}

const ROWS: readonly Row[] = [
  { gv: "v1", kind: "Pod", plural: "pods", namespaced: true, short: ["po"], status: true, all: true },
  { gv: "v1", kind: "Node", plural: "nodes", namespaced: false, short: ["no"], status: true },
  { gv: "v1", kind: "Namespace", plural: "namespaces", namespaced: false, short: ["ns"], status: true },
  { gv: "v1", kind: "Event", plural: "events", namespaced: true, short: ["ev"] },
  { gv: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true, short: ["cm"] },
  { gv: "v1", kind: "Secret", plural: "secrets", namespaced: true },
  { gv: "v1", kind: "Service", plural: "services", namespaced: true, short: ["svc"], status: true, all: true },
  { gv: "v1", kind: "Endpoints", plural: "endpoints", namespaced: true, short: ["ep"] },
  { gv: "v1", kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true, short: ["sa"] },
  { gv: "v1", kind: "PersistentVolume", plural: "persistentvolumes", namespaced: false, short: ["pv"], status: true },
  { gv: "v1", kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims", namespaced: true, short: ["pvc"], status: true },
  { gv: "v1", kind: "ResourceQuota", plural: "resourcequotas", namespaced: true, short: ["quota"], status: true },
  { gv: "v1", kind: "LimitRange", plural: "limitranges", namespaced: true, short: ["limits"] },
  { gv: "v1", kind: "ReplicationController", plural: "replicationcontrollers", namespaced: true, short: ["rc"], status: true, all: true },
  { gv: "coordination.k8s.io/v1", kind: "Lease", plural: "leases", namespaced: true },
  { gv: "events.k8s.io/v1", kind: "Event", plural: "events", namespaced: true, short: ["ev"] },
  { gv: "apps/v1", kind: "Deployment", plural: "deployments", namespaced: true, short: ["deploy"], status: true, all: true },
  { gv: "apps/v1", kind: "ReplicaSet", plural: "replicasets", namespaced: true, short: ["rs"], status: true, all: true },
  { gv: "apps/v1", kind: "StatefulSet", plural: "statefulsets", namespaced: true, short: ["sts"], status: true, all: true },
  { gv: "apps/v1", kind: "DaemonSet", plural: "daemonsets", namespaced: true, short: ["ds"], status: true, all: true },
  { gv: "batch/v1", kind: "Job", plural: "jobs", namespaced: true, status: true, all: true },
  { gv: "batch/v1", kind: "CronJob", plural: "cronjobs", namespaced: true, short: ["cj"], status: true, all: true },
  { gv: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", plural: "customresourcedefinitions", namespaced: false, short: ["crd", "crds"], status: true },
];

function fromRow(row: Row): ServedResource {
  const slash = row.gv.indexOf("/");
  return {
    group: slash < 0 ? "" : row.gv.slice(0, slash),
    version: slash < 0 ? row.gv : row.gv.slice(slash + 1),
    kind: row.kind,
    plural: row.plural,
    singular: row.kind.toLowerCase(),
    namespaced: row.namespaced,
    shortNames: row.short ?? [],
    subresources: row.status === true ? ["status"] : [],
    categories: row.all === true ? ["all"] : [],
  };
}

/**
 * The built-in resources: the core kinds the simulator uses (Pod, Node, Namespace, Event,
 * ConfigMap, Secret, Service, ServiceAccount, PersistentVolume(Claim), …), Lease, events.k8s.io
 * Event, the apps/v1 workloads, batch/v1 Job and CronJob, and CustomResourceDefinition. KWOK's
 * Stage is not among them: as on a real API server it is served once its CustomResourceDefinition
 * is created and Established.
 *
 * @category Server
 */
export const BUILT_IN_RESOURCES: readonly ServedResource[] = ROWS.map(fromRow);
