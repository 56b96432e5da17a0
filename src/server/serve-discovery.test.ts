import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "./test-helpers.js";
import { openApiV2Protobuf } from "./openapi.js";
import { type KubernetesApiServer, serveKubernetesApi } from "./serve.js";

let server: KubernetesApiServer;
beforeAll(async () => {
  server = await serveKubernetesApi({});
});
afterAll(async () => {
  await server.close();
});

describe("serveKubernetesApi: discovery", () => {
  it("answers /version, /api and /apis", async () => {
    expect((await call(`${server.url}/version`)).body).toMatchObject({ major: "1", minor: "32" });
    expect((await call(`${server.url}/api`)).body).toEqual({ kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: `127.0.0.1:${server.port}` }] });
    const apis = await call(`${server.url}/apis`);
    const groups = (apis.body["groups"] as { name: string; preferredVersion: { groupVersion: string } }[]).map((g) => g.preferredVersion.groupVersion);
    expect(groups).toEqual(["coordination.k8s.io/v1", "events.k8s.io/v1", "apps/v1", "batch/v1", "apiextensions.k8s.io/v1"]);
    expect((await call(`${server.url}/apis/apps`)).body).toMatchObject({ kind: "APIGroup", name: "apps", preferredVersion: { version: "v1" } });
    expect((await call(`${server.url}/apis/nope`)).status).toBe(404);
  });

  it("lists resources with short names, scope, verbs and the status subresource", async () => {
    const core = await call(`${server.url}/api/v1`);
    const resources = core.body["resources"] as Record<string, unknown>[];
    expect(resources.find((r) => r["name"] === "pods")).toEqual({
      name: "pods",
      singularName: "pod",
      namespaced: true,
      kind: "Pod",
      verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
      shortNames: ["po"],
      categories: ["all"],
    });
    expect(resources.find((r) => r["name"] === "pods/status")).toMatchObject({ kind: "Pod", verbs: ["get", "patch", "update"] });
    expect(resources.find((r) => r["name"] === "nodes")).toMatchObject({ namespaced: false, shortNames: ["no"] });
    expect(resources.find((r) => r["name"] === "nodes/status")).toBeDefined();
    expect(((await call(`${server.url}/apis/coordination.k8s.io/v1`)).body["resources"] as unknown[])).toEqual([expect.objectContaining({ name: "leases", kind: "Lease", namespaced: true })]);
  });

  it("answers aggregated-discovery requests with plain JSON, so clients fall back", async () => {
    const response = await fetch(`${server.url}/apis`, { headers: { Accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json" } });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(((await response.json()) as Record<string, unknown>)["kind"]).toBe("APIGroupList");
  });

  it("serves an empty OpenAPI v2 document as protobuf and JSON, and 404 for v3", async () => {
    const proto = await fetch(`${server.url}/openapi/v2`, { headers: { Accept: "application/com.github.proto-openapi.spec.v2@v1.0+protobuf" } });
    expect(proto.headers.get("content-type")).toBe("application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
    expect(Buffer.from(await proto.arrayBuffer())).toEqual(openApiV2Protobuf());
    expect((await call(`${server.url}/openapi/v2`)).body).toMatchObject({ swagger: "2.0", paths: {} });
    expect((await call(`${server.url}/openapi/v3`)).status).toBe(404);
  });

  it("refuses writes to discovery paths", async () => {
    expect((await call(`${server.url}/api/v1`, { method: "POST", body: {} })).body).toMatchObject({ kind: "Status", code: 405 });
  });
});
