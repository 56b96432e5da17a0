/**
 * The `ResourceStore` port: what the simulator needs from a cluster, implemented by the
 * in-memory store (`stagecraft/memory`) and the Kubernetes adapter (`stagecraft/kubernetes`).
 * Objects are plain JSON (timestamps stay strings). A store never keeps a reference to an
 * argument; the objects it returns (and delivers in watch events) are read-only and may be
 * deeply frozen and shared between callers (the memory store does this), so copy one before
 * changing it.
 *
 * @module
 */

/**
 * A Kubernetes object as plain JSON data.
 *
 * @category Store
 */
export interface KubeObject {
  /** `v1`, `apps/v1`, … */
  readonly apiVersion: string;
  /** `Pod`, `Node`, … */
  readonly kind: string;
  /** Object metadata. */
  readonly metadata: ObjectMeta;
  /** Every other field. */
  readonly [field: string]: unknown;
}

/**
 * The metadata fields the store manages or reads.
 *
 * @category Store
 */
export interface ObjectMeta {
  /** The name. */
  readonly name?: string;
  /** A name prefix the server completes (`create` only). */
  readonly generateName?: string;
  /** The namespace, for namespaced kinds. */
  readonly namespace?: string;
  /** Unique id, set by the server. */
  readonly uid?: string;
  /** Version of the object, set by the server on every write (decimal text). */
  readonly resourceVersion?: string;
  /** Incremented on every change of the main resource (not of `status`). */
  readonly generation?: number;
  /** RFC 3339, set by the server at creation. */
  readonly creationTimestamp?: string;
  /** RFC 3339, set by the server when deletion was requested while finalizers remain. */
  readonly deletionTimestamp?: string;
  /** Grace period of a pending deletion. */
  readonly deletionGracePeriodSeconds?: number;
  /** Labels. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Annotations. */
  readonly annotations?: Readonly<Record<string, string>>;
  /** Finalizers: the object stays until the list is empty. */
  readonly finalizers?: readonly string[];
  /** Every other metadata field. */
  readonly [field: string]: unknown;
}

/**
 * Which resource a call is about: the `apiVersion` and `kind` of its objects.
 *
 * @category Store
 * @example
 * ```ts
 * const pods: ResourceType = { apiVersion: "v1", kind: "Pod" };
 * ```
 */
export interface ResourceType {
  /** `v1`, `apps/v1`, … */
  readonly apiVersion: string;
  /** `Pod`, `Node`, … */
  readonly kind: string;
}

/**
 * Identifies one object.
 *
 * @category Store
 */
export interface ObjectRef extends ResourceType {
  /** The name. */
  readonly name: string;
  /** The namespace, for namespaced kinds. */
  readonly namespace?: string;
}

/**
 * Options of `list` and `watch`.
 *
 * @category Store
 */
export interface ListOptions {
  /** Only this namespace (all namespaces when absent). */
  readonly namespace?: string;
  /** A label selector in Kubernetes syntax (`app=web,tier!=db,env in (a,b),!legacy`). */
  readonly labelSelector?: string;
  /** A field selector in Kubernetes syntax (`metadata.name=x,spec.nodeName!=`). */
  readonly fieldSelector?: string;
}

/**
 * A list result.
 *
 * @category Store
 */
export interface ObjectList {
  /** The objects, ordered by namespace then name. */
  readonly items: readonly KubeObject[];
  /** The store's resource version when the list was taken; watch from it to miss nothing. */
  readonly resourceVersion: string;
}

/**
 * Options of `watch`.
 *
 * @category Store
 */
export interface WatchOptions extends ListOptions {
  /**
   * Start after this resource version (events with a larger one are delivered). Absent: start
   * with a synthetic `ADDED` event per existing object, as the API server does.
   */
  readonly resourceVersion?: string;
  /** Deliver `BOOKMARK` events carrying the latest resource version. */
  readonly allowBookmarks?: boolean;
}

/**
 * One watch event.
 *
 * @category Store
 */
