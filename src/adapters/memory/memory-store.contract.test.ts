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
