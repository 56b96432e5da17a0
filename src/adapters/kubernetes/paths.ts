/**
 * REST paths of resources: `/api/v1/namespaces/{ns}/pods/{name}/status`,
 * `/apis/{group}/{version}/nodes`.
 *
 * @module
 */
import type { ResourceInfo } from "./discovery.js";

/** What a path points at. */
export interface PathTarget {
  /** The namespace (ignored for cluster-scoped resources; absent: all namespaces). */
  readonly namespace?: string | undefined;
  /** The object's name (absent: the collection). */
  readonly name?: string | undefined;
  /** A subresource (`status`). */
  readonly subresource?: string | undefined;
}

/**
 * Builds the path of a collection, an object or a subresource.
 *
 * @param info - the resource from discovery
 * @param target - namespace, name, subresource
 * @returns the encoded path
 */
export function resourcePath(info: ResourceInfo, target: PathTarget = {}): string {
  const e = encodeURIComponent;
  let path = info.group === "" ? `/api/${e(info.version)}` : `/apis/${e(info.group)}/${e(info.version)}`;
  if (info.namespaced && target.namespace !== undefined && target.namespace !== "") path += `/namespaces/${e(target.namespace)}`;
  path += `/${e(info.plural)}`;
  if (target.name !== undefined) path += `/${e(target.name)}`;
  if (target.name !== undefined && target.subresource !== undefined && target.subresource !== "") path += `/${e(target.subresource)}`;
  return path;
}
