/**
 * The Kubernetes adapter: a `ResourceStore` over a real API server, and the Stage CRD helpers.
 *
 * @module
 */
export { createKubernetesStore } from "./kubernetes-store.js";
export type { CloseOptions, KubernetesResource, KubernetesStore } from "./kubernetes-store.js";
export type { EventsApi, KubeConfigCluster, KubeConfigContext, KubeConfigLike, KubeConfigUser, KubernetesClock, KubernetesLogEntry, KubernetesRetryOptions, KubernetesStoreOptions } from "./options.js";
export { KubernetesConnectionError } from "./status-error.js";
export { PATCH_CONTENT_TYPES } from "../../store/patch-content-types.js";
export { REDACTED } from "./redact.js";
export { STAGE_RESOURCE, stageCrdManifest } from "./stage-crd-manifest.js";
export { StageCrdError, StageCrdErrorCode } from "./stage-crd-error.js";
export { installStageCrd, stageCrdState } from "./stage-crd.js";
export type { InstallStageCrdOptions, InstallStageCrdResult, StageCrdState } from "./stage-crd.js";
export { loadClusterStages } from "./cluster-stages.js";
export type { ClusterStageIssues, ClusterStages, LoadClusterStagesOptions } from "./cluster-stages.js";
