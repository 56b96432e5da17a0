/**
 * Contract cases: json, merge, strategic and apply patches on the main resource and on `status`.
 *
 * @module
 */
import { expect, it } from "vitest";
import { CONFIG_MAP, POD, configMap, expectStoreError, pod, record, refOf, rvOf, settle } from "./fixtures.js";
import type { Context } from "./fixtures.js";

type Conditions = { type: string; status: string }[];

/** Registers the patch cases. */
export function patchCases(ctx: Context): void {
  it("merge patch adds and replaces fields", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { data: { a: "1", b: "2" } }));
    const patched = await store.patch(refOf(created), { patchType: "merge", data: { data: { b: "3", c: "4" } } });
    expect(patched["data"]).toEqual({ a: "1", b: "3", c: "4" });
    expect(rvOf(patched)).toBeGreaterThan(rvOf(created));
  });

  it("merge patch null removes a field", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { data: { a: "1", b: "2" }, labels: { x: "y" } }));
    const patched = await store.patch(refOf(created), { patchType: "merge", data: { data: { a: null }, metadata: { labels: null } } });
    expect(patched["data"]).toEqual({ b: "2" });
    expect(patched.metadata.labels).toBeUndefined();
  });

  it("json patch add, replace and remove", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { data: { a: "1", b: "2" }, finalizers: ["x/y"] }));
    const patched = await store.patch(refOf(created), {
      patchType: "json",
      data: [
        { op: "add", path: "/data/c", value: "3" },
        { op: "replace", path: "/data/a", value: "9" },
        { op: "remove", path: "/metadata/finalizers" },
      ],
    });
    expect(patched["data"]).toEqual({ a: "9", b: "2", c: "3" });
    expect(patched.metadata.finalizers).toBeUndefined();
  });

  it("json patch whose test fails is rejected with Invalid (422) and changes nothing", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { data: { a: "1" } }));
    await expectStoreError(store.patch(refOf(created), { patchType: "json", data: [{ op: "test", path: "/data/a", value: "2" }, { op: "add", path: "/data/b", value: "x" }] }), "Invalid", 422);
    expect((await store.get(refOf(created))).metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  it("json patch removing a missing path is rejected with Invalid (422)", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    await expectStoreError(store.patch(refOf(created), { patchType: "json", data: [{ op: "remove", path: "/metadata/finalizers/0" }] }), "Invalid", 422);
  });

  it("a json patch that is not a list of operations is rejected with BadRequest (400)", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    await expectStoreError(store.patch(refOf(created), { patchType: "json", data: { op: "add" } }), "BadRequest", 400);
  });

  it("strategic merge patch merges Pod conditions by type on status", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    const conditions = [{ type: "Initialized", status: "True" }, { type: "Ready", status: "False" }];
    await store.patch(refOf(created), { patchType: "strategic", subresource: "status", data: { status: { conditions } } });
    const patched = await store.patch(refOf(created), { patchType: "strategic", subresource: "status", data: { status: { conditions: [{ type: "Ready", status: "True" }] } } });
    const got = (patched["status"] as { conditions: Conditions }).conditions.map((c) => `${c.type}=${c.status}`);
    expect(got).toEqual(["Initialized=True", "Ready=True"]);
  });

  it("strategic merge patch merges containers by name", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p")));
    const patched = await store.patch(refOf(created), { patchType: "strategic", data: { spec: { containers: [{ name: "app", image: "registry.k8s.io/pause:3.10" }] } } });
    const containers = (patched["spec"] as { containers: { name: string; image: string }[] }).containers;
    expect(containers).toHaveLength(1);
    expect(containers[0]).toMatchObject({ name: "app", image: "registry.k8s.io/pause:3.10" });
  });

  it("apply patch merges the applied configuration into the object", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { data: { a: "1" } }));
    const applied = await store.patch(refOf(created), {
      patchType: "apply",
      fieldManager: "contract",
      force: true,
      data: { ...CONFIG_MAP, metadata: { name: created.metadata.name, namespace: ctx.ns, labels: { applied: "yes" } }, data: { b: "2" } },
    });
    expect(applied.metadata.labels).toEqual({ applied: "yes" });
    expect(applied["data"]).toEqual({ a: "1", b: "2" });
  });

  it("apply patch creates a missing object", async () => {
    const store = await ctx.store();
    const name = ctx.name("cm");
    const applied = await store.patch({ ...CONFIG_MAP, namespace: ctx.ns, name }, {
      patchType: "apply",
      fieldManager: "contract",
      force: true,
      data: { ...CONFIG_MAP, metadata: { name, namespace: ctx.ns }, data: { a: "1" } },
    });
    expect(applied.metadata.uid).toBeTruthy();
    expect((await store.get({ ...CONFIG_MAP, namespace: ctx.ns, name }))["data"]).toEqual({ a: "1" });
  });

  it("apply patch on status changes only the status", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    const applied = await store.patch(refOf(created), {
      patchType: "apply",
      subresource: "status",
      fieldManager: "contract",
      force: true,
      data: { ...POD, metadata: { name: created.metadata.name, namespace: ctx.ns, labels: { ignored: "yes" } }, status: { phase: "Running", podIP: "10.0.0.7" } },
    });
    expect(applied["status"]).toMatchObject({ phase: "Running", podIP: "10.0.0.7" });
    expect(applied["spec"]).toEqual(created["spec"]);
  });

  it("a patch of the main resource ignores .status", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    await store.patch(refOf(created), { patchType: "merge", subresource: "status", data: { status: { phase: "Running" } } });
    const patched = await store.patch(refOf(created), { patchType: "merge", data: { metadata: { labels: { a: "b" } }, status: { phase: "Failed" } } });
    expect((patched["status"] as { phase: string }).phase).toBe("Running");
    expect(patched.metadata.labels).toEqual({ a: "b" });
  });

  it("a patch of status leaves the spec alone", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    const patched = await store.patch(refOf(created), { patchType: "merge", subresource: "status", data: { spec: { activeDeadlineSeconds: 5 }, status: { phase: "Running" } } });
    expect((patched["spec"] as Record<string, unknown>)["activeDeadlineSeconds"]).toBeUndefined();
    expect((patched["status"] as { phase: string }).phase).toBe("Running");
  });

  it("json patch on status", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    await store.patch(refOf(created), { patchType: "merge", subresource: "status", data: { status: { phase: "Running" } } });
    const patched = await store.patch(refOf(created), { patchType: "json", subresource: "status", data: [{ op: "replace", path: "/status/phase", value: "Succeeded" }] });
    expect((patched["status"] as { phase: string }).phase).toBe("Succeeded");
  });

  it("a patch carrying a stale metadata.resourceVersion fails with Conflict", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    await store.patch(refOf(created), { patchType: "merge", data: { data: { key: "1" } } });
    await expectStoreError(store.patch(refOf(created), { patchType: "merge", data: { metadata: { resourceVersion: created.metadata.resourceVersion }, data: { key: "2" } } }), "Conflict", 409);
  });

  it("a patch that changes nothing keeps the resource version and emits no event", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm"), { data: { a: "1" } }));
    const watch = record(ctx, store, CONFIG_MAP, { namespace: ctx.ns, resourceVersion: created.metadata.resourceVersion ?? "", fieldSelector: `metadata.name=${created.metadata.name}` });
    const same = await store.patch(refOf(created), { patchType: "merge", data: { data: { a: "1" } } });
    await settle();
    watch.stop();
    expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(watch.summary()).toEqual([]);
  });

  it("patch of a missing object fails with NotFound", async () => {
    const store = await ctx.store();
    const name = ctx.name("missing");
    await expectStoreError(store.patch({ ...POD, namespace: ctx.ns, name }, { patchType: "merge", data: { metadata: { labels: { a: "b" } } } }), "NotFound", 404, `pods "${name}" not found`);
  });

  it("patch does not mutate its data", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    const data = { data: { nested: "x" }, metadata: { labels: { a: "b" } } };
    const before = structuredClone(data);
    const patched = await store.patch(refOf(created), { patchType: "merge", data });
    expect(data).toEqual(before);
    data.metadata.labels.a = "changed";
    expect((await store.get(refOf(patched))).metadata.labels).toEqual({ a: "b" });
  });
}
