import { describe, expect, it } from "vitest";
import { compileLifecycle } from "../plan/compile-lifecycle.js";
import { loadStagesOrThrow } from "../stage/load.js";
import { explain, explainAsync } from "./explain.js";

const text = `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-ready}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: In, values: [Pending]}
  weight: 1
  delay: {durationMilliseconds: 1000, jitterDurationMilliseconds: 5000}
  next: {statusTemplate: "phase: Running"}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-quiet}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: In, values: [Pending]}
  next: {statusTemplate: "phase: Unknown"}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-done}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: In, values: [Running]}
  next: {statusTemplate: "phase: Succeeded"}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-orphan}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  next: {delete: true}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: deploy}
spec:
  resourceRef: {apiGroup: apps, kind: Deployment}
  selector: {}
  next: {delete: true}
`;
const lifecycle = compileLifecycle(loadStagesOrThrow({ text }));
const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, status: { phase: "Pending" } };

describe("explain", () => {
  it("explains every stage of the kind: matched, possible, weight, delay, and the deciding term", () => {
    const e = explain(pod, lifecycle);
    expect(e.ref).toEqual({ apiGroup: "v1", kind: "Pod" });
    expect(e.stages.map((s) => [s.stage, s.matched, s.possible])).toEqual([
      ["pod-ready", true, true],
      ["pod-quiet", true, false], // weight 0 beside a positive weight: ListAllPossible drops it
      ["pod-done", false, false],
    ]);
    expect(e.stages[0]).toMatchObject({ weight: { status: "value", value: 1 }, delay: { status: "value", value: [1e9, 5e9] } });
    const failed = e.stages[2]?.selector.terms.find((t) => t.status === "fail");
    expect(failed).toMatchObject({ description: '.status.phase In ["Running"]', values: ["Pending"] });
    expect(e.findings.map((f) => f.id)).toEqual(["no-selector"]);
    expect(e.findings[0]?.message).toContain("pod-orphan has no selector");
  });

  it("says when no stage matches", () => {
    const e = explain({ ...pod, status: { phase: "Failed" } }, lifecycle);
    expect(e.findings.map((f) => f.id)).toEqual(["no-selector", "none-matches"]);
  });

  it("says when stages exist for the kind under another apiGroup, or not at all", () => {
    expect(explain({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" } }, lifecycle).findings).toEqual([
      {
        id: "api-group-mismatch",
        message: expect.stringContaining('resourceRef.apiGroup "apps", but the object\'s apiVersion is "apps/v1"') as unknown as string,
      },
    ]);
    expect(explain({ apiVersion: "v1", kind: "Node" }, lifecycle).findings.map((f) => f.id)).toEqual(["no-stages-for-kind"]);
    expect(explain({}, lifecycle).findings.map((f) => f.id)).toEqual(["no-kind"]);
  });

  it("reports an error that aborts matching", () => {
    const cel = compileLifecycle(
      loadStagesOrThrow({ text: "apiVersion: kwok.x-k8s.io/v1alpha1\nkind: Stage\nmetadata: {name: c}\nspec:\n  resourceRef: {apiGroup: v1, kind: Pod}\n  selector:\n    matchExpressions:\n    - cel: {expression: 'self.spec.nodeName == \"n\"'}\n  next: {delete: true}\n" }),
    );
    const e = explain(pod, cel);
    expect(e.findings.map((f) => f.id)).toEqual(["match-error"]);
    expect(e.stages[0]?.selector.terms[0]?.status).toBe("error");
  });

  it("has an async twin that agrees", async () => {
    expect(await explainAsync(pod, lifecycle)).toEqual(explain(pod, lifecycle));
  });
});
