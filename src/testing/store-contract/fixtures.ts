/**
 * Shared fixtures of the store contract suite: the per-test context, object builders and a
 * watch recorder that waits for events (synchronous for the memory store, asynchronous for a
 * real API server).
 *
 * @module
 */
import { expect } from "vitest";
import { isStoreError } from "../../store/errors.js";
import type { KubeObject, ResourceStore, ResourceType, WatchEvent, WatchOptions } from "../../store/types.js";

/**
 * Options of {@link describeStoreContract}.
 *
 * @category Testing
 * @example
 * ```ts
 * const options: StoreContractOptions = { namespace: "contract", historyLimit: 50 };
 * ```
 */
export interface StoreContractOptions {
  /** The namespace objects are created in (it must exist on a real server). Default `default`. */
  readonly namespace?: string;
  /** Prefix of every object name. Default: `sc-` and a run id. */
  readonly prefix?: string;
  /**
   * The store keeps at most this many changes per type for watches from a resource version;
   * when set, a case checks that an older start fails with `Expired` (410).
   */
  readonly historyLimit?: number;
  /** How long to wait for watch events, in ms. Default 5000. */
  readonly timeoutMs?: number;
}

/** What a contract case works with. */
export interface Context {
  /** A store from the factory. */
  store(): Promise<ResourceStore>;
  /** A unique object name. */
  name(base: string): string;
  /** The namespace. */
  readonly ns: string;
  /** The options. */
  readonly options: StoreContractOptions;
}

/** `v1 ConfigMap`. */
export const CONFIG_MAP: ResourceType = { apiVersion: "v1", kind: "ConfigMap" };
/** `v1 Pod`. */
export const POD: ResourceType = { apiVersion: "v1", kind: "Pod" };
/** `v1 Node`. */
export const NODE: ResourceType = { apiVersion: "v1", kind: "Node" };

/** A ConfigMap. */
export function configMap(ctx: Context, name: string, extra: { labels?: Record<string, string>; data?: Record<string, string>; finalizers?: string[] } = {}): KubeObject {
  return {
    ...CONFIG_MAP,
    metadata: {
      name,
      namespace: ctx.ns,
      ...(extra.labels === undefined ? {} : { labels: extra.labels }),
      ...(extra.finalizers === undefined ? {} : { finalizers: extra.finalizers }),
    },
    data: extra.data ?? { key: "value" },
  };
}

/** A Pod (bound to `nodeName` when given). */
export function pod(ctx: Context, name: string, extra: { nodeName?: string; finalizers?: string[]; labels?: Record<string, string> } = {}): KubeObject {
  return {
    ...POD,
    metadata: {
      name,
      namespace: ctx.ns,
      ...(extra.labels === undefined ? {} : { labels: extra.labels }),
      ...(extra.finalizers === undefined ? {} : { finalizers: extra.finalizers }),
    },
    spec: {
      containers: [{ name: "app", image: "registry.k8s.io/pause:3.9" }],
      ...(extra.nodeName === undefined ? {} : { nodeName: extra.nodeName }),
    },
  };
}

/** A reference to an object. */
export function refOf(object: KubeObject): { apiVersion: string; kind: string; name: string; namespace?: string } {
  const ns = object.metadata.namespace;
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name ?? "", ...(ns === undefined ? {} : { namespace: ns }) };
}

/**
 * Expects a promise to reject with a store error of this reason and code (and message).
 *
 * @param promise - the call
 * @param reason - the API server's reason
 * @param code - the HTTP code
 * @param message - the exact message, when the API server's wording is known
 */
export async function expectStoreError(promise: Promise<unknown>, reason: string, code: number, message?: string): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(isStoreError(caught), `expected a StoreError ${reason}, got ${String(caught)}`).toBe(true);
  if (!isStoreError(caught)) return;
  expect(caught.reason).toBe(reason);
  expect(caught.statusCode).toBe(code);
  expect(caught.status.code).toBe(code);
  if (message !== undefined) expect(caught.message).toBe(message);
}

/** A running watch that records its events. */
export interface Recorder {
  /** Events so far. */
  readonly events: WatchEvent[];
  /** Errors so far. */
  readonly errors: Error[];
  /** Waits until `predicate` holds for the recorded events (or fails after the timeout). */
  until(predicate: (events: readonly WatchEvent[]) => boolean): Promise<void>;
  /** Events other than bookmarks, as `TYPE name`. */
  summary(): string[];
  /** Stops the watch. */
  stop(): void;
}

/**
 * Starts a recording watch.
 *
 * @param ctx - the context
 * @param store - the store
 * @param type - the type
 * @param options - watch options
 * @returns the recorder
 */
export function record(ctx: Context, store: ResourceStore, type: ResourceType, options: WatchOptions = {}): Recorder {
  const events: WatchEvent[] = [];
  const errors: Error[] = [];
  const watch = store.watch(type, options, (event) => events.push(event), (error) => errors.push(error));
  const timeout = ctx.options.timeoutMs ?? 5000;
  return {
    events,
    errors,
    async until(predicate) {
      const start = Date.now();
      for (;;) {
        if (predicate(events)) return;
        if (Date.now() - start > timeout) {
          expect.fail(`timed out waiting for watch events; got ${JSON.stringify(events.map((e) => `${e.type} ${e.object.metadata.name ?? ""}`))}`);
        }
        await new Promise((resolve) => setTimeout(resolve, events.length === 0 ? 1 : 10));
      }
    },
    summary: () => events.filter((e) => e.type !== "BOOKMARK").map((e) => `${e.type} ${e.object.metadata.name ?? ""}`),
    stop: () => watch.stop(),
  };
}

/** Waits a moment for stray asynchronous events (real servers). */
export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The numeric resource version of an object. */
export function rvOf(object: KubeObject): number {
  return Number(object.metadata.resourceVersion);
}
