/**
 * The resources the front serves: the built-in table plus the versions of every established
 * CustomResourceDefinition, looked up by URL segment or by kind.
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { BUILT_IN_RESOURCES, type ServedResource } from "./resources.js";

/** A group and the versions it serves, preferred (first registered) version first. */
export interface ServedGroup {
  /** The group name (`""` for core). */
  readonly name: string;
  /** Its versions. */
  readonly versions: readonly string[];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * The resources a CustomResourceDefinition defines (one per served version), or an empty list
 * when its spec lacks a group, names or versions.
 *
 * @param crd - the CustomResourceDefinition
 * @returns the resources
 */
export function resourcesOfCrd(crd: KubeObject): ServedResource[] {
  const spec = (crd["spec"] ?? {}) as Record<string, unknown>;
  const names = (spec["names"] ?? {}) as Record<string, unknown>;
  const group = str(spec["group"]);
  const kind = str(names["kind"]);
  const plural = str(names["plural"]);
  if (group === undefined || kind === undefined || plural === undefined || !Array.isArray(spec["versions"])) return [];
  const out: ServedResource[] = [];
  for (const v of spec["versions"] as unknown[]) {
    if (typeof v !== "object" || v === null) continue;
    const version = v as Record<string, unknown>;
    const name = str(version["name"]);
    if (name === undefined || version["served"] === false) continue;
    const sub = (version["subresources"] ?? {}) as Record<string, unknown>;
    out.push({
      group,
      version: name,
      kind,
      plural,
      singular: str(names["singular"]) ?? kind.toLowerCase(),
      namespaced: spec["scope"] !== "Cluster",
      shortNames: strings(names["shortNames"]),
      subresources: typeof sub === "object" && sub !== null && "status" in sub ? ["status"] : [],
      categories: strings(names["categories"]),
    });
  }
  return out;
}

/**
 * The served resources: the built-in ones and those of CustomResourceDefinitions (which may
 * not redefine a built-in resource).
 */
export class ResourceRegistry {
  private readonly builtIn: readonly ServedResource[];
  private readonly crds = new Map<string, readonly ServedResource[]>();

  /** @param builtIn - the built-in resources */
  constructor(builtIn: readonly ServedResource[] = BUILT_IN_RESOURCES) {
    this.builtIn = builtIn;
  }

  /** Every served resource, built-in first, then CRDs by name. */
  all(): ServedResource[] {
    const out = [...this.builtIn];
    for (const name of [...this.crds.keys()].sort()) out.push(...(this.crds.get(name) ?? []));
    return out;
  }

  /** Serves (or stops serving, with an empty list) the resources of the CRD named `name`. */
  setCrd(name: string, resources: readonly ServedResource[]): void {
    const allowed = resources.filter((r) => !this.builtIn.some((b) => b.group === r.group && b.version === r.version && b.plural === r.plural));
    if (allowed.length === 0) this.crds.delete(name);
    else this.crds.set(name, allowed);
  }

  /** The resource at `/api(s)/{group}/{version}/{plural}`. */
  find(group: string, version: string, plural: string): ServedResource | undefined {
    return this.all().find((r) => r.group === group && r.version === version && r.plural === plural);
  }

  /** The resource of an `apiVersion` and `kind`. */
  byKind(group: string, version: string, kind: string): ServedResource | undefined {
    return this.all().find((r) => r.group === group && r.version === version && r.kind === kind);
  }

  /** The scope of a served kind, for the memory store's `scopes` option (`undefined`: not served). */
  scopeOf(type: { readonly apiVersion: string; readonly kind: string }): "Cluster" | "Namespaced" | undefined {
    const slash = type.apiVersion.indexOf("/");
    const group = slash < 0 ? "" : type.apiVersion.slice(0, slash);
    const resource = this.byKind(group, type.apiVersion.slice(slash + 1), type.kind);
    return resource === undefined ? undefined : resource.namespaced ? "Namespaced" : "Cluster";
  }

  /** Whether a group version is served. */
  hasGroupVersion(group: string, version: string): boolean {
    return this.all().some((r) => r.group === group && r.version === version);
  }

  /** The resources of one group version. */
  ofGroupVersion(group: string, version: string): ServedResource[] {
    return this.all().filter((r) => r.group === group && r.version === version);
  }

  /** The non-core groups, in order of first appearance, each with its versions. */
  groups(): ServedGroup[] {
    const out = new Map<string, string[]>();
    for (const r of this.all()) {
      if (r.group === "") continue;
      const versions = out.get(r.group) ?? [];
      if (!versions.includes(r.version)) versions.push(r.version);
      out.set(r.group, versions);
    }
    return [...out].map(([name, versions]) => ({ name, versions }));
  }
}
