import { describeStoreContract } from "../../testing/store-contract.js";
import { createMemoryStore } from "./memory-store.js";

let tick = 0;
describeStoreContract(
  "memory",
  () =>
    createMemoryStore({
      clock: { now: () => new Date(Date.UTC(2024, 0, 1) + 1000 * tick++) },
      history: 20,
      onListenerError: () => undefined,
    }),
  { historyLimit: 20, prefix: "sc-" },
);

// One store for every case, as against a real API server: the cases must not depend on a fresh store.
const shared = createMemoryStore({ onListenerError: () => undefined });
describeStoreContract("memory, one shared store", () => shared, { namespace: "contract", prefix: "shared-" });
