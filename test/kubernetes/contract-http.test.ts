import { afterAll, beforeAll } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory/memory-store.js";
import { describeStoreContract } from "../../src/testing/store-contract.js";
import { type FrontAndStore, startFront } from "./front.js";

// The memory store's contract suite, through the adapter, against stagecraft's HTTP front. The
// served memory store keeps 20 changes per type, so the suite also checks that a watch from a
// compacted resourceVersion fails with Expired (410).
const HISTORY = 20;
let env: FrontAndStore | undefined;
beforeAll(async () => {
  env = await startFront({ store: createMemoryStore({ history: HISTORY, onListenerError: () => undefined }) }, { qps: Number.POSITIVE_INFINITY });
});
afterAll(async () => {
  await env?.close();
});

describeStoreContract(
  "kubernetes adapter over the HTTP front",
  () => {
    if (env === undefined) throw new Error("the front did not start");
    return env.store;
  },
  { namespace: "contract", prefix: "http-", historyLimit: HISTORY },
);
