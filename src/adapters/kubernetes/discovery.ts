/**
 * API discovery: which resource (plural name) and scope serve a kind of an `apiVersion`, read
 * from the API server's group-version documents (`/api/v1`, `/apis/{group}/{version}`) and
 * cached. A miss is looked up again (at most once a second per group version), so kinds of a
 * CRD installed later become known.
 *
 * @module
 */
import { isStoreError, StatusReason, StoreError } from "../../store/errors.js";
import type { ResourceType } from "../../store/types.js";
import type { Transport } from "./transport.js";

/** How a kind is served. */
export interface ResourceInfo {
  /** The group (`""` for core). */
  readonly group: string;
  /** The version. */
  readonly version: string;
  /** The plural resource name (`pods`). */
  readonly plural: string;
  /** Whether objects live in namespaces. */
  readonly namespaced: boolean;
  /** The subresources (`status`, …). */
  readonly subresources: readonly string[];
}

interface APIResource {
  readonly name: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

interface Entry {
  readonly kinds: ReadonlyMap<string, ResourceInfo> | undefined;
  readonly at: number;
}

const MISS_TTL_MS = 1000;

/**
 * Splits an apiVersion into group and version.
 *
 * @param apiVersion - `v1`, `apps/v1`
 * @returns the group (`""` for core) and version
 */
export function splitApiVersion(apiVersion: string): { readonly group: string; readonly version: string } {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The cached discovery of one API server. */
export class Discovery {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();

  /**
   * @param transport - the connection
   * @param now - the clock
   */
  constructor(
    private readonly transport: Transport,
    private readonly now: () => number,
  ) {}

  /**
   * How a kind is served.
   *
   * @param type - apiVersion and kind
   * @returns the resource
   * @throws StoreError `NotFound` naming what the server lacks: the group version or the kind
   */
  async resolve(type: ResourceType): Promise<ResourceInfo> {
    if (type.apiVersion === "" || type.kind === "") throw new StoreError(StatusReason.BadRequest, `apiVersion and kind are required (got apiVersion "${type.apiVersion}", kind "${type.kind}")`);
    let entry = await this.entry(type.apiVersion, false);
    let info = entry.kinds?.get(type.kind);
    if (info === undefined && this.now() - entry.at >= MISS_TTL_MS) {
      entry = await this.entry(type.apiVersion, true);
      info = entry.kinds?.get(type.kind);
    }
    if (info !== undefined) return info;
    if (entry.kinds === undefined) throw await this.missingGroupVersion(type);
    const kinds = [...entry.kinds.keys()].sort();
    const crd = type.apiVersion.includes(".") ? "; is its CustomResourceDefinition installed and Established?" : "";
    throw new StoreError(StatusReason.NotFound, `the server does not serve kind ${type.kind} in ${type.apiVersion} (it serves ${kinds.length === 0 ? "no kinds" : kinds.join(", ")})${crd}`, {
      kind: type.kind,
    });
  }

  private async entry(apiVersion: string, refresh: boolean): Promise<Entry> {
    const cached = this.cache.get(apiVersion);
    if (cached !== undefined && !refresh) return cached;
    let pending = this.pending.get(apiVersion);
    if (pending === undefined) {
      pending = this.fetch(apiVersion).finally(() => this.pending.delete(apiVersion));
      this.pending.set(apiVersion, pending);
    }
    return pending;
  }

  private async fetch(apiVersion: string): Promise<Entry> {
    const { group, version } = splitApiVersion(apiVersion);
    const path = group === "" ? `/api/${encodeURIComponent(version)}` : `/apis/${encodeURIComponent(group)}/${encodeURIComponent(version)}`;
    let body: { resources?: APIResource[] };
    try {
      body = (await this.transport.request({ method: "GET", path, retry: { idempotent: true, unconditional: true } })) as { resources?: APIResource[] };
    } catch (error) {
      if (isStoreError(error) && error.reason === StatusReason.NotFound) {
        const entry = { kinds: undefined, at: this.now() };
        this.cache.set(apiVersion, entry);
        return entry;
      }
      throw error;
    }
    const kinds = new Map<string, ResourceInfo>();
    const resources = Array.isArray(body.resources) ? body.resources : [];
    for (const r of resources) {
      if (typeof r.name !== "string" || r.name.includes("/") || typeof r.kind !== "string") continue;
      const subresources = resources.filter((s) => typeof s.name === "string" && s.name.startsWith(`${r.name}/`)).map((s) => s.name.slice(r.name.length + 1));
      kinds.set(r.kind, { group, version, plural: r.name, namespaced: r.namespaced === true, subresources });
    }
    const entry = { kinds, at: this.now() };
    this.cache.set(apiVersion, entry);
    return entry;
  }

  private async missingGroupVersion(type: ResourceType): Promise<StoreError> {
    const { group, version } = splitApiVersion(type.apiVersion);
    let versions: string[] | undefined;
    try {
      if (group === "") {
        const core = (await this.transport.request({ method: "GET", path: "/api", retry: { idempotent: true, unconditional: true } })) as { versions?: string[] };
        versions = core.versions ?? [];
      } else {
        const groups = (await this.transport.request({ method: "GET", path: "/apis", retry: { idempotent: true, unconditional: true } })) as {
          groups?: { name?: string; versions?: { version?: string }[] }[];
        };
        const found = (groups.groups ?? []).find((g) => g.name === group);
        versions = found === undefined ? undefined : (found.versions ?? []).map((v) => v.version ?? "");
      }
    } catch {
      versions = [];
    }
    const what =
      versions === undefined
        ? `the server does not serve API group ${group}`
        : `the server does not serve version ${version} of ${group === "" ? "the core API" : `API group ${group}`} (it serves ${versions.join(", ") || "none"})`;
    const crd = group.includes(".") ? "; is its CustomResourceDefinition installed and Established?" : "";
    return new StoreError(StatusReason.NotFound, `cannot use kind ${type.kind} of ${type.apiVersion}: ${what}${crd}`, { kind: type.kind, group });
  }
}
