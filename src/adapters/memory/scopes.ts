/**
 * Which kinds are cluster-scoped. Keys are `Kind` for the core group and `Kind.group` otherwise.
 *
 * @module
 */
import type { ResourceType } from "../../store/types.js";

/**
 * The scope of a kind.
 *
 * @category Memory store
 */
export type ResourceScope = "Cluster" | "Namespaced";

const CLUSTER_KINDS: readonly string[] = [
  "Node",
  "Namespace",
  "PersistentVolume",
  "ComponentStatus",
  "ClusterRole.rbac.authorization.k8s.io",
  "ClusterRoleBinding.rbac.authorization.k8s.io",
  "StorageClass.storage.k8s.io",
  "CSINode.storage.k8s.io",
  "CSIDriver.storage.k8s.io",
  "VolumeAttachment.storage.k8s.io",
  "VolumeAttributesClass.storage.k8s.io",
  "CustomResourceDefinition.apiextensions.k8s.io",
  "PriorityClass.scheduling.k8s.io",
  "RuntimeClass.node.k8s.io",
  "APIService.apiregistration.k8s.io",
  "MutatingWebhookConfiguration.admissionregistration.k8s.io",
  "ValidatingWebhookConfiguration.admissionregistration.k8s.io",
  "ValidatingAdmissionPolicy.admissionregistration.k8s.io",
  "ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io",
  "CertificateSigningRequest.certificates.k8s.io",
  "FlowSchema.flowcontrol.apiserver.k8s.io",
  "PriorityLevelConfiguration.flowcontrol.apiserver.k8s.io",
  "IngressClass.networking.k8s.io",
  "IPAddress.networking.k8s.io",
  "ServiceCIDR.networking.k8s.io",
  "DeviceClass.resource.k8s.io",
  "Stage.kwok.x-k8s.io",
  "Metric.kwok.x-k8s.io",
  "ClusterAttach.kwok.x-k8s.io",
  "ClusterExec.kwok.x-k8s.io",
  "ClusterLogs.kwok.x-k8s.io",
  "ClusterPortForward.kwok.x-k8s.io",
  "ClusterResourceUsage.kwok.x-k8s.io",
];

const BUILT_IN: ReadonlySet<string> = new Set(CLUSTER_KINDS);

/**
 * The API group of an `apiVersion` (`""` for `v1`).
 *
 * @param apiVersion - `v1`, `apps/v1`, …
 * @returns the group
 */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/**
 * The scope table key of a type: `Kind` (core) or `Kind.group`.
 *
 * @param type - the type
 * @returns the key
 */
export function scopeKey(type: ResourceType): string {
  const group = groupOf(type.apiVersion);
  return group === "" ? type.kind : `${type.kind}.${group}`;
}

/**
 * Builds the scope lookup: the caller's table first (by `Kind.group`, then by bare `Kind`),
 * then the built-in list of cluster-scoped kinds; anything else is namespaced. A caller's
 * function is asked first, every time (its answer may change, e.g. as CRDs are created);
 * `undefined` from it falls through to the built-in list.
 *
 * @param overrides - the caller's table, or a function
 * @returns whether a type is cluster-scoped
 */
export function scopeResolver(overrides: Readonly<Record<string, ResourceScope>> | ((type: ResourceType) => ResourceScope | undefined) = {}): (type: ResourceType) => boolean {
  if (typeof overrides === "function") {
    const builtIn = scopeResolver();
    return (type) => {
      const scope = overrides(type);
      return scope === undefined ? builtIn(type) : scope === "Cluster";
    };
  }
  const cache = new Map<string, boolean>();
  return (type) => {
    const key = scopeKey(type);
    let cluster = cache.get(key);
    if (cluster === undefined) {
      const scope = Object.hasOwn(overrides, key) ? overrides[key] : Object.hasOwn(overrides, type.kind) ? overrides[type.kind] : undefined;
      cluster = scope === undefined ? BUILT_IN.has(key) : scope === "Cluster";
      cache.set(key, cluster);
    }
    return cluster;
  };
}
