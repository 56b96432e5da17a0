/**
 * `meta.k8s.io` Tables for clients that ask for them in `Accept` (kubectl get), for lists and
 * watch events.
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { printerFor } from "./table-columns.js";

/** The Table API version a client accepts first, or `undefined` when it wants plain objects. */
export function tableVersion(accept: string | undefined): string | undefined {
  if (accept === undefined) return undefined;
  for (const mediaType of accept.split(",")) {
    const [type, ...params] = mediaType.split(";").map((p) => p.trim());
    if (type !== "application/json" && type !== "*/*") continue;
    const p = new Map(params.map((kv) => kv.split("=").map((s) => s.trim()) as [string, string]));
    if (p.get("as") === "Table" && p.get("g") === "meta.k8s.io" && (p.get("v") === "v1" || p.get("v") === "v1beta1")) return `meta.k8s.io/${p.get("v")}`;
    if (!p.has("as")) return undefined;
  }
  return undefined;
}

function rowObject(object: KubeObject, includeObject: string | undefined, tableApiVersion: string): unknown {
  if (includeObject === "None") return undefined;
  if (includeObject === "Object") return object;
  return { kind: "PartialObjectMetadata", apiVersion: tableApiVersion, metadata: object.metadata };
}

/** Options of {@link toTable}. */
export interface TableOptions {
  /** `meta.k8s.io/v1` or `meta.k8s.io/v1beta1`. */
  readonly apiVersion: string;
  /** The API group of the objects. */
  readonly group: string;
  /** The kind of the objects. */
  readonly kind: string;
  /** `None`, `Metadata` (default) or `Object`. */
  readonly includeObject?: string;
  /** The current time (ms since the epoch) for ages. */
  readonly nowMs: number;
  /** List metadata (`resourceVersion`, `continue`). */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Leave out the column definitions (watch events after the first). */
  readonly omitColumns?: boolean;
}

/**
 * Prints objects as a Table.
 *
 * @param objects - the objects
 * @param options - API version, kind, row object choice, time, list metadata
 * @returns the Table
 */
export function toTable(objects: readonly KubeObject[], options: TableOptions): Record<string, unknown> {
  const printer = printerFor(options.group, options.kind);
  return {
    kind: "Table",
    apiVersion: options.apiVersion,
    metadata: options.metadata ?? {},
    columnDefinitions: options.omitColumns === true ? null : printer.columns,
    rows: objects.map((o) => {
      const object = rowObject(o, options.includeObject, options.apiVersion);
      return { cells: printer.cells(o, options.nowMs), ...(object === undefined ? {} : { object }) };
    }),
  };
}
