/**
 * Contract cases: update of the main resource and of the `status` subresource, optimistic
 * concurrency and `generation`.
 *
 * @module
 */
import { expect, it } from "vitest";
import type { KubeObject } from "../../store/types.js";
import { CONFIG_MAP, configMap, expectStoreError, pod, record, refOf, rvOf, settle } from "./fixtures.js";
import type { Context } from "./fixtures.js";

function deployment(ctx: Context, name: string): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ctx.ns },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image: "registry.k8s.io/pause:3.9" }] } },
    },
  };
}

/** Registers the update cases. */
export function updateCases(ctx: Context): void {
  it("update replaces the object and bumps the resource version", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    const updated = await store.update({ ...created, data: { key: "new" }, metadata: { ...created.metadata, labels: { x: "y" } } });
    expect(updated["data"]).toEqual({ key: "new" });
    expect(updated.metadata.labels).toEqual({ x: "y" });
    expect(rvOf(updated)).toBeGreaterThan(rvOf(created));
  });

  it("update with a stale resourceVersion fails with Conflict (409) and the API server's message", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    await store.update({ ...created, data: { key: "first" } });
    const name = created.metadata.name ?? "";
    await expectStoreError(
      store.update({ ...created, data: { key: "second" } }),
      "Conflict",
      409,
      `Operation cannot be fulfilled on configmaps "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    );
    expect((await store.get(refOf(created)))["data"]).toEqual({ key: "first" });
  });

  it("update without a resourceVersion is unconditional", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    const { resourceVersion: _rv, ...meta } = created.metadata;
    const updated = await store.update({ ...created, metadata: meta, data: { key: "forced" } });
    expect(updated["data"]).toEqual({ key: "forced" });
  });

  it("update of a missing object fails with NotFound", async () => {
    const store = await ctx.store();
    await expectStoreError(store.update(configMap(ctx, ctx.name("missing"))), "NotFound", 404);
  });

  it("update keeps uid and creationTimestamp", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    const updated = await store.update({ ...created, data: { key: "new" } });
    expect(updated.metadata.uid).toBe(created.metadata.uid);
    expect(updated.metadata.creationTimestamp).toBe(created.metadata.creationTimestamp);
  });

  it("update does not mutate its argument", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    const input = structuredClone({ ...created, data: { key: "new" } });
    const before = structuredClone(input);
    await store.update(input);
    expect(input).toEqual(before);
  });

  it("an update that changes nothing keeps the resource version and emits no event", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, resourceVersion: created.metadata.resourceVersion ?? "", fieldSelector: `metadata.name=${created.metadata.name}` });
    const same = await store.update(created);
    await settle();
    watch.stop();
    expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(watch.summary()).toEqual([]);
  });

  it("an update of the main resource ignores .status", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    const withStatus = await store.patch(refOf(created), { patchType: "merge", subresource: "status", data: { status: { phase: "Running" } } });
    const updated = await store.update({ ...withStatus, status: { phase: "Failed" }, metadata: { ...withStatus.metadata, labels: { changed: "yes" } } });
    expect((updated["status"] as { phase?: string }).phase).toBe("Running");
    expect(updated.metadata.labels).toEqual({ changed: "yes" });
  });

  it("an update of the status subresource changes only .status", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    const spec = created["spec"] as Record<string, unknown>;
    const updated = await store.update({ ...created, spec: { ...spec, activeDeadlineSeconds: 5 }, status: { phase: "Running", message: "up" } }, { subresource: "status" });
    expect(updated["status"]).toMatchObject({ phase: "Running", message: "up" });
    expect((updated["spec"] as Record<string, unknown>)["activeDeadlineSeconds"]).toBeUndefined();
  });

  it("a status update with a stale resourceVersion fails with Conflict", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    await store.update({ ...created, metadata: { ...created.metadata, labels: { v: "2" } } });
    await expectStoreError(store.update({ ...created, status: { phase: "Running" } }, { subresource: "status" }), "Conflict", 409);
  });

  it("generation starts at 1 and grows on spec changes only", async () => {
    const store = await ctx.store();
    const created = await store.create(deployment(ctx, ctx.name("deploy")));
    expect(created.metadata.generation).toBe(1);
    const labelled = await store.patch(refOf(created), { patchType: "merge", data: { metadata: { labels: { a: "b" } } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = await store.patch(refOf(created), { patchType: "merge", data: { spec: { replicas: 3 } } });
    expect(scaled.metadata.generation).toBe(2);
    const status = await store.patch(refOf(created), { patchType: "merge", subresource: "status", data: { status: { observedGeneration: 2 } } });
    expect(status.metadata.generation).toBe(2);
  });
}
