/**
 * Objects `stagecraft simulate --nodes N --pods N` creates.
 *
 * @module
 * @internal
 */
import type { KubeObject } from "../../runtime.js";

/**
 * N bare nodes `node-0…` (no status, as a freshly registered fake node) and N pods `pod-0…`
 * bound round-robin to them (as after scheduling; unbound with `bound: false`), in `default`.
 */
export function generatedObjects(options: { readonly nodes: number; readonly pods: number; readonly bound?: boolean }): KubeObject[] {
  const out: KubeObject[] = [];
  for (let i = 0; i < options.nodes; i++) {
    out.push({
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: `node-${i}`, labels: { type: "kwok", "kubernetes.io/hostname": `node-${i}` }, annotations: { "kwok.x-k8s.io/node": "fake" } },
      spec: {},
    });
  }
  for (let i = 0; i < options.pods; i++) {
    out.push({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `pod-${i}`, namespace: "default", labels: { app: "sim" } },
      spec: {
        ...(options.bound === false ? {} : { nodeName: `node-${i % Math.max(1, options.nodes)}` }),
        containers: [{ name: "app", image: "registry.k8s.io/pause:3.9" }],
        tolerations: [{ key: "kwok.x-k8s.io/node", operator: "Exists", effect: "NoSchedule" }],
      },
    });
  }
  return out;
}
