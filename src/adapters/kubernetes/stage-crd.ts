/**
 * The state of the Stage CRD in a cluster, and installing it: create it, wait until it is
 * `Established` (and its Stages are served), then create the given Stages.
 *
 * @module
 */
import { isStoreError, StatusReason } from "../../store/errors.js";
import type { KubeObject, ResourceStore } from "../../store/types.js";
import { StageCrdError, StageCrdErrorCode } from "./stage-crd-error.js";
import { STAGE_RESOURCE, stageCrdManifest } from "./stage-crd-manifest.js";

const CRD_TYPE = { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition" } as const;

/**
 * Where the Stage CRD stands.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * const state: StageCrdState = { installed: true, established: false, conditions: "NamesAccepted=True, Established=False" };
 * ```
 */
export interface StageCrdState {
  /** Whether the CRD exists. */
  readonly installed: boolean;
  /** Whether its `Established` condition is `True`. */
  readonly established: boolean;
  /** Its conditions as `Type=Status (reason: message)`, for messages. */
  readonly conditions: string;
}

interface Condition {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
}

function conditionsOf(crd: KubeObject): readonly Condition[] {
  const conditions = (crd["status"] as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(conditions) ? (conditions as Condition[]) : [];
}

/**
 * Reads the Stage CRD's state.
 *
 * @param store - any store (the Kubernetes adapter, or a memory store in tests)
 * @returns the state
 * @throws StoreError other than `NotFound` (e.g. `Forbidden` without RBAC to read CRDs)
 * @category Kubernetes
 * @example
 * ```ts
 * const { established } = await stageCrdState(store);
 * ```
 */
export async function stageCrdState(store: ResourceStore): Promise<StageCrdState> {
  let crd: KubeObject;
  try {
    crd = await store.get({ ...CRD_TYPE, name: STAGE_RESOURCE.crdName });
  } catch (error) {
    if (isStoreError(error) && error.reason === StatusReason.NotFound) return { installed: false, established: false, conditions: "" };
    throw error;
  }
  const conditions = conditionsOf(crd);
  return {
    installed: true,
    established: conditions.some((c) => c.type === "Established" && c.status === "True"),
    conditions: conditions.map((c) => `${c.type ?? "?"}=${c.status ?? "?"}${c.reason === undefined ? "" : ` (${c.reason}${c.message === undefined ? "" : `: ${c.message}`})`}`).join(", "),
  };
}

/**
 * The error for a CRD that is missing or not Established, in the words KWOK users need.
 *
 * @param state - the CRD's state
 * @returns the error, or undefined when the CRD is Established
 */
export function stageCrdProblem(state: StageCrdState): StageCrdError | undefined {
  if (!state.installed) {
    return new StageCrdError(
      StageCrdErrorCode.Missing,
      `the CustomResourceDefinition ${STAGE_RESOURCE.crdName} is not installed, so the cluster has no Stages (and Stages applied before it were rejected: that is why KWOK nodes stay NotReady). Install the CRD, wait until it is Established, then apply the Stages again (installStageCrd(store, { stages }) does all three)`,
    );
  }
  if (!state.established) {
    return new StageCrdError(
      StageCrdErrorCode.NotEstablished,
      `the CustomResourceDefinition ${STAGE_RESOURCE.crdName} is installed but not yet Established (conditions: ${state.conditions || "none"}); Stages cannot be created or read until it is: wait for it (kubectl wait --for condition=Established crd/${STAGE_RESOURCE.crdName}) before applying Stages`,
    );
  }
  return undefined;
}

/**
 * Options of {@link installStageCrd}.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * const options: InstallStageCrdOptions = { timeoutMs: 30_000, stages: [podReadyStage] };
 * ```
 */
export interface InstallStageCrdOptions {
  /** How long to wait for `Established`. Default 60 000 ms. */
  readonly timeoutMs?: number;
  /** Poll interval. Default 200 ms. */
  readonly pollMs?: number;
  /** Stage objects to create (or update) once the CRD is Established. */
  readonly stages?: readonly KubeObject[];
  /** Sleeps (inject for tests). Default: `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The time in ms (inject for tests). Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * What {@link installStageCrd} did.
 *
 * @category Kubernetes
 */
export interface InstallStageCrdResult {
  /** Whether the CRD was created now (false: it existed). */
  readonly created: boolean;
  /** The Stages as stored, in the order given. */
  readonly stages: readonly KubeObject[];
}

/**
 * Creates the Stage CRD (unless it exists), waits until it is `Established` and Stages are
 * served, then creates the given Stages (replacing existing ones of the same name) — the order
 * that avoids KWOK's most common install failure.
 *
 * @param store - the store (needs RBAC to create CRDs and Stages)
 * @param options - timeout, poll interval, Stages to create
 * @returns whether the CRD was created, and the stored Stages
 * @throws StageCrdError `E_STAGE_CRD_TIMEOUT` when it is not Established in time
 * @category Kubernetes
 * @example
 * ```ts
 * await installStageCrd(store, { timeoutMs: 30_000, stages: stageObjects });
 * ```
 */
export async function installStageCrd(store: ResourceStore, options: InstallStageCrdOptions = {}): Promise<InstallStageCrdResult> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeoutMs ?? 60_000);
  let created = false;
  try {
    await store.create(stageCrdManifest());
    created = true;
  } catch (error) {
    if (!(isStoreError(error) && error.reason === StatusReason.AlreadyExists)) throw error;
  }
  const stageType = { apiVersion: STAGE_RESOURCE.apiVersion, kind: STAGE_RESOURCE.kind };
  let last = "";
  for (;;) {
    const state = await stageCrdState(store);
    last = state.conditions;
    if (state.established) {
      try {
        await store.list(stageType);
        break;
      } catch (error) {
        if (!(isStoreError(error) && error.reason === StatusReason.NotFound)) throw error;
        last = `${last}; Stages not served yet`;
      }
    }
    if (now() >= deadline) {
      throw new StageCrdError(StageCrdErrorCode.Timeout, `the CustomResourceDefinition ${STAGE_RESOURCE.crdName} was not Established within ${options.timeoutMs ?? 60_000} ms (conditions: ${last || "none"}); no Stages were created`);
    }
    await sleep(options.pollMs ?? 200);
  }
  const stages: KubeObject[] = [];
  for (const stage of options.stages ?? []) stages.push(await createOrReplace(store, stage));
  return { created, stages };
}

async function createOrReplace(store: ResourceStore, object: KubeObject): Promise<KubeObject> {
  try {
    return await store.create(object);
  } catch (error) {
    if (!(isStoreError(error) && error.reason === StatusReason.AlreadyExists)) throw error;
    const current = await store.get({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name ?? "" });
    return store.update({ ...object, metadata: { ...object.metadata, resourceVersion: current.metadata.resourceVersion ?? "" } });
  }
}
