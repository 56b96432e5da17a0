/**
 * Contract cases: create and get.
 *
 * @module
 */
import { expect, it } from "vitest";
import { CONFIG_MAP, NODE, configMap, expectStoreError, refOf, rvOf } from "./fixtures.js";
import type { Context } from "./fixtures.js";

/** Registers the create/get cases. */
export function createAndGetCases(ctx: Context): void {
  it("create sets uid, resourceVersion and creationTimestamp", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(created.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.metadata.namespace).toBe(ctx.ns);
    expect(created["data"]).toEqual({ key: "value" });
  });

  it("get returns the stored object", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    expect(await store.get(refOf(created))).toEqual(created);
  });

  it("create does not mutate or keep its argument", async () => {
    const store = await ctx.store();
    const input = configMap(ctx, ctx.name("cm"), { labels: { a: "1" } });
    const before = structuredClone(input);
    const created = await store.create(input);
    expect(input).toEqual(before);
    (input.metadata.labels as Record<string, string>)["a"] = "changed";
    expect((await store.get(refOf(created))).metadata.labels).toEqual({ a: "1" });
  });

  it("create overrides a uid set by the caller", async () => {
    const store = await ctx.store();
    const input = configMap(ctx, ctx.name("cm"));
    const created = await store.create({ ...input, metadata: { ...input.metadata, uid: "caller-uid" } });
    expect(created.metadata.uid).not.toBe("caller-uid");
  });

  it("create of an existing name fails with AlreadyExists (409)", async () => {
    const store = await ctx.store();
    const name = ctx.name("cm");
    await store.create(configMap(ctx, name));
    await expectStoreError(store.create(configMap(ctx, name)), "AlreadyExists", 409, `configmaps "${name}" already exists`);
  });

  it("the same name may exist in two namespaces or two kinds", async () => {
    const store = await ctx.store();
    const name = ctx.name("cm");
    await store.create(configMap(ctx, name));
    const secret = await store.create({ apiVersion: "v1", kind: "Secret", metadata: { name, namespace: ctx.ns }, data: {} });
    expect(secret.metadata.name).toBe(name);
  });

  it("generateName completes the name with 5 characters", async () => {
    const store = await ctx.store();
    const prefix = `${ctx.name("gen")}-`;
    const a = await store.create({ ...CONFIG_MAP, metadata: { generateName: prefix, namespace: ctx.ns } });
    const b = await store.create({ ...CONFIG_MAP, metadata: { generateName: prefix, namespace: ctx.ns } });
    expect(a.metadata.name).toMatch(new RegExp(`^${prefix}[a-z0-9]{5}$`));
    expect(a.metadata.generateName).toBe(prefix);
    expect(a.metadata.name).not.toBe(b.metadata.name);
  });

  it("create without name or generateName fails with Invalid (422)", async () => {
    const store = await ctx.store();
    await expectStoreError(store.create({ ...CONFIG_MAP, metadata: { namespace: ctx.ns } }), "Invalid", 422);
  });

  it("get of a missing object fails with NotFound (404) and the API server's message", async () => {
    const store = await ctx.store();
    const name = ctx.name("missing");
    await expectStoreError(store.get({ ...CONFIG_MAP, namespace: ctx.ns, name }), "NotFound", 404, `configmaps "${name}" not found`);
  });

  it("NotFound names the group of non-core resources", async () => {
    const store = await ctx.store();
    const name = ctx.name("missing");
    await expectStoreError(store.get({ apiVersion: "apps/v1", kind: "Deployment", namespace: ctx.ns, name }), "NotFound", 404, `deployments.apps "${name}" not found`);
  });

  it("get in another namespace fails with NotFound", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    await expectStoreError(store.get({ ...refOf(created), namespace: `${ctx.ns}-other` }), "NotFound", 404);
  });

  it("cluster-scoped objects have no namespace", async () => {
    const store = await ctx.store();
    const node = await store.create({ ...NODE, metadata: { name: ctx.name("node") } });
    expect(node.metadata.namespace).toBeUndefined();
    expect((await store.get({ ...NODE, name: node.metadata.name ?? "" })).metadata.uid).toBe(node.metadata.uid);
  });

  it("resource versions grow with every write", async () => {
    const store = await ctx.store();
    const a = await store.create(configMap(ctx, ctx.name("cm")));
    const b = await store.create(configMap(ctx, ctx.name("cm")));
    const a2 = await store.patch(refOf(a), { patchType: "merge", data: { data: { key: "other" } } });
    expect(rvOf(b)).toBeGreaterThan(rvOf(a));
    expect(rvOf(a2)).toBeGreaterThan(rvOf(b));
  });

  it("stores core/v1 Events like any object", async () => {
    const store = await ctx.store();
    const event = await store.create({
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: ctx.name("ev"), namespace: ctx.ns },
      involvedObject: { kind: "Pod", name: "p", namespace: ctx.ns },
      reason: "Created",
      message: "Created container",
      type: "Normal",
    });
    expect((await store.get(refOf(event)))["reason"]).toBe("Created");
  });

  it("stores Leases like any object", async () => {
    const store = await ctx.store();
    const lease = await store.create({
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name: ctx.name("lease"), namespace: ctx.ns },
      spec: { holderIdentity: "kwok", leaseDurationSeconds: 40 },
    });
    const renewed = await store.patch(refOf(lease), { patchType: "merge", data: { spec: { renewTime: "2024-01-01T00:00:00.000000Z" } } });
    expect(renewed["spec"]).toEqual({ holderIdentity: "kwok", leaseDurationSeconds: 40, renewTime: "2024-01-01T00:00:00.000000Z" });
  });
}
