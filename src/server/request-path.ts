/**
 * Parses a request path into what it addresses: a discovery document or a resource
 * (collection, object or subresource, namespaced or not, legacy `/watch/` prefix).
 *
 * @module
 */

/** A path that names a resource collection, object or subresource. */
export interface ResourcePath {
  /** Discriminant. */
  readonly kind: "resource";
  /** API group (`""` for `/api/v1`). */
  readonly group: string;
  /** Version. */
  readonly version: string;
  /** The namespace segment, when the path has one. */
  readonly namespace?: string;
  /** The resource's plural. */
  readonly plural: string;
  /** The object name, for an object path. */
  readonly name?: string;
  /** `status`, … */
  readonly subresource?: string;
  /** Whether the legacy `/watch/` prefix was used. */
  readonly watch: boolean;
}

/** What a request path addresses. */
export type RequestPath =
  | { readonly kind: "version" | "api" | "apis" | "openapi-v2" | "openapi-v3" | "health" }
  | { readonly kind: "group"; readonly group: string }
  | { readonly kind: "group-version"; readonly group: string; readonly version: string }
  | ResourcePath
  | { readonly kind: "unknown" };

const UNKNOWN = { kind: "unknown" } as const;

function segmentsOf(pathname: string): string[] | undefined {
  const out: string[] = [];
  for (const raw of pathname.split("/")) {
    if (raw === "") continue;
    try {
      out.push(decodeURIComponent(raw));
    } catch {
      return undefined;
    }
  }
  return out;
}

function resourceOf(group: string, version: string, rest: readonly string[]): RequestPath {
  let watch = false;
  let segs = rest;
  if (segs[0] === "watch") {
    watch = true;
    segs = segs.slice(1);
  }
  let namespace: string | undefined;
  const namespaceSubresource = segs.length === 3 && (segs[2] === "status" || segs[2] === "finalize");
  if (segs[0] === "namespaces" && segs.length >= 3 && !namespaceSubresource) {
    namespace = segs[1];
    segs = segs.slice(2);
  }
  if (segs.length < 1 || segs.length > 3) return UNKNOWN;
  const [plural, name, subresource] = segs as [string, string | undefined, string | undefined];
  return {
    kind: "resource",
    group,
    version,
    plural,
    watch,
    ...(namespace === undefined ? {} : { namespace }),
    ...(name === undefined ? {} : { name }),
    ...(subresource === undefined ? {} : { subresource }),
  };
}

/**
 * Parses a URL path (without the query).
 *
 * @param pathname - the path, e.g. `/api/v1/namespaces/default/pods/web-0/status`
 * @returns what it addresses
 */
export function parseRequestPath(pathname: string): RequestPath {
  const segs = segmentsOf(pathname);
  if (segs === undefined) return UNKNOWN;
  const [first, second, third] = segs;
  if (segs.length === 1 && first === "version") return { kind: "version" };
  if (segs.length === 1 && (first === "healthz" || first === "livez" || first === "readyz")) return { kind: "health" };
  if (first === "openapi" && segs.length === 2 && second === "v2") return { kind: "openapi-v2" };
  if (first === "openapi" && second === "v3") return { kind: "openapi-v3" };
  if (first === "api") {
    if (segs.length === 1) return { kind: "api" };
    if (second !== "v1") return UNKNOWN;
    if (segs.length === 2) return { kind: "group-version", group: "", version: "v1" };
    return resourceOf("", "v1", segs.slice(2));
  }
  if (first === "apis") {
    if (segs.length === 1) return { kind: "apis" };
    if (segs.length === 2) return { kind: "group", group: second as string };
    if (segs.length === 3) return { kind: "group-version", group: second as string, version: third as string };
    return resourceOf(second as string, third as string, segs.slice(3));
  }
  return UNKNOWN;
}
