import { afterEach, describe, expect, it } from "vitest";
import { loadClusterStages } from "../../src/adapters/kubernetes/cluster-stages.js";
import { StageCrdError, StageCrdErrorCode } from "../../src/adapters/kubernetes/stage-crd-error.js";
import { STAGE_RESOURCE, stageCrdManifest } from "../../src/adapters/kubernetes/stage-crd-manifest.js";
import { installStageCrd, stageCrdState } from "../../src/adapters/kubernetes/stage-crd.js";
import { createMemoryStore } from "../../src/adapters/memory/memory-store.js";
import type { KubeObject } from "../../src/store/types.js";
import { type FrontAndStore, startFront } from "./front.js";

const podReady: KubeObject = {
  apiVersion: STAGE_RESOURCE.apiVersion,
  kind: STAGE_RESOURCE.kind,
  metadata: { name: "pod-ready" },
  spec: {
    resourceRef: { kind: "Pod" }, // apiGroup left to the CRD's default, v1
    selector: { matchExpressions: [{ key: ".status.phase", operator: "DoesNotExist" }] },
    next: { statusTemplate: "phase: Running" },
  },
};

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

let env: FrontAndStore | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe("Stages from the cluster, through the adapter and the front", () => {
  it("says exactly that the CRD is missing, then that it is not yet Established", async () => {
    env = await startFront({ crdEstablishDelayMs: 400 });
    const missing = await failure(loadClusterStages(env.store));
    expect(missing).toBeInstanceOf(StageCrdError);
    expect((missing as StageCrdError).code).toBe(StageCrdErrorCode.Missing);
    expect((missing as Error).message).toMatch(/^the CustomResourceDefinition stages\.kwok\.x-k8s\.io is not installed, so the cluster has no Stages \(and Stages applied before it were rejected: that is why KWOK nodes stay NotReady\)/);
    await env.store.create(stageCrdManifest());
    const pending = await failure(loadClusterStages(env.store));
    expect((pending as StageCrdError).code).toBe(StageCrdErrorCode.NotEstablished);
    expect((pending as Error).message).toContain("is installed but not yet Established");
  });

  it("installStageCrd waits for Established, then creates the Stages; loadClusterStages parses them", async () => {
    env = await startFront({ crdEstablishDelayMs: 300 });
    const started = Date.now();
    const result = await installStageCrd(env.store, { stages: [podReady], pollMs: 50, timeoutMs: 10_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(result.created).toBe(true);
    expect(result.stages.map((s) => s.metadata.name)).toEqual(["pod-ready"]);
    expect((await stageCrdState(env.store)).established).toBe(true);
    const again = await installStageCrd(env.store, { stages: [podReady], pollMs: 50 });
    expect(again.created).toBe(false);
    const loaded = await loadClusterStages(env.store);
    expect(loaded.ok).toBe(true);
    expect(loaded.stages.map((s) => `${s.name} ${s.resourceRef.apiGroup}/${s.resourceRef.kind}`)).toEqual(["pod-ready v1/Pod"]);
  });

  it("installStageCrd gives up with E_STAGE_CRD_TIMEOUT and creates no Stage", async () => {
    const store = createMemoryStore(); // a store that never establishes CRDs
    let now = 0;
    const error = await failure(installStageCrd(store, { stages: [podReady], timeoutMs: 1000, pollMs: 100, now: () => now, sleep: async (ms) => void (now += ms) }));
    expect((error as StageCrdError).code).toBe(StageCrdErrorCode.Timeout);
    expect((error as Error).message).toBe("the CustomResourceDefinition stages.kwok.x-k8s.io was not Established within 1000 ms (conditions: none); no Stages were created");
    expect((await store.list({ apiVersion: STAGE_RESOURCE.apiVersion, kind: STAGE_RESOURCE.kind })).items).toEqual([]);
  });

  it("reports invalid Stages per object and returns the valid ones (skipCrdCheck)", async () => {
    const store = createMemoryStore();
    await store.create(podReady);
    await store.create({ ...podReady, metadata: { name: "broken" }, spec: { resourceRef: { kind: "Pod" }, selector: { matchExpressions: [{ key: ".a", operator: "Sometimes" }] }, next: { delete: true } } });
    const loaded = await loadClusterStages(store, { skipCrdCheck: true });
    expect(loaded.ok).toBe(false);
    expect(loaded.stages.map((s) => s.name)).toEqual(["pod-ready"]);
    expect(loaded.issues.map((i) => i.name)).toEqual(["broken"]);
    expect(loaded.issues[0]?.issues.some((i) => i.code === "E_INVALID_OPERATOR")).toBe(true);
  });

  it("the manifest is a new object on every call", () => {
    const a = stageCrdManifest();
    expect(a).not.toBe(stageCrdManifest());
    expect(a.metadata.name).toBe("stages.kwok.x-k8s.io");
    expect(a["spec"]).toMatchObject({ group: "kwok.x-k8s.io", scope: "Cluster", names: { kind: "Stage", plural: "stages" } });
  });
});
