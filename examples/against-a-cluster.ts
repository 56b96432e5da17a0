// Drive pods with the Simulator through the Kubernetes adapter. With KUBECONFIG set, this runs
// against that cluster (like a KWOK controller: it creates one fake node labelled
// stagecraft.dev/example=true, manages only nodes with that label — never the node it runs on,
// NODE_NAME — and fakes the status of the pods bound to it); without KUBECONFIG it starts
// stagecraft's own Kubernetes-compatible front on 127.0.0.1 and runs against that, offline.
// It fails (exit code 1) unless every pod reaches Running and Ready.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileLifecycle, loadPreset } from "stagecraft";
import { createKubernetesStore, type KubeObject } from "stagecraft/kubernetes";
import { Simulator } from "stagecraft/runtime";
import { serveKubernetesApi } from "stagecraft/server";

const PODS = 5;
const namespace = process.env.STAGECRAFT_EXAMPLE_NAMESPACE ?? "default";
const run = Date.now().toString(36);
const label = "stagecraft.dev/example";

// 1. A cluster: KUBECONFIG's (client-node's default loading), or a simulated one
const front = process.env.KUBECONFIG ? undefined : await serveKubernetesApi({ port: 0 });
let kubeconfigPath: string | undefined;
if (front) {
  kubeconfigPath = join(mkdtempSync(join(tmpdir(), "stagecraft-example-")), "kubeconfig");
  writeFileSync(kubeconfigPath, front.kubeconfig());
}
const store = await createKubernetesStore({ ...(kubeconfigPath ? { kubeconfigPath } : {}), qps: 50, burst: 100 });
console.log(`cluster: ${store.server}${front ? " (stagecraft's simulated API server)" : ""}`);

// 2. The Simulator with the `fast` preset, managing only our fake node and the pods on it
const sim = new Simulator({
  store,
  lifecycle: compileLifecycle(loadPreset("fast")),
  seed: 1,
  manage: { nodeLabelSelector: `${label}=true`, ...(process.env.NODE_NAME ? { selfNodeName: process.env.NODE_NAME } : {}) },
});
await sim.start();

const nodeName = `stagecraft-example-${run}`;
const node: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: nodeName, labels: { [label]: "true", type: "kwok" } }, spec: {} };
const pods: KubeObject[] = Array.from({ length: PODS }, (_, i) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: `${nodeName}-pod-${i}`, namespace, labels: { [label]: run } },
  spec: { nodeName, containers: [{ name: "app", image: "registry.k8s.io/pause:3.9" }], tolerations: [{ operator: "Exists" }] },
}));

const ready = (p: KubeObject): boolean => {
  const status = p.status as { phase?: string; conditions?: { type: string; status: string }[] } | undefined;
  return status?.phase === "Running" && (status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
};

try {
  // 3. A fake node and pods bound to it
  await store.create(node);
  for (const pod of pods) await store.create(pod);

  // 4. Wait until the Simulator made every pod Running and Ready
  const deadline = Date.now() + 30_000;
  let listed: readonly KubeObject[] = [];
  while (Date.now() < deadline) {
    listed = (await store.list({ apiVersion: "v1", kind: "Pod" }, { namespace, labelSelector: `${label}=${run}` })).items;
    if (listed.length === PODS && listed.every(ready)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const pod of listed) console.log(`${pod.metadata.name}: ${(pod.status as { phase?: string }).phase}, podIP ${(pod.status as { podIP?: string }).podIP}`);
  assert.equal(listed.length, PODS);
  assert.ok(listed.every(ready), "every pod is Running and Ready");
  const nodeNow = await store.get({ apiVersion: "v1", kind: "Node", name: nodeName });
  assert.ok(((nodeNow.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some((c) => c.type === "Ready" && c.status === "True"), "the fake node is Ready");
  console.log(`${PODS} pods Running and Ready on ${nodeName}`);
} finally {
  // 5. Clean up (pods at once, as KWOK's pod-delete does), stop, close
  sim.stop();
  for (const pod of pods) await store.delete({ apiVersion: "v1", kind: "Pod", namespace, name: pod.metadata.name ?? "" }, { gracePeriodSeconds: 0 }).catch(() => undefined);
  await store.delete({ apiVersion: "v1", kind: "Node", name: nodeName }).catch(() => undefined);
  await store.close();
  await front?.close();
}
