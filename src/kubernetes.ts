/**
 * stagecraft's Kubernetes adapter: a `ResourceStore` backed by a real API server, with
 * `@kubernetes/client-node` (an optional peer dependency, loaded with a dynamic `import()` only
 * when a store is created) for KubeConfig loading and authentication, and raw JSON requests so
 * objects keep every field and timestamps stay strings. Also: reading Stages from the cluster
 * and installing the Stage CRD in the right order.
 *
 * @module stagecraft/kubernetes
 */
export {
  createKubernetesStore,
  installStageCrd,
  KubernetesConnectionError,
  loadClusterStages,
  PATCH_CONTENT_TYPES,
  REDACTED,
  STAGE_RESOURCE,
  StageCrdError,
  StageCrdErrorCode,
  stageCrdManifest,
  stageCrdState,
} from "./adapters/kubernetes/index.js";
export type {
  ClusterStageIssues,
  ClusterStages,
  CloseOptions,
  EventsApi,
  InstallStageCrdOptions,
  InstallStageCrdResult,
  KubeConfigCluster,
  KubeConfigContext,
  KubeConfigLike,
  KubeConfigUser,
  KubernetesClock,
  KubernetesLogEntry,
  KubernetesResource,
  KubernetesRetryOptions,
  KubernetesStore,
  KubernetesStoreOptions,
  LoadClusterStagesOptions,
  StageCrdState,
} from "./adapters/kubernetes/index.js";
export { StatusReason, StoreError, isStoreError } from "./store/index.js";
export type {
  DeleteOptions,
  KubeObject,
  KubeStatus,
  ListOptions,
  ObjectList,
  ObjectMeta,
  ObjectRef,
  PatchOptions,
  ResourceStore,
  ResourceType,
  StorePatchType,
  UpdateOptions,
  Watch,
  WatchEvent,
  WatchOptions,
} from "./store/index.js";
export type { Issue } from "./issues.js";
export type { Stage } from "./stage/model.js";
