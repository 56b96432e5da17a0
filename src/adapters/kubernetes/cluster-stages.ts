/**
 * Stages from the cluster: the `Stage` objects of `stages.kwok.x-k8s.io`, parsed with the same
 * loader as Stage files (with `resourceRef.apiGroup` defaulting to `v1`, as the CRD does).
 *
 * @module
 */
import { Severity } from "../../issues.js";
import type { Issue } from "../../issues.js";
import type { Stage } from "../../stage/model.js";
import { parseStage } from "../../stage/parse-stage.js";
import { isStoreError, StatusReason } from "../../store/errors.js";
import type { KubeObject, ResourceStore } from "../../store/types.js";
import { StageCrdError, StageCrdErrorCode } from "./stage-crd-error.js";
import { STAGE_RESOURCE } from "./stage-crd-manifest.js";
import { stageCrdProblem, stageCrdState } from "./stage-crd.js";

/**
 * Options of {@link loadClusterStages}.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * const options: LoadClusterStagesOptions = { labelSelector: "stagecraft.dev/set=general" };
 * ```
 */
export interface LoadClusterStagesOptions {
  /** Only Stages with these labels. */
  readonly labelSelector?: string;
  /** Skip reading the CRD (when RBAC does not allow it); a missing CRD is then detected from the list. Default `false`. */
  readonly skipCrdCheck?: boolean;
}

/**
 * The problems of one Stage object.
 *
 * @category Kubernetes
 */
export interface ClusterStageIssues {
  /** The Stage's name. */
  readonly name: string;
  /** Its issues (errors and warnings, with field paths). */
  readonly issues: readonly Issue[];
}

/**
 * Stages read from a cluster.
 *
 * @category Kubernetes
 */
export interface ClusterStages {
  /** Whether every Stage parsed without errors. */
  readonly ok: boolean;
  /** The valid Stages, ordered by name. */
  readonly stages: readonly Stage[];
  /** Problems per Stage object (warnings too). */
  readonly issues: readonly ClusterStageIssues[];
  /** The list's resource version (watch from it to follow changes). */
  readonly resourceVersion: string;
}

/**
 * Reads the cluster's Stages. First checks the CRD, so the answer to "why do my nodes stay
 * NotReady" is explicit: a missing CRD, or one not yet Established, is a {@link StageCrdError}
 * saying exactly that.
 *
 * @param store - the store
 * @param options - label selector, CRD check
 * @returns the parsed Stages and per-object issues
 * @throws StageCrdError when the CRD is missing or not Established
 * @category Kubernetes
 * @example
 * ```ts
 * const { stages } = await loadClusterStages(store);
 * const sim = new Simulator({ store, lifecycle: compileLifecycle(stages) });
 * ```
 */
export async function loadClusterStages(store: ResourceStore, options: LoadClusterStagesOptions = {}): Promise<ClusterStages> {
  if (options.skipCrdCheck !== true) {
    let problem: StageCrdError | undefined;
    try {
      problem = stageCrdProblem(await stageCrdState(store));
    } catch (error) {
      // without RBAC to read CRDs (or without the apiextensions API), fall back to the list
      if (!(isStoreError(error) && (error.reason === StatusReason.Forbidden || error.reason === StatusReason.NotFound))) throw error;
    }
    if (problem !== undefined) throw problem;
  }
  let list;
  try {
    list = await store.list({ apiVersion: STAGE_RESOURCE.apiVersion, kind: STAGE_RESOURCE.kind }, options.labelSelector === undefined ? {} : { labelSelector: options.labelSelector });
  } catch (error) {
    if (isStoreError(error) && error.reason === StatusReason.NotFound) {
      throw new StageCrdError(StageCrdErrorCode.Missing, `the cluster does not serve ${STAGE_RESOURCE.apiVersion} Stages: the CustomResourceDefinition ${STAGE_RESOURCE.crdName} is not installed or not yet Established (${error.message})`);
    }
    throw error;
  }
  return parseAll(list.items, list.resourceVersion);
}

function parseAll(items: readonly KubeObject[], resourceVersion: string): ClusterStages {
  const stages: Stage[] = [];
  const issues: ClusterStageIssues[] = [];
  const sorted = [...items].sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1));
  let ok = true;
  for (const item of sorted) {
    const result = parseStage(item, { defaultApiGroup: "v1" });
    if (result.issues.length > 0) issues.push({ name: item.metadata.name ?? "", issues: result.issues });
    if (result.issues.some((i) => i.severity === Severity.Error)) ok = false;
    if (result.stage !== undefined) stages.push(result.stage);
  }
  return { ok, stages, issues, resourceVersion };
}
