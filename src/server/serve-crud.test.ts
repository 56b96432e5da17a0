import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMemoryStore } from "../adapters/memory/memory-store.js";
import { call } from "./test-helpers.js";
import { type KubernetesApiServer, serveKubernetesApi } from "./serve.js";

let server: KubernetesApiServer;
const pods = () => `${server.url}/api/v1/namespaces/default/pods`;
const pod = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "c", image: "nginx" }] }, ...extra });

beforeEach(async () => {
  server = await serveKubernetesApi({ store: createMemoryStore({ clock: { now: () => new Date("2024-01-01T00:00:00Z") } }) });
});
afterEach(async () => {
  await server.close();
});

describe("serveKubernetesApi: objects", () => {
  it("binds 127.0.0.1 on an ephemeral port", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it("creates (201), gets, lists and deletes", async () => {
    const created = await call(pods(), { method: "POST", body: pod("web-0") });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "Pod", metadata: { name: "web-0", namespace: "default", resourceVersion: "1" } });
    expect((await call(`${pods()}/web-0`)).body).toEqual(created.body);
    const list = await call(`${server.url}/api/v1/pods`);
    expect(list.body).toMatchObject({ apiVersion: "v1", kind: "PodList", metadata: { resourceVersion: "1" }, items: [{ metadata: { name: "web-0" } }] });
    const deleted = await call(`${pods()}/web-0`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect((await call(`${pods()}/web-0`)).status).toBe(404);
  });

  it("answers the API server's Status objects", async () => {
    const missing = await call(`${pods()}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ apiVersion: "v1", kind: "Status", metadata: {}, status: "Failure", message: 'pods "nope" not found', reason: "NotFound", details: { name: "nope", kind: "pods" }, code: 404 });
    await call(pods(), { method: "POST", body: pod("a") });
    const again = await call(pods(), { method: "POST", body: pod("a") });
    expect(again.body).toMatchObject({ code: 409, reason: "AlreadyExists", message: 'pods "a" already exists' });
    const unknown = await call(`${server.url}/apis/example.com/v1/widgets`);
    expect(unknown.body).toMatchObject({ kind: "Status", code: 404, reason: "NotFound", message: "the server could not find the requested resource" });
    expect((await call(`${server.url}/nothing/here`)).body).toMatchObject({ kind: "Status", code: 404 });
  });

  it("answers 400 for malformed bodies, mismatched names and namespaces, and selectors", async () => {
    expect((await call(pods(), { method: "POST", body: "{not json" })).body).toMatchObject({ code: 400, reason: "BadRequest" });
    expect((await call(pods(), { method: "POST", body: "[1]" })).body).toMatchObject({ code: 400 });
    expect((await call(pods(), { method: "POST", body: { ...pod("x"), metadata: { name: "x", namespace: "other" } } })).body.message).toBe(
      "the namespace of the provided object does not match the namespace sent on the request",
    );
    expect((await call(pods(), { method: "POST", body: { ...pod("x"), kind: "Node" } })).body).toMatchObject({ code: 400 });
    await call(pods(), { method: "POST", body: pod("a") });
    expect((await call(`${pods()}/a`, { method: "PUT", body: pod("b") })).body.message).toBe("the name of the object (b) does not match the name on the URL (a)");
    expect((await call(`${pods()}?labelSelector=${encodeURIComponent("a in (b")}`)).body).toMatchObject({ code: 400, reason: "BadRequest" });
    expect((await call(`${pods()}?limit=lots`)).body).toMatchObject({ code: 400 });
    expect((await call(`${server.url}/api/v1/pods`, { method: "POST", body: pod("x") })).body).toMatchObject({ code: 400 });
    expect((await call(`${server.url}/api/v1/namespaces/x/nodes`)).status).toBe(404);
    expect((await call(`${pods()}/a/exec`)).status).toBe(404);
  });

  it("patches with the four content types and answers 415 for others", async () => {
    await call(pods(), { method: "POST", body: pod("a") });
    const url = `${pods()}/a`;
    expect((await call(url, { method: "PATCH", contentType: "application/merge-patch+json", body: { metadata: { labels: { m: "1" } } } })).body).toMatchObject({ metadata: { labels: { m: "1" } } });
    expect((await call(url, { method: "PATCH", contentType: "application/json-patch+json", body: [{ op: "add", path: "/metadata/labels/j", value: "2" }] })).body).toMatchObject({ metadata: { labels: { m: "1", j: "2" } } });
    const strategic = await call(url, { method: "PATCH", contentType: "application/strategic-merge-patch+json", body: { spec: { containers: [{ name: "c", image: "nginx:2" }] } } });
    expect(strategic.body).toMatchObject({ spec: { containers: [{ name: "c", image: "nginx:2" }] } });
    const yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    applied: 'yes'\n";
    expect((await call(`${url}?fieldManager=me`, { method: "PATCH", contentType: "application/apply-patch+yaml", body: yaml })).body).toMatchObject({ metadata: { labels: { applied: "yes" } } });
    expect((await call(url, { method: "PATCH", contentType: "application/apply-patch+yaml", body: yaml })).body.message).toContain("fieldManager: Required value");
    expect((await call(url, { method: "PATCH", contentType: "application/merge-patch+json", body: [] })).body).toMatchObject({ code: 400 });
    const bad = await call(url, { method: "PATCH", contentType: "text/plain", body: "{}" });
    expect(bad.status).toBe(415);
    expect(bad.body).toMatchObject({ kind: "Status", reason: "UnsupportedMediaType" });
  });

  it("serves the status subresource", async () => {
    await call(pods(), { method: "POST", body: pod("a") });
    const patched = await call(`${pods()}/a/status`, { method: "PATCH", contentType: "application/merge-patch+json", body: { status: { phase: "Running" }, spec: { nodeName: "ignored" } } });
    expect(patched.body).toMatchObject({ status: { phase: "Running" } });
    expect((patched.body["spec"] as Record<string, unknown>)["nodeName"]).toBeUndefined();
    expect((await call(`${pods()}/a/status`)).body).toMatchObject({ status: { phase: "Running" } });
  });

  it("deletes with DeleteOptions preconditions and gracePeriodSeconds", async () => {
    const created = await call(pods(), { method: "POST", body: pod("a", { spec: { nodeName: "n", containers: [{ name: "c" }] } }) });
    const uid = (created.body["metadata"] as Record<string, string>)["uid"];
    const wrong = await call(`${pods()}/a`, { method: "DELETE", body: { kind: "DeleteOptions", apiVersion: "v1", preconditions: { uid: "other" } } });
    expect(wrong.body).toMatchObject({ code: 409, reason: "Conflict" });
    const graceful = await call(`${pods()}/a?gracePeriodSeconds=30`, { method: "DELETE", body: { preconditions: { uid } } });
    expect(graceful.body).toMatchObject({ metadata: { deletionGracePeriodSeconds: 30 } });
    const now = await call(`${pods()}/a`, { method: "DELETE", body: { gracePeriodSeconds: 0 } });
    expect(now.status).toBe(200);
    expect((await call(`${pods()}/a`)).status).toBe(404);
  });

  it("rejects dryRun with a clear 400 and stores nothing", async () => {
    const answer = await call(`${pods()}?dryRun=All`, { method: "POST", body: pod("a") });
    expect(answer.body).toMatchObject({ code: 400, message: expect.stringContaining("dryRun=All is not supported") as string });
    expect((await call(`${pods()}/a`)).status).toBe(404);
  });

  it("pages lists with limit and continue, and rejects foreign continue tokens", async () => {
    for (const n of ["a", "b", "c", "d", "e"]) await call(pods(), { method: "POST", body: pod(n) });
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await call(`${pods()}?limit=2${token === undefined ? "" : `&continue=${encodeURIComponent(token)}`}`);
      const meta = page.body["metadata"] as Record<string, unknown>;
      expect(meta["resourceVersion"]).toBe("5");
      names.push(...(page.body["items"] as { metadata: { name: string } }[]).map((i) => i.metadata.name));
      token = meta["continue"] as string | undefined;
      pages++;
    } while (token !== undefined);
    expect(names).toEqual(["a", "b", "c", "d", "e"]);
    expect(pages).toBe(3);
    expect((await call(`${pods()}?limit=2&continue=bogus`)).body).toMatchObject({ code: 400, reason: "BadRequest" });
  });

  it("selects by label and field", async () => {
    await call(pods(), { method: "POST", body: pod("a", { metadata: { name: "a", labels: { app: "web" } } }) });
    await call(pods(), { method: "POST", body: pod("b", { metadata: { name: "b", labels: { app: "db" } } }) });
    const byLabel = await call(`${pods()}?labelSelector=app%3Dweb`);
    expect((byLabel.body["items"] as unknown[]).length).toBe(1);
    const byField = await call(`${pods()}?fieldSelector=metadata.name%3Db`);
    expect(byField.body).toMatchObject({ items: [{ metadata: { name: "b" } }] });
  });

  it("serves Tables to clients that ask for them", async () => {
    await call(pods(), { method: "POST", body: pod("a", { spec: { nodeName: "n1", containers: [{ name: "c" }] }, status: { phase: "Running", podIP: "10.0.0.1", containerStatuses: [{ ready: true, restartCount: 2 }] } }) });
    const accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    const table = await call(pods(), { headers: { Accept: accept } });
    expect(table.body).toMatchObject({ kind: "Table", apiVersion: "meta.k8s.io/v1" });
    expect((table.body["columnDefinitions"] as { name: string }[]).map((c) => c.name).slice(0, 7)).toEqual(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node"]);
    expect((table.body["rows"] as { cells: unknown[] }[])[0]?.cells.slice(0, 4)).toEqual(["a", "1/1", "Running", "2"]);
    expect((table.body["rows"] as { object: Record<string, unknown> }[])[0]?.object).toMatchObject({ kind: "PartialObjectMetadata", metadata: { name: "a" } });
    const one = await call(`${pods()}/a?includeObject=Object`, { headers: { Accept: accept } });
    expect((one.body["rows"] as { object: Record<string, unknown> }[])[0]?.object).toMatchObject({ kind: "Pod" });
  });

  it("closes with open keep-alive connections", async () => {
    await call(`${server.url}/api`);
    await server.close();
    await server.close();
    await expect(fetch(`${server.url}/api`)).rejects.toThrow();
  });
});

describe("serveKubernetesApi: body media types", () => {
  it("accepts JSON and YAML objects and answers 415 for protobuf (client-go then needs JSON)", async () => {
    const s = await serveKubernetesApi({});
    try {
      const url = `${s.url}/api/v1/namespaces/default/configmaps`;
      expect((await call(url, { method: "POST", contentType: "application/yaml", body: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: yml}\ndata: {a: 'on'}\n" })).body).toMatchObject({ data: { a: "on" } });
      const proto = await call(url, { method: "POST", contentType: "application/vnd.kubernetes.protobuf", body: "k8s\u0000" });
      expect(proto.status).toBe(415);
      expect(proto.body).toMatchObject({ kind: "Status", reason: "UnsupportedMediaType" });
      expect((await call(`${url}/yml`, { method: "DELETE", contentType: "application/vnd.kubernetes.protobuf", body: "k8s\u0000" })).status).toBe(415);
    } finally {
      await s.close();
    }
  });
});
