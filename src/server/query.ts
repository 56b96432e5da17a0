/**
 * Query parameters of resource requests, checked (a malformed number is a 400).
 *
 * @module
 */
import { badRequest } from "./status.js";

/** The query parameters the front understands. */
export interface RequestQuery {
  /** `labelSelector`. */
  readonly labelSelector?: string;
  /** `fieldSelector`. */
  readonly fieldSelector?: string;
  /** `limit` (0 or absent: no limit). */
  readonly limit?: number;
  /** `continue`. */
  readonly continueToken?: string;
  /** `resourceVersion`. */
  readonly resourceVersion?: string;
  /** `watch=true` (or `1`). */
  readonly watch: boolean;
  /** `allowWatchBookmarks=true`. */
  readonly allowWatchBookmarks: boolean;
  /** `timeoutSeconds`. */
  readonly timeoutSeconds?: number;
  /** `fieldManager`. */
  readonly fieldManager?: string;
  /** `force=true`. */
  readonly force: boolean;
  /** `dryRun` values (`All`). */
  readonly dryRun: readonly string[];
  /** `gracePeriodSeconds`. */
  readonly gracePeriodSeconds?: number;
  /** `includeObject` of Table requests (`None`, `Metadata`, `Object`). */
  readonly includeObject?: string;
}

function flag(params: URLSearchParams, name: string): boolean {
  const v = params.get(name);
  if (v === null || v === "" || v === "false" || v === "0") return false;
  if (v === "true" || v === "1") return true;
  throw badRequest(`invalid value for ${name}: ${JSON.stringify(v)} (expected true or false)`);
}

function integer(params: URLSearchParams, name: string): number | undefined {
  const v = params.get(name);
  if (v === null || v === "") return undefined;
  if (!/^-?\d+$/.test(v)) throw badRequest(`invalid value for ${name}: ${JSON.stringify(v)} (expected an integer)`);
  return Number(v);
}

function text(params: URLSearchParams, name: string): string | undefined {
  const v = params.get(name);
  return v === null || v === "" ? undefined : v;
}

/**
 * Reads the query of a resource request.
 *
 * @param params - the URL's search parameters
 * @returns the options
 * @throws StoreError `BadRequest` for malformed values
 */
export function parseQuery(params: URLSearchParams): RequestQuery {
  const limit = integer(params, "limit");
  if (limit !== undefined && limit < 0) throw badRequest(`invalid value for limit: ${limit} (must be non-negative)`);
  const timeoutSeconds = integer(params, "timeoutSeconds");
  if (timeoutSeconds !== undefined && timeoutSeconds < 0) throw badRequest(`invalid value for timeoutSeconds: ${timeoutSeconds} (must be non-negative)`);
  const gracePeriodSeconds = integer(params, "gracePeriodSeconds");
  const optional = {
    labelSelector: text(params, "labelSelector"),
    fieldSelector: text(params, "fieldSelector"),
    limit: limit === 0 ? undefined : limit,
    continueToken: text(params, "continue"),
    resourceVersion: text(params, "resourceVersion"),
    timeoutSeconds,
    fieldManager: text(params, "fieldManager"),
    gracePeriodSeconds,
    includeObject: text(params, "includeObject"),
  };
  const query: Record<string, unknown> = {
    watch: flag(params, "watch"),
    allowWatchBookmarks: flag(params, "allowWatchBookmarks"),
    force: flag(params, "force"),
    dryRun: params.getAll("dryRun").filter((v) => v !== ""),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) query[k] = v;
  return query as unknown as RequestQuery;
}