export interface WatchEvent {
  /** `ADDED`, `MODIFIED`, `DELETED` or `BOOKMARK`. */
  readonly type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK";
  /** The object after the change (for `DELETED`, its last state; for `BOOKMARK`, only `apiVersion`, `kind` and `metadata.resourceVersion`). */
  readonly object: KubeObject;
}

/**
 * A running watch.
 *
 * @category Store
 */
export interface Watch {
  /** Stops delivering events. Idempotent. */
  stop(): void;
}

/**
 * How a patch body is interpreted.
 *
 * @category Store
 */
export type StorePatchType = "json" | "merge" | "strategic" | "apply";

/**
 * Options of `patch`.
 *
 * @category Store
 */
export interface PatchOptions {
  /** How to interpret `data`. */
  readonly patchType: StorePatchType;
  /** The patch: JSON patch operations for `json`, otherwise a (partial) object. */
  readonly data: unknown;
  /** `status` to patch only the status, `""`/absent for the main resource (where `status` is ignored). */
  readonly subresource?: string;
  /** Field manager for server-side apply. */
  readonly fieldManager?: string;
  /** Force server-side apply conflicts. */
  readonly force?: boolean;
  /** Act as this user (recorded, not enforced, by the memory store). */
  readonly impersonate?: string;
}

/**
 * Options of `delete`.
 *
 * @category Store
 */
export interface DeleteOptions {
  /**
   * Grace period; KWOK deletes with 0. Default: the kind's default (Pods
   * `spec.terminationGracePeriodSeconds` or 30 s). Only Pods have graceful deletion: other kinds
   * (and unscheduled or finished Pods) are deleted at once, or marked when finalizers remain.
   */
  readonly gracePeriodSeconds?: number;
  /** Only delete if the object still has this uid / resource version (else Conflict). */
  readonly preconditions?: {
    /** The uid the object must have. */
    readonly uid?: string;
    /** The resource version the object must have. */
    readonly resourceVersion?: string;
  };
}

/**
 * Options of `update`.
 *
 * @category Store
 */
export interface UpdateOptions {
  /** `status` to replace only the status. */
  readonly subresource?: string;
}

/**
 * The port every store implements. Methods reject with a {@link StoreError} whose `reason` is
 * the API server's (`NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, …).
 *
 * @category Store
 */
export interface ResourceStore {
  /** Reads one object. */
  get(ref: ObjectRef): Promise<KubeObject>;
  /** Lists objects of a type. */
  list(type: ResourceType, options?: ListOptions): Promise<ObjectList>;
  /**
   * Watches objects of a type; `onEvent` receives events in resource-version order, `onError`
   * a terminal error (e.g. `Expired`/410 when `resourceVersion` is too old: list again; or
   * `BadRequest` for a malformed selector). With a label or field selector, an object that
   * stops matching arrives as `DELETED` and one that starts matching as `ADDED`, as from the
   * API server's watch cache.
   */
  watch(type: ResourceType, options: WatchOptions, onEvent: (event: WatchEvent) => void, onError?: (error: Error) => void): Watch;
  /** Creates an object (`metadata.name` or `generateName` required). */
  create(object: KubeObject): Promise<KubeObject>;
  /** Replaces an object; `metadata.resourceVersion`, when set, must match (else Conflict). */
  update(object: KubeObject, options?: UpdateOptions): Promise<KubeObject>;
  /**
   * Patches an object (no resource-version precondition unless the patch carries one). A patch
   * that changes nothing returns the stored object unchanged (same resource version, no event);
   * an `apply` patch of a missing object creates it.
   */
  patch(ref: ObjectRef, options: PatchOptions): Promise<KubeObject>;
  /**
   * Deletes an object: at once, or by setting `deletionTimestamp` when it has finalizers (or a
   * grace period); resolves to the object's last state.
   */
  delete(ref: ObjectRef, options?: DeleteOptions): Promise<KubeObject>;
}
