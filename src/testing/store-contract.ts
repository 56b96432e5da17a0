/**
 * The store contract suite: one set of cases every `ResourceStore` adapter must pass, written
 * against the Kubernetes API server's behaviour.
 *
 * @module
 */
import { describe } from "vitest";
import type { ResourceStore } from "../store/types.js";
import { createAndGetCases } from "./store-contract/create-get.js";
import { deleteCases } from "./store-contract/delete.js";
import type { Context, StoreContractOptions } from "./store-contract/fixtures.js";
import { listCases } from "./store-contract/list.js";
import { patchCases } from "./store-contract/patch.js";
import { updateCases } from "./store-contract/update.js";
import { watchCases } from "./store-contract/watch.js";

export type { StoreContractOptions } from "./store-contract/fixtures.js";

/**
 * Registers the store contract suite with vitest: get, list (label and field selectors),
 * watch (initial state, from a resource version, selectors, bookmarks, order), create
 * (`AlreadyExists`, `generateName`), update (`Conflict`, `status` subresource, `generation`),
 * the four patch types on the main resource and on `status`, delete (finalizers, grace
 * periods, preconditions) and the API server's error reasons, codes and messages.
 *
 * Every case calls `factory` for its store and uses fresh object names, so the suite can also
 * run against a real API server (use a throwaway namespace: objects are not cleaned up).
 *
 * @param name - the adapter's name (the `describe` title)
 * @param factory - returns the store a case works with (a new one per case, or a shared one)
 * @param options - namespace, name prefix, history limit, watch timeout
 * @category Testing
 * @example
 * ```ts
 * // memory-store.contract.test.ts
 * import { createMemoryStore } from "stagecraft/memory";
 * import { describeStoreContract } from "stagecraft/testing/contract";
 *
 * describeStoreContract("memory", () => createMemoryStore());
 * ```
 */
export function describeStoreContract(name: string, factory: () => ResourceStore | Promise<ResourceStore>, options: StoreContractOptions = {}): void {
  let counter = 0;
  const prefix = options.prefix ?? `sc-${Date.now().toString(36)}-`;
  const ctx: Context = {
    store: async () => factory(),
    name: (base) => `${prefix}${base}-${++counter}`,
    ns: options.namespace ?? "default",
    options,
  };
  describe(`ResourceStore contract: ${name}`, () => {
    describe("create and get", () => createAndGetCases(ctx));
    describe("list", () => listCases(ctx));
    describe("update", () => updateCases(ctx));
    describe("patch", () => patchCases(ctx));
    describe("delete", () => deleteCases(ctx));
    describe("watch", () => watchCases(ctx));
  });
}
