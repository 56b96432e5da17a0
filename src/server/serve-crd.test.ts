import { afterEach, describe, expect, it } from "vitest";
import { call } from "./test-helpers.js";
import { type KubernetesApiServer, serveKubernetesApi } from "./serve.js";

let server: KubernetesApiServer;
afterEach(async () => {
  await server.close();
});

const crdUrl = () => `${server.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions`;
const widgets = (overrides: Record<string, unknown> = {}) => ({
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "widgets.example.com" },
  spec: {
    group: "example.com",
    scope: "Namespaced",
    names: { plural: "widgets", singular: "widget", kind: "Widget", shortNames: ["wd"] },
    versions: [{ name: "v1", served: true, storage: true, subresources: { status: {} } }],
    ...overrides,
  },
});

function conditions(body: Record<string, unknown>): Record<string, unknown>[] {
  return ((body["status"] as Record<string, unknown> | undefined)?.["conditions"] as Record<string, unknown>[] | undefined) ?? [];
}

describe("serveKubernetesApi: CustomResourceDefinitions", () => {
  it("establishes a new CRD at once by default and serves its kind", async () => {
    server = await serveKubernetesApi({});
    expect((await call(crdUrl(), { method: "POST", body: widgets() })).status).toBe(201);
    const crd = await call(`${crdUrl()}/widgets.example.com`);
    expect(conditions(crd.body).map((c) => `${String(c["type"])}=${String(c["status"])}`)).toEqual(["NamesAccepted=True", "Established=True"]);
    expect((await call(`${server.url}/apis`)).body["groups"]).toContainEqual(expect.objectContaining({ name: "example.com" }));
    const resources = (await call(`${server.url}/apis/example.com/v1`)).body["resources"];
    expect(resources).toEqual([
      expect.objectContaining({ name: "widgets", singularName: "widget", kind: "Widget", namespaced: true, shortNames: ["wd"] }),
      expect.objectContaining({ name: "widgets/status" }),
    ]);
    const w = await call(`${server.url}/apis/example.com/v1/namespaces/default/widgets`, { method: "POST", body: { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { size: 1 } } });
    expect(w.body).toMatchObject({ kind: "Widget", metadata: { name: "w", namespace: "default" } });
  });

  it("serves nothing until the CRD is Established after the configured delay", async () => {
    server = await serveKubernetesApi({ crdEstablishDelayMs: 300 });
    await call(crdUrl(), { method: "POST", body: widgets() });
    expect(conditions((await call(`${crdUrl()}/widgets.example.com`)).body)).toEqual([]);
    expect((await call(`${server.url}/apis/example.com/v1/namespaces/default/widgets`)).status).toBe(404);
    expect((await call(`${server.url}/apis/example.com/v1`)).status).toBe(404);
    await new Promise((r) => setTimeout(r, 500));
    expect(conditions((await call(`${crdUrl()}/widgets.example.com`)).body)).toContainEqual(expect.objectContaining({ type: "Established", status: "True" }));
    expect((await call(`${server.url}/apis/example.com/v1/namespaces/default/widgets`)).status).toBe(200);
  });

  it("stops serving the kind when the CRD is deleted", async () => {
    server = await serveKubernetesApi({});
    await call(crdUrl(), { method: "POST", body: widgets() });
    await call(`${crdUrl()}/widgets.example.com`, { method: "DELETE" });
    expect((await call(`${server.url}/apis/example.com/v1`)).status).toBe(404);
  });

  it("rejects a CRD whose name is not <plural>.<group> with 422 Invalid", async () => {
    server = await serveKubernetesApi({});
    const answer = await call(crdUrl(), { method: "POST", body: { ...widgets(), metadata: { name: "widgets" } } });
    expect(answer.body).toMatchObject({
      code: 422,
      reason: "Invalid",
      message: 'CustomResourceDefinition.apiextensions.k8s.io "widgets" is invalid: metadata.name: Invalid value: "widgets": must be spec.names.plural+"."+spec.group',
    });
    expect((await call(crdUrl(), { method: "POST", body: widgets({ scope: "Galaxy" }) })).body).toMatchObject({ code: 422 });
  });

  it("does not let a CRD redefine a built-in resource", async () => {
    server = await serveKubernetesApi({});
    const pods = { ...widgets({ group: "apps", names: { plural: "deployments", kind: "Fake" } }), metadata: { name: "deployments.apps" } };
    await call(crdUrl(), { method: "POST", body: pods });
    expect(((await call(`${server.url}/apis/apps/v1`)).body["resources"] as { kind: string }[]).some((r) => r.kind === "Fake")).toBe(false);
  });
});

describe("serveKubernetesApi: cluster-scoped custom kinds", () => {
  it("keeps their objects out of namespaces in the default store", async () => {
    server = await serveKubernetesApi({});
    await call(crdUrl(), { method: "POST", body: { ...widgets({ scope: "Cluster", names: { plural: "gadgets", kind: "Gadget" } }), metadata: { name: "gadgets.example.com" } } });
    const created = await call(`${server.url}/apis/example.com/v1/gadgets`, { method: "POST", body: { apiVersion: "example.com/v1", kind: "Gadget", metadata: { name: "g" } } });
    expect(created.status).toBe(201);
    expect((created.body["metadata"] as Record<string, unknown>)["namespace"]).toBeUndefined();
    expect((await call(`${server.url}/apis/example.com/v1/gadgets/g`)).status).toBe(200);
    expect((await call(`${server.url}/apis/example.com/v1/namespaces/default/gadgets`)).status).toBe(404);
  });
});

describe("serveKubernetesApi: KWOK's Stage", () => {
  const stage = { apiVersion: "kwok.x-k8s.io/v1alpha1", kind: "Stage", metadata: { name: "pod-ready" }, spec: { resourceRef: { apiGroup: "v1", kind: "Pod" } } };

  it("is not served before its CRD exists, as on a real cluster (Stages applied before their CRD fail)", async () => {
    server = await serveKubernetesApi({});
    const groups = ((await call(`${server.url}/apis`)).body["groups"] as { name: string }[]).map((g) => g.name);
    expect(groups).not.toContain("kwok.x-k8s.io");
    const answer = await call(`${server.url}/apis/kwok.x-k8s.io/v1alpha1/stages`, { method: "POST", body: stage });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ kind: "Status", code: 404, reason: "NotFound" });
  });

  it("is served, cluster-scoped, once its CRD is created", async () => {
    server = await serveKubernetesApi({});
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "stages.kwok.x-k8s.io" },
      spec: { group: "kwok.x-k8s.io", scope: "Cluster", names: { plural: "stages", singular: "stage", kind: "Stage", listKind: "StageList" }, versions: [{ name: "v1alpha1", served: true, storage: true }] },
    };
    expect((await call(crdUrl(), { method: "POST", body: crd })).status).toBe(201);
    expect((await call(`${server.url}/apis/kwok.x-k8s.io/v1alpha1/stages`, { method: "POST", body: stage })).status).toBe(201);
    expect((await call(`${server.url}/apis/kwok.x-k8s.io/v1alpha1/stages/pod-ready`)).status).toBe(200);
  });
});
