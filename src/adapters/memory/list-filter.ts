/**
 * The filter of `list` and `watch`: namespace, label selector and field selector.
 *
 * @module
 */
import type { KubeObject, ListOptions } from "../../store/types.js";
import { compileFieldSelector } from "./field-selector.js";
import { compileLabelSelector } from "./label-selector.js";

/**
 * Compiles list options into a predicate.
 *
 * @param options - namespace and selectors
 * @param cluster - whether the type is cluster-scoped (the namespace is then ignored)
 * @returns the predicate
 * @throws StoreError `BadRequest` for a malformed selector
 */
export function compileListFilter(options: ListOptions, cluster: boolean): (object: KubeObject) => boolean {
  const namespace = cluster || options.namespace === undefined || options.namespace === "" ? undefined : options.namespace;
  const labels = options.labelSelector === undefined || options.labelSelector.trim() === "" ? undefined : compileLabelSelector(options.labelSelector);
  const fields = options.fieldSelector === undefined || options.fieldSelector.trim() === "" ? undefined : compileFieldSelector(options.fieldSelector);
  return (object) =>
    (namespace === undefined || object.metadata.namespace === namespace) &&
    (labels === undefined || labels(object.metadata.labels)) &&
    (fields === undefined || fields(object));
}
