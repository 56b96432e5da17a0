/**
 * stagecraft's Kubernetes-compatible HTTP front: serves a `ResourceStore` (the in-memory store by
 * default) over the Kubernetes REST protocol on 127.0.0.1, so kubectl and controllers can talk to
 * a simulated cluster.
 *
 * @module stagecraft/server
 */
export { BUILT_IN_RESOURCES, serveKubernetesApi } from "./server/index.js";
export type { FaultCounts, FaultInjectionOptions, KubeconfigOptions, KubernetesApiServer, ServeOptions, ServedResource } from "./server/index.js";
export { StatusReason, StoreError, isStoreError } from "./store/index.js";
export type { KubeObject, KubeStatus, ObjectRef, ResourceStore, ResourceType } from "./store/index.js";
