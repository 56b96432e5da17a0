import { describe, expect, it } from "vitest";
import { loadStagesOrThrow } from "../stage/load.js";
import { placeholderFunctions } from "../template/exec/placeholders.js";
import { compileLifecycle } from "./compile-lifecycle.js";
import { listPossible, listPossibleAsync, match, matchAsync, plan, planAsync } from "./plan.js";

const STAGES = `
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-ready}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: In, values: [Pending]}
  weight: 1
  delay: {durationMilliseconds: 1000, jitterDurationMilliseconds: 5000}
  next:
    event: {type: Normal, reason: Started, message: started}
    finalizers: {add: [{value: kwok.x-k8s.io/fake}]}
    statusTemplate: |
      phase: Running
      startTime: {{ Now }}
      podIP: {{ PodIPWith .spec.nodeName }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-chaos}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .status.phase, operator: In, values: [Pending]}
  weight: 3
  immediateNextStage: true
  next:
    statusTemplate: "phase: Failed"
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: pod-delete}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: .metadata.deletionTimestamp, operator: Exists}
  delay:
    durationMilliseconds: 1000
    jitterDurationFrom: {expressionFrom: .metadata.deletionTimestamp}
  next:
    finalizers: {empty: true}
    delete: true
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: node-ready}
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector:
    matchExpressions:
    - cel: {expression: "self.metadata.name.startsWith('n')"}
  next:
    patches:
    - subresource: status
      root: status
      template: "phase: Running"
`;

const stages = loadStagesOrThrow({ text: STAGES, file: "stages.yaml" });
const lifecycle = compileLifecycle(stages, { functions: placeholderFunctions() });
const pending = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default" }, spec: { nodeName: "node-1" }, status: { phase: "Pending" } };
const now = new Date("2024-01-01T00:00:00Z");

describe("compileLifecycle", () => {
  it("groups stages by resourceRef in load order", () => {
    expect(lifecycle.refs).toEqual([
      { apiGroup: "v1", kind: "Pod" },
      { apiGroup: "v1", kind: "Node" },
    ]);
    expect(lifecycle.stagesFor(pending).map((s) => s.name)).toEqual(["pod-ready", "pod-chaos", "pod-delete"]);
    expect(lifecycle.stagesFor({ apiGroup: "v1", kind: "Node" }).map((s) => s.name)).toEqual(["node-ready"]);
    expect(lifecycle.stagesFor({ apiVersion: "apps/v1", kind: "Pod" })).toEqual([]);
    expect(lifecycle.stagesFor(null)).toEqual([]);
    expect(lifecycle.async).toBe(false);
  });

  it("drops stages without selector, as KWOK does", () => {
    const noSelector = loadStagesOrThrow({ text: "kind: Stage\napiVersion: kwok.x-k8s.io/v1alpha1\nmetadata: {name: x}\nspec: {resourceRef: {apiGroup: v1, kind: Pod}}\n" });
    expect(compileLifecycle(noSelector).stages).toEqual([]);
  });

  it("chooses strategic merge for Pods and Nodes only in controller mode", () => {
    const controller = compileLifecycle(stages, { defaultPatchType: "controller" });
    expect(controller.stages.map((s) => s.steps.find((st) => st.patch)?.patch?.patchType)).toEqual(["strategic", "strategic", undefined, "strategic"]);
    expect(lifecycle.stages.map((s) => s.steps.find((st) => st.patch)?.patch?.patchType)).toEqual(["merge", "merge", undefined, "merge"]);
  });
});

describe("match and listPossible", () => {
  it("lists every positive-weight candidate", () => {
    const r = listPossible(pending, lifecycle, { now });
    expect(r.ok && r.value.map((p) => [p.stage.name, p.weight])).toEqual([
      ["pod-ready", 1],
      ["pod-chaos", 3],
    ]);
  });

  it("picks by weight with the injected rng", () => {
    const pickWith = (x: number) => {
      const r = match(pending, lifecycle, { rng: () => x });
      return r.ok ? r.value?.name : r.error.message;
    };
    expect(pickWith(0)).toBe("pod-ready"); // r = 0 < 1
    expect(pickWith(0.25)).toBe("pod-chaos"); // r = 1
    expect(pickWith(0.99)).toBe("pod-chaos");
  });

  it("returns undefined when nothing matches", () => {
    const r = match({ ...pending, status: { phase: "Running" } }, lifecycle);
    expect(r).toEqual({ ok: true, value: undefined });
  });

  it("reports a CEL runtime error instead of throwing, aborting the match", () => {
    const r = match({ apiVersion: "v1", kind: "Node" }, lifecycle);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("E_CEL_RUNTIME");
  });

  it("has async twins that agree", async () => {
    expect(await matchAsync(pending, lifecycle, { rng: () => 0.5 })).toEqual(match(pending, lifecycle, { rng: () => 0.5 }));
    expect(await listPossibleAsync(pending, lifecycle)).toEqual(listPossible(pending, lifecycle));
  });
});

