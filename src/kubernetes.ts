/**
 * stagecraft's Kubernetes adapter: a `ResourceStore` backed by a real API server, with
 * `@kubernetes/client-node` (an optional peer dependency) for KubeConfig loading and
 * authentication, and raw JSON requests so objects keep every field.
 *
 * @module stagecraft/kubernetes
 */
export { StatusReason, StoreError, isStoreError } from "./store/index.js";
export type { KubeObject, ObjectRef, ResourceStore, ResourceType } from "./store/index.js";
