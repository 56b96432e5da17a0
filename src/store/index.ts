/**
 * The `ResourceStore` port and its typed errors.
 *
 * @module
 */
export { StatusReason, StoreError, isStoreError, pluralOf } from "./errors.js";
export type { KubeStatus } from "./errors.js";
export { PATCH_CONTENT_TYPES } from "./patch-content-types.js";
export type {
  DeleteOptions,
  KubeObject,
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
} from "./types.js";
