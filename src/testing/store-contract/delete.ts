/**
 * Contract cases: delete with finalizers, grace periods and preconditions.
 *
 * @module
 */
import { expect, it } from "vitest";
import { CONFIG_MAP, configMap, expectStoreError, pod, refOf, rvOf } from "./fixtures.js";
import type { Context } from "./fixtures.js";

/** Registers the delete cases. */
export function deleteCases(ctx: Context): void {
  it("delete removes an object without finalizers and returns its last state", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    const deleted = await store.delete(refOf(created));
    expect(deleted.metadata.uid).toBe(created.metadata.uid);
    await expectStoreError(store.get(refOf(created)), "NotFound", 404);
  });

  it("delete of a missing object fails with NotFound", async () => {
    const store = await ctx.store();
    const name = ctx.name("missing");
    await expectStoreError(store.delete({ ...CONFIG_MAP, namespace: ctx.ns, name }), "NotFound", 404, `configmaps "${name}" not found`);
  });

  it("delete of an object with finalizers sets deletionTimestamp and keeps it", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { finalizers: ["example.com/hold"] }));
    const deleting = await store.delete(refOf(created));
    expect(deleting.metadata.deletionTimestamp).toMatch(/Z$/);
    expect(deleting.metadata.deletionGracePeriodSeconds).toBe(0);
    const stored = await store.get(refOf(created));
    expect(stored.metadata.deletionTimestamp).toBe(deleting.metadata.deletionTimestamp);
    expect(rvOf(stored)).toBeGreaterThan(rvOf(created));
  });

  it("removing the last finalizer of a deleted object removes it", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { finalizers: ["example.com/a", "example.com/b"] }));
    await store.delete(refOf(created));
    await store.patch(refOf(created), { patchType: "json", data: [{ op: "remove", path: "/metadata/finalizers/0" }] });
    expect((await store.get(refOf(created))).metadata.finalizers).toEqual(["example.com/b"]);
    await store.patch(refOf(created), { patchType: "merge", data: { metadata: { finalizers: null } } });
    await expectStoreError(store.get(refOf(created)), "NotFound", 404);
  });

  it("no finalizer can be added to an object being deleted (Invalid, 422)", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { finalizers: ["example.com/a"] }));
    await store.delete(refOf(created));
    await expectStoreError(store.patch(refOf(created), { patchType: "merge", data: { metadata: { finalizers: ["example.com/a", "example.com/b"] } } }), "Invalid", 422);
  });

  it("a second delete of an object being deleted changes nothing", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { finalizers: ["example.com/a"] }));
    const first = await store.delete(refOf(created));
    const second = await store.delete(refOf(created));
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
  });

  it("a scheduled Pod deleted with the default grace period stays, terminating, for 30 s", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    const deleting = await store.delete(refOf(created));
    expect(deleting.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(Date.parse(deleting.metadata.deletionTimestamp ?? "")).toBeGreaterThan(Date.parse(created.metadata.creationTimestamp ?? ""));
    expect((await store.get(refOf(created))).metadata.deletionTimestamp).toBe(deleting.metadata.deletionTimestamp);
  });

  it("a terminating Pod is removed by a delete with grace period 0 (KWOK's pod-delete)", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    await store.delete(refOf(created));
    await store.delete(refOf(created), { gracePeriodSeconds: 0 });
    await expectStoreError(store.get(refOf(created)), "NotFound", 404);
  });

  it("a Pod with finalizers deleted with grace 0 stays until its finalizers are removed", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node"), finalizers: ["kwok.x-k8s.io/fake"] }));
    const deleting = await store.delete(refOf(created), { gracePeriodSeconds: 0 });
    expect(deleting.metadata.deletionGracePeriodSeconds).toBe(0);
    await store.patch(refOf(created), { patchType: "json", data: [{ op: "remove", path: "/metadata/finalizers" }] });
    await expectStoreError(store.get(refOf(created)), "NotFound", 404);
  });

  it("a Pod with a grace period keeps existing after its finalizers are removed", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node"), finalizers: ["kwok.x-k8s.io/fake"] }));
    await store.delete(refOf(created), { gracePeriodSeconds: 10 });
    const patched = await store.patch(refOf(created), { patchType: "json", data: [{ op: "remove", path: "/metadata/finalizers" }] });
    expect(patched.metadata.deletionGracePeriodSeconds).toBe(10);
    await store.delete(refOf(created), { gracePeriodSeconds: 0 });
    await expectStoreError(store.get(refOf(created)), "NotFound", 404);
  });

  it("a later delete may shorten the grace period", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node"), finalizers: ["kwok.x-k8s.io/fake"] }));
    const first = await store.delete(refOf(created), { gracePeriodSeconds: 60 });
    const second = await store.delete(refOf(created), { gracePeriodSeconds: 10 });
    expect(second.metadata.deletionGracePeriodSeconds).toBe(10);
    expect(Date.parse(second.metadata.deletionTimestamp ?? "")).toBe(Date.parse(first.metadata.deletionTimestamp ?? "") - 50_000);
    const third = await store.delete(refOf(created), { gracePeriodSeconds: 20 });
    expect(third.metadata.deletionGracePeriodSeconds).toBe(10);
  });

  it("an unscheduled Pod is deleted at once", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p")));
    await store.delete(refOf(created));
    await expectStoreError(store.get(refOf(created)), "NotFound", 404);
  });

  it("a uid precondition that does not hold fails with Conflict (409)", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    await expectStoreError(store.delete(refOf(created), { preconditions: { uid: "00000000-0000-0000-0000-000000000000" } }), "Conflict", 409);
    expect((await store.get(refOf(created))).metadata.uid).toBe(created.metadata.uid);
  });

  it("a resourceVersion precondition that does not hold fails with Conflict (409)", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    await store.patch(refOf(created), { patchType: "merge", data: { data: { key: "2" } } });
    await expectStoreError(store.delete(refOf(created), { preconditions: { resourceVersion: created.metadata.resourceVersion ?? "" } }), "Conflict", 409);
  });

  it("preconditions that hold let the delete through", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    await store.delete(refOf(created), { preconditions: { uid: created.metadata.uid ?? "", resourceVersion: created.metadata.resourceVersion ?? "" } });
    await expectStoreError(store.get(refOf(created)), "NotFound", 404);
  });

  it("kinds other than Pods ignore the grace period", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    await store.delete(refOf(created), { gracePeriodSeconds: 30 });
    await expectStoreError(store.get(refOf(created)), "NotFound", 404);
  });

  it("a name can be reused after delete, with a new uid", async () => {
    const store = await ctx.store();
    const name = ctx.name("cm");
    const first = await store.create(configMap(ctx, name));
    await store.delete(refOf(first));
    const second = await store.create(configMap(ctx, name));
    expect(second.metadata.uid).not.toBe(first.metadata.uid);
  });
}