describe("plan", () => {
  it("returns the stage, the sampled delay and the operations in KWOK's order", () => {
    const r = plan(pending, lifecycle, { now, rng: () => 0.5, stage: "pod-ready" });
    expect(r.ok).toBe(true);
    if (!r.ok || r.plan === undefined) return;
    expect(r.plan.stage).toBe("pod-ready");
    expect(r.plan.delay).toBe(1e9 + 0.5 * 4e9); // d + U[0, j − d)
    expect(r.plan.immediateNextStage).toBe(false);
    expect(r.plan.operations).toEqual([
      { kind: "event", step: 0, type: "Normal", reason: "Started", message: "started" },
      {
        kind: "patch",
        step: 1,
        source: "finalizers",
        patchType: "json",
        contentType: "application/json-patch+json",
        subresource: "",
        data: [{ op: "add", path: "/metadata/finalizers", value: ["kwok.x-k8s.io/fake"] }],
      },
      {
        kind: "patch",
        step: 2,
        source: "patch",
        patchType: "merge",
        contentType: "application/merge-patch+json",
        subresource: "status",
        data: { status: { phase: "Running", startTime: "<Now>", podIP: '<PodIPWith("node-1")>' } },
      },
    ]);
  });

  it("renders Now with the given instant when no placeholder replaces it", () => {
    const real = compileLifecycle(stages, { functions: { PodIPWith: () => "10.0.0.2" } });
    const r = plan(pending, real, { now: new Date("2024-01-01T00:00:00.250Z"), stage: "pod-ready" });
    expect(r.ok && r.plan?.operations[2]).toMatchObject({ data: { status: { startTime: "2024-01-01T00:00:00.25Z", podIP: "10.0.0.2" } } });
  });

  it("takes per-call functions over the lifecycle's", () => {
    const functions = { PodIPWith: () => "10.9.9.9" };
    const r = plan(pending, lifecycle, { now, stage: "pod-ready", functions });
    expect(r.ok && r.plan?.operations[2]).toMatchObject({ data: { status: { podIP: "10.9.9.9" } } });
    const again = plan(pending, lifecycle, { now, stage: "pod-ready" });
    expect(again.ok && again.plan?.operations[2]).toMatchObject({ data: { status: { podIP: '<PodIPWith("node-1")>' } } });
  });

  it("carries immediateNextStage and has no delay when the stage has none", () => {
    const r = plan(pending, lifecycle, { stage: "pod-chaos" });
    expect(r.ok && r.plan).toMatchObject({ stage: "pod-chaos", immediateNextStage: true });
    expect(r.ok && r.plan && "delay" in r.plan).toBe(false);
  });

  it("uses jitter as the delay when it is not above the duration (deletionTimestamp = now → 0)", () => {
    const deleting = { ...pending, metadata: { ...pending.metadata, deletionTimestamp: "2024-01-01T00:00:00Z", finalizers: ["a"] } };
    const r = plan(deleting, lifecycle, { now, stage: "pod-delete" });
    expect(r.ok && r.plan?.delay).toBe(0);
    expect(r.ok && r.plan?.operations.map((o) => o.kind)).toEqual(["patch", "delete"]);
  });

  it("returns the error, the failing step and the operations before it when a template fails", () => {
    const broken = loadStagesOrThrow({
      text: `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: broken}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector: {}
  steps:
  - event: {type: Normal, reason: A, message: a}
  - event: {type: Normal, reason: B, message: b}
    patch:
      template: "x: {{ index .status.missing 0 }}"
`,
    });
    const r = plan(pending, compileLifecycle(broken), { now });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r).toMatchObject({ stage: "broken", step: 1 });
    expect(r.error.code).toBe("E_TEMPLATE_EXEC");
    expect(r.error.message).toContain("index of untyped nil");
    expect(r.operations.map((o) => (o.kind === "event" ? o.reason : o.kind))).toEqual(["A", "B"]);
  });

  it("reports an unknown stage name", () => {
    const r = plan(pending, lifecycle, { stage: "nope" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('no stage named "nope"');
  });

  it("does not mutate the object", () => {
    const frozen = structuredClone(pending);
    const deepFreeze = (o: unknown): void => {
      if (o !== null && typeof o === "object") {
        Object.freeze(o);
        Object.values(o).forEach(deepFreeze);
      }
    };
    deepFreeze(frozen);
    expect(plan(frozen, lifecycle, { now }).ok).toBe(true);
    expect(frozen).toEqual(pending);
  });

  it("plans are plain JSON data", () => {
    const r = plan(pending, lifecycle, { now, rng: () => 0 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("planAsync agrees with plan", async () => {
    expect(await planAsync(pending, lifecycle, { now, rng: () => 0.3 })).toEqual(plan(pending, lifecycle, { now, rng: () => 0.3 }));
  });
});

describe("JSONata lifecycles", () => {
  const text = `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: j}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - jsonata: {expression: "status.phase = 'Pending'"}
  next:
    statusTemplate: "phase: Running"
`;
  it("need the async functions, and say so", async () => {
    const jl = compileLifecycle(loadStagesOrThrow({ text }));
    expect(jl.async).toBe(true);
    expect(() => match(pending, jl)).toThrow(/Async/);
    const r = await planAsync(pending, jl, { now });
    expect(r.ok && r.plan?.stage).toBe("j");
  });
});

describe("sprig's clock and random functions in plans", () => {
  const text = `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: s}
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector: {}
  next:
    statusTemplate: |
      at: {{ now | date "2006-01-02T15:04:05Z07:00" }}
      token: {{ randAlphaNum 8 | quote }}
`;
  it("read the plan's now and rng, so plans stay deterministic", () => {
    const sl = compileLifecycle(loadStagesOrThrow({ text }));
    const run = (x: number) => plan(pending, sl, { now: new Date("2024-05-06T07:08:09Z"), rng: () => x });
    const a = run(0.1);
    expect(a.ok && a.plan?.operations[0]).toMatchObject({ data: { status: { at: "2024-05-06T07:08:09Z" } } });
    expect(run(0.1)).toEqual(a);
    expect(run(0.9)).not.toEqual(a);
  });
});
