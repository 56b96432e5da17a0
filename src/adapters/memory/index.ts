/**
 * The in-memory store.
 *
 * @module
 */
export { createMemoryStore } from "./memory-store.js";
export type { MemoryStore } from "./memory-store.js";
export type { MemoryStoreOptions } from "./options.js";
export type { ResourceScope } from "./scopes.js";
