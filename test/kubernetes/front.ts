/**
 * Test support: stagecraft's HTTP front (serveKubernetesApi) with a kubeconfig file, and a
 * Kubernetes store pointed at it.
 *
 * @module
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createKubernetesStore, type KubernetesStore } from "../../src/adapters/kubernetes/kubernetes-store.js";
import type { KubernetesStoreOptions } from "../../src/adapters/kubernetes/options.js";
import { serveKubernetesApi } from "../../src/server.js";
import type { KubernetesApiServer, ServeOptions } from "../../src/server.js";

/** A running front and a store talking to it. */
export interface FrontAndStore {
  /** The front. */
  readonly front: KubernetesApiServer;
  /** The kubeconfig file. */
  readonly kubeconfigPath: string;
  /** The adapter. */
  readonly store: KubernetesStore;
  /** Closes both. */
  close(): Promise<void>;
}

/**
 * Starts the front and connects an adapter to it through a kubeconfig file.
 *
 * @param serve - options of the front
 * @param options - options of the adapter
 * @returns both
 */
export async function startFront(serve: ServeOptions = {}, options: KubernetesStoreOptions = {}): Promise<FrontAndStore> {
  const front = await serveKubernetesApi(serve);
  const dir = mkdtempSync(join(tmpdir(), "stagecraft-kube-"));
  const kubeconfigPath = join(dir, "kubeconfig");
  writeFileSync(kubeconfigPath, front.kubeconfig());
  const store = await createKubernetesStore({ kubeconfigPath, ...options });
  return {
    front,
    kubeconfigPath,
    store,
    async close() {
      await store.close({ timeoutMs: 1000 });
      await front.close();
    },
  };
}
