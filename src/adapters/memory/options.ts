/**
 * Options of {@link createMemoryStore} and their defaults.
 *
 * @module
 */
import type { KubeObject, ResourceType, WatchEvent } from "../../store/types.js";
import type { ResourceScope } from "./scopes.js";

/**
 * Options of the in-memory store.
 *
 * @category Memory store
 * @example
 * ```ts
 * const store = createMemoryStore({
 *   clock: { now: () => new Date("2024-01-01T00:00:00Z") },
 *   scopes: { "Widget.example.com": "Cluster" },
 *   history: 1000,
 * });
 * ```
 */
export interface MemoryStoreOptions {
  /** Time for `creationTimestamp` and `deletionTimestamp`. Default: the system clock. */
  readonly clock?: {
    /** The current instant. */
    now(): Date;
  };
  /** Generates `metadata.uid`. Default: a counter, `00000000-0000-4000-8000-000000000001`, … */
  readonly uid?: () => string;
  /**
   * Generates the 5-character suffix of `generateName`. Default: a deterministic sequence over
   * the API server's alphabet (`bcdfghjklmnpqrstvwxz2456789`).
   */
  readonly nameSuffix?: () => string;
  /**
   * Scopes of kinds, keyed `Kind` (core group, or any group) or `Kind.group`
   * (`Widget.example.com`). The built-in table knows Kubernetes' and KWOK's cluster-scoped
   * kinds (Node, Namespace, PersistentVolume, StorageClass, ClusterRole, …, `Stage.kwok.x-k8s.io`);
   * every other kind is namespaced. May also be a function, asked when the store first sees a
   * type (`undefined`: use the built-in table), e.g. to follow CustomResourceDefinitions.
   */
  readonly scopes?: Readonly<Record<string, ResourceScope>> | ((type: ResourceType) => ResourceScope | undefined);
  /**
   * Changes kept per type for watches from a resource version; a watch from an older version
   * fails with `Expired` (410), as the API server does after compaction. Default 10000.
   */
  readonly history?: number;
  /** Objects to start with, stored as they are (see {@link MemoryStore.restore}). */
  readonly objects?: readonly KubeObject[];
  /**
   * Called when a watch listener throws (the store goes on delivering). Default: `console.error`.
   */
  readonly onListenerError?: (error: unknown, event: WatchEvent) => void;
}

const ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/**
 * The default uid generator: a counter in UUID shape.
 *
 * @returns the generator
 */
export function counterUid(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, "0")}`;
}

/**
 * The default `generateName` suffix generator: a fixed-seed xorshift sequence, so runs repeat.
 *
 * @returns the generator
 */
export function sequenceSuffix(): () => string {
  let state = 0x9e3779b9;
  return () => {
    let out = "";
    for (let i = 0; i < 5; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      out += ALPHABET[(state >>> 0) % ALPHABET.length];
    }
    return out;
  };
}
