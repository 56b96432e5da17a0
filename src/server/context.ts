/**
 * What every request handler shares: the store, the served resources, fault injection, time
 * and the open watch streams.
 *
 * @module
 */
import type { ResourceStore } from "../store/types.js";
import type { FaultInjector } from "./faults.js";
import type { ResourceRegistry } from "./registry.js";

/** Shared state of one server. */
export interface ServerContext {
  /** The store served. */
  readonly store: ResourceStore;
  /** The served resources. */
  readonly registry: ResourceRegistry;
  /** Fault injection. */
  readonly faults: FaultInjector;
  /** The current time (ms since the epoch), for table ages. */
  readonly now: () => number;
  /** Ends each open watch stream (called by `close`). */
  readonly watches: Set<() => void>;
  /** `host:port`, for `/api`'s server address. */
  serverAddress: string;
}
