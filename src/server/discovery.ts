/**
 * Discovery documents: `/version`, `/api`, `/apis`, `/apis/{group}` and the resource lists of
 * `/api/v1` and `/apis/{group}/{version}` (plain JSON; clients asking for aggregated discovery
 * fall back to these because the response is not typed as `APIGroupDiscoveryList`).
 *
 * @module
 */
import type { ResourceRegistry, ServedGroup } from "./registry.js";
import { VERBS } from "./resources.js";

/** The Kubernetes version the front reports. */
export const SERVED_KUBERNETES_VERSION = { major: "1", minor: "32", gitVersion: "v1.32.0-stagecraft" } as const;

/** `/version`. */
export function versionInfo(): Record<string, string> {
  return {
    ...SERVED_KUBERNETES_VERSION,
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "2026-01-01T00:00:00Z",
    goVersion: "go1.23.0",
    compiler: "gc",
    platform: `${process.platform}/${process.arch === "x64" ? "amd64" : process.arch}`,
  };
}

/** `/api`. */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }] };
}

function groupDoc(group: ServedGroup): Record<string, unknown> {
  const versions = group.versions.map((version) => ({ groupVersion: `${group.name}/${version}`, version }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

/** `/apis`. */
export function apiGroupList(registry: ResourceRegistry): Record<string, unknown> {
  return { kind: "APIGroupList", apiVersion: "v1", groups: registry.groups().map(groupDoc) };
}

/** `/apis/{group}`, or `undefined` when the group is not served. */
export function apiGroup(registry: ResourceRegistry, name: string): Record<string, unknown> | undefined {
  const group = registry.groups().find((g) => g.name === name);
  return group === undefined ? undefined : { kind: "APIGroup", apiVersion: "v1", ...groupDoc(group) };
}

/** `/api/v1` or `/apis/{group}/{version}`, or `undefined` when not served. */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): Record<string, unknown> | undefined {
  if (!registry.hasGroupVersion(group, version)) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const r of registry.ofGroupVersion(group, version)) {
    resources.push({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: [...VERBS],
      ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
      ...(r.categories.length > 0 ? { categories: r.categories } : {}),
    });
    for (const sub of r.subresources) {
      resources.push({ name: `${r.plural}/${sub}`, singularName: "", namespaced: r.namespaced, kind: r.kind, verbs: ["get", "patch", "update"] });
    }
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: group === "" ? version : `${group}/${version}`, resources };
}
