/**
 * stagecraft's in-memory cluster: a `ResourceStore` that behaves like the Kubernetes API server
 * where the simulator can tell (resource versions, conflicts, selectors, watches, patches, the
 * `status` subresource, finalizers and grace periods), with YAML snapshots.
 *
 * @module stagecraft/memory
 */
export { createMemoryStore } from "./adapters/memory/index.js";
export type { MemoryStore, MemoryStoreOptions, ResourceScope } from "./adapters/memory/index.js";
export { StatusReason, StoreError, isStoreError, pluralOf } from "./store/index.js";
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
