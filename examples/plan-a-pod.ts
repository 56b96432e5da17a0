// Plan a Pod's transitions with KWOK's own pod/general stages, without a cluster: match a
// stage, read its delay, render its operations, and apply the patches to the Pod, step after
// step, until no stage matches. Time and randomness are parameters, so the run is repeatable.
import assert from "node:assert/strict";
import { applyOperation, compileLifecycle, listPossible, plan } from "stagecraft";
import { loadStageFiles } from "stagecraft/node";

const loaded = loadStageFiles("../../shared/conformance/kwok/pod/general");
assert.ok(loaded.ok);
const lifecycle = compileLifecycle(loaded.stages, {
  // KWOK's pod controller allocates pod IPs; here a fixed one
  functions: { PodIPWith: () => "10.244.0.7", NodeIPWith: () => "192.168.0.10" },
});

let pod: Record<string, unknown> = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web-0", namespace: "default", creationTimestamp: "2024-01-01T00:00:00Z" },
  spec: { nodeName: "node-1", containers: [{ name: "web", image: "nginx" }] },
  status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "True" }] },
};

let now = new Date("2024-01-01T00:00:00Z");
const seen: string[] = [];
for (let i = 0; i < 10; i++) {
  const possible = listPossible(pod, lifecycle, { now });
  assert.ok(possible.ok);
  const r = plan(pod, lifecycle, { now, rng: () => 0.5 });
  if (!r.ok) throw r.error;
  if (r.plan === undefined) break;
  const delayMs = (r.plan.delay ?? 0) / 1e6;
  now = new Date(now.getTime() + delayMs);
  console.log(`+${delayMs}ms ${r.plan.stage} (of ${possible.value.map((p) => p.stage.name).join(", ")}): ${r.plan.operations.map((o) => o.kind).join(", ")}`);
  seen.push(r.plan.stage);
  if (r.plan.operations.some((o) => o.kind === "delete")) break;
  // apply the patches the way the API server would; a real controller sends them to a cluster
  for (const op of r.plan.operations) if (op.kind === "patch") pod = applyOperation(pod, op);
}

const status = pod["status"] as { phase: string; podIP?: string; conditions: { type: string; status: string }[] };
console.log(`phase ${status.phase}, podIP ${status.podIP}, Ready=${status.conditions.find((c) => c.type === "Ready")?.status}`);
// a long-running pod (no restartPolicy Never) stops at Running: no stage matches any more
assert.deepEqual(seen, ["pod-create", "pod-ready"]);
assert.equal(status.podIP, "10.244.0.7");
assert.equal(status.conditions.find((c) => c.type === "Ready")?.status, "True");
