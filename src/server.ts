/**
 * stagecraft's Kubernetes-compatible HTTP front: serves a `ResourceStore` (the in-memory store by
 * default) over the Kubernetes REST protocol on 127.0.0.1, so kubectl and controllers can talk to
 * a simulated cluster.
 *
 * @module stagecraft/server
 */
export { StatusReason, StoreError, isStoreError } from "./store/index.js";
export type { KubeObject, ObjectRef, ResourceStore, ResourceType } from "./store/index.js";
