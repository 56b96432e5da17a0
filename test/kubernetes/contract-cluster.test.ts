import { afterAll, describe, it } from "vitest";
import { createKubernetesStore, type KubernetesStore } from "../../src/adapters/kubernetes/kubernetes-store.js";
import { describeStoreContract } from "../../src/testing/store-contract.js";

// The contract suite against a real cluster: set STAGECRAFT_TEST_KUBECONFIG to a kubeconfig file
// (and optionally STAGECRAFT_TEST_NAMESPACE, which must exist; objects are left behind there).
const kubeconfigPath = process.env["STAGECRAFT_TEST_KUBECONFIG"];

if (kubeconfigPath === undefined || kubeconfigPath === "") {
  console.warn("STAGECRAFT_TEST_KUBECONFIG is not set: the store contract suite against a real cluster is skipped");
  describe.skip("ResourceStore contract: kubernetes adapter against a real cluster (STAGECRAFT_TEST_KUBECONFIG not set)", () => {
    it("needs a cluster", () => undefined);
  });
} else {
  let store: Promise<KubernetesStore> | undefined;
  afterAll(async () => {
    await (await store)?.close();
  });
  describeStoreContract(
    "kubernetes adapter against a real cluster",
    () => {
      store ??= createKubernetesStore({ kubeconfigPath });
      return store;
    },
    { namespace: process.env["STAGECRAFT_TEST_NAMESPACE"] ?? "default", prefix: `sc-${Date.now().toString(36)}-`, timeoutMs: 15_000 },
  );
}
