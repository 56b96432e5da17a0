/**
 * The `ResourceStore` contract suite for vitest: `describeStoreContract(name, factory)` runs the
 * same cases against any store adapter (the in-memory store always; a real API server when
 * configured). Imports `vitest` (an optional peer dependency), so it has its own entry point.
 *
 * @module stagecraft/testing/contract
 */
export { describeStoreContract } from "./testing/store-contract.js";
export type { StoreContractOptions } from "./testing/store-contract.js";
