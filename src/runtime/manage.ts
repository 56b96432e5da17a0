/**
 * Which objects the simulator drives: KWOK's node selection and disregard filters (spec §6.2).
 *
 * @module
 */
import { compileLabelSelector, type LabelPredicate } from "../adapters/memory/label-selector.js";
import type { KubeObject } from "../store/types.js";
import type { ManageOptions } from "./simulator-options.js";

/** Compiled management filters. */
export interface ManageFilter {
  /** Whether a node is managed (label/name selection happens in the watch; annotations and `selfNodeName` here). */
  node(node: KubeObject): boolean;
  /** Whether an object is ignored by the disregard selectors. */
  disregarded(object: KubeObject): boolean;
}

/**
 * Compiles the management options.
 *
 * @param options - the simulator's `manage` options
 * @returns the filters
 * @throws StoreError `BadRequest` for a malformed selector
 */
export function compileManageFilter(options: ManageOptions = {}): ManageFilter {
  const annotations = options.nodeAnnotationSelector === undefined ? undefined : compileLabelSelector(options.nodeAnnotationSelector);
  const disregardLabels = options.disregardLabelSelector === undefined ? undefined : compileLabelSelector(options.disregardLabelSelector);
  const disregardAnnotations = options.disregardAnnotationSelector === undefined ? undefined : compileLabelSelector(options.disregardAnnotationSelector);
  // KWOK ignores an object only when it has at least one label (annotation) and they match
  const hit = (selector: LabelPredicate | undefined, map: Readonly<Record<string, string>> | undefined): boolean =>
    selector !== undefined && map !== undefined && Object.keys(map).length > 0 && selector(map);
  return {
    node: (node) =>
      (options.selfNodeName === undefined || options.selfNodeName === "" || node.metadata.name !== options.selfNodeName) &&
      (annotations === undefined || annotations(node.metadata.annotations ?? {})),
    disregarded: (object) => hit(disregardLabels, object.metadata.labels) || hit(disregardAnnotations, object.metadata.annotations),
  };
}
