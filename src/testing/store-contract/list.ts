/**
 * Contract cases: list with namespaces, label selectors and field selectors.
 *
 * @module
 */
import { expect, it } from "vitest";
import type { ListOptions, ResourceStore } from "../../store/types.js";
import { CONFIG_MAP, POD, configMap, expectStoreError, pod, refOf, rvOf } from "./fixtures.js";
import type { Context } from "./fixtures.js";

async function seed(ctx: Context, store: ResourceStore): Promise<{ a: string; b: string; c: string; d: string }> {
  const names = { a: ctx.name("a"), b: ctx.name("b"), c: ctx.name("c"), d: ctx.name("d") };
  const tag = names.a;
  await store.create(configMap(ctx, names.a, { labels: { suite: tag, app: "web", tier: "front" } }));
  await store.create(configMap(ctx, names.b, { labels: { suite: tag, app: "web", tier: "back" } }));
  await store.create(configMap(ctx, names.c, { labels: { suite: tag, app: "db" } }));
  await store.create(configMap(ctx, names.d, { labels: { suite: tag } }));
  return names;
}

async function names(store: ResourceStore, ctx: Context, tag: string, selector: string): Promise<string[]> {
  const options: ListOptions = { namespace: ctx.ns, labelSelector: selector === "" ? `suite=${tag}` : `suite=${tag},${selector}` };
  const list = await store.list(CONFIG_MAP, options);
  return list.items.map((o) => o.metadata.name ?? "");
}

/** Registers the list cases. */
export function listCases(ctx: Context): void {
  it("list returns the objects ordered by name, with the store's resource version", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    const list = await store.list(CONFIG_MAP, { namespace: ctx.ns, labelSelector: `suite=${n.a}` });
    expect(list.items.map((o) => o.metadata.name)).toEqual([n.a, n.b, n.c, n.d]);
    expect(Number(list.resourceVersion)).toBeGreaterThanOrEqual(Math.max(...list.items.map(rvOf)));
  });

  it("list of a namespace leaves other namespaces out", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    const here = await store.list(CONFIG_MAP, { namespace: ctx.ns, fieldSelector: `metadata.name=${created.metadata.name}` });
    const there = await store.list(CONFIG_MAP, { namespace: `${ctx.ns}-other`, fieldSelector: `metadata.name=${created.metadata.name}` });
    expect(here.items).toHaveLength(1);
    expect(there.items).toHaveLength(0);
  });

  it("list across namespaces includes every namespace", async () => {
    const store = await ctx.store();
    const created = await store.create(configMap(ctx, ctx.name("cm")));
    const all = await store.list(CONFIG_MAP, { fieldSelector: `metadata.name=${created.metadata.name}` });
    expect(all.items.map((o) => o.metadata.uid)).toEqual([created.metadata.uid]);
  });

  it("label selector key=value", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    expect(await names(store, ctx, n.a, "app=web")).toEqual([n.a, n.b]);
  });

  it("label selector key==value", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    expect(await names(store, ctx, n.a, "app==db")).toEqual([n.c]);
  });

  it("label selector key!=value also selects objects without the label", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    expect(await names(store, ctx, n.a, "app!=web")).toEqual([n.c, n.d]);
  });

  it("label selector in (…)", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    expect(await names(store, ctx, n.a, "tier in (front, back)")).toEqual([n.a, n.b]);
  });

  it("label selector notin (…) also selects objects without the label", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    expect(await names(store, ctx, n.a, "tier notin (front)")).toEqual([n.b, n.c, n.d]);
  });

  it("label selector key (exists)", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    expect(await names(store, ctx, n.a, "tier")).toEqual([n.a, n.b]);
  });

  it("label selector !key (does not exist)", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    expect(await names(store, ctx, n.a, "!app")).toEqual([n.d]);
  });

  it("label selector terms are ANDed", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    expect(await names(store, ctx, n.a, "app=web,tier=back")).toEqual([n.b]);
  });

  it("an invalid label selector fails with BadRequest (400)", async () => {
    const store = await ctx.store();
    await expectStoreError(store.list(CONFIG_MAP, { labelSelector: "app in" }), "BadRequest", 400);
    await expectStoreError(store.list(CONFIG_MAP, { labelSelector: "a b" }), "BadRequest", 400);
  });

  it("field selector metadata.name", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    const list = await store.list(CONFIG_MAP, { fieldSelector: `metadata.name=${n.b}` });
    expect(list.items.map((o) => o.metadata.name)).toEqual([n.b]);
  });

  it("field selector metadata.namespace and !=", async () => {
    const store = await ctx.store();
    const n = await seed(ctx, store);
    const list = await store.list(CONFIG_MAP, { labelSelector: `suite=${n.a}`, fieldSelector: `metadata.namespace=${ctx.ns},metadata.name!=${n.a}` });
    expect(list.items.map((o) => o.metadata.name)).toEqual([n.b, n.c, n.d]);
  });

  it("field selector spec.nodeName on Pods, with == and an empty value", async () => {
    const store = await ctx.store();
    const node = ctx.name("node");
    const bound = await store.create(pod(ctx, ctx.name("bound"), { nodeName: node }));
    const unbound = await store.create(pod(ctx, ctx.name("unbound")));
    const onNode = await store.list(POD, { namespace: ctx.ns, fieldSelector: `spec.nodeName==${node}` });
    expect(onNode.items.map((o) => o.metadata.name)).toEqual([bound.metadata.name]);
    const pending = await store.list(POD, { namespace: ctx.ns, fieldSelector: `spec.nodeName=,metadata.name=${unbound.metadata.name}` });
    expect(pending.items.map((o) => o.metadata.name)).toEqual([unbound.metadata.name]);
  });

  it("field selector status.phase on Pods", async () => {
    const store = await ctx.store();
    const created = await store.create(pod(ctx, ctx.name("p"), { nodeName: ctx.name("node") }));
    await store.patch(refOf(created), { patchType: "merge", subresource: "status", data: { status: { phase: "Running" } } });
    const running = await store.list(POD, { namespace: ctx.ns, fieldSelector: `status.phase=Running,metadata.name=${created.metadata.name}` });
    const failed = await store.list(POD, { namespace: ctx.ns, fieldSelector: `status.phase=Failed,metadata.name=${created.metadata.name}` });
    expect(running.items).toHaveLength(1);
    expect(failed.items).toHaveLength(0);
  });

  it("list returns no items for a type without objects", async () => {
    const store = await ctx.store();
    const list = await store.list({ apiVersion: "v1", kind: "ReplicationController" }, { namespace: `${ctx.ns}` , labelSelector: `suite=${ctx.name("none")}` });
    expect(list.items).toEqual([]);
  });
}
