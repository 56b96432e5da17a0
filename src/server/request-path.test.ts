import { describe, expect, it } from "vitest";
import { parseRequestPath } from "./request-path.js";

describe("parseRequestPath", () => {
  it("recognises discovery paths", () => {
    expect(parseRequestPath("/version")).toEqual({ kind: "version" });
    expect(parseRequestPath("/api")).toEqual({ kind: "api" });
    expect(parseRequestPath("/api/v1")).toEqual({ kind: "group-version", group: "", version: "v1" });
    expect(parseRequestPath("/apis")).toEqual({ kind: "apis" });
    expect(parseRequestPath("/apis/apps")).toEqual({ kind: "group", group: "apps" });
    expect(parseRequestPath("/apis/apps/v1/")).toEqual({ kind: "group-version", group: "apps", version: "v1" });
    expect(parseRequestPath("/openapi/v2")).toEqual({ kind: "openapi-v2" });
    expect(parseRequestPath("/openapi/v3/api/v1")).toEqual({ kind: "openapi-v3" });
  });

  it("parses namespaced, cluster and subresource paths", () => {
    expect(parseRequestPath("/api/v1/namespaces/default/pods")).toEqual({ kind: "resource", group: "", version: "v1", namespace: "default", plural: "pods", watch: false });
    expect(parseRequestPath("/api/v1/pods")).toEqual({ kind: "resource", group: "", version: "v1", plural: "pods", watch: false });
    expect(parseRequestPath("/api/v1/namespaces/ns/pods/web-0/status")).toMatchObject({ namespace: "ns", plural: "pods", name: "web-0", subresource: "status" });
    expect(parseRequestPath("/apis/apps/v1/namespaces/x/deployments/d")).toMatchObject({ group: "apps", version: "v1", namespace: "x", plural: "deployments", name: "d" });
  });

  it("reads /namespaces/{name} as the Namespace object, not as a namespace prefix", () => {
    expect(parseRequestPath("/api/v1/namespaces/kube-system")).toEqual({ kind: "resource", group: "", version: "v1", plural: "namespaces", name: "kube-system", watch: false });
    expect(parseRequestPath("/api/v1/namespaces/kube-system/status")).toMatchObject({ plural: "namespaces", name: "kube-system", subresource: "status" });
  });

  it("understands the legacy /watch/ prefix and percent-encoding", () => {
    expect(parseRequestPath("/api/v1/watch/namespaces/a/pods")).toMatchObject({ namespace: "a", plural: "pods", watch: true });
    expect(parseRequestPath("/api/v1/namespaces/a/configmaps/x%3Ay")).toMatchObject({ name: "x:y" });
  });

  it("answers unknown for paths it does not serve and for bad encodings", () => {
    expect(parseRequestPath("/")).toEqual({ kind: "unknown" });
    expect(parseRequestPath("/api/v2/pods")).toEqual({ kind: "unknown" });
    expect(parseRequestPath("/api/v1/namespaces/a/pods/b/status/extra")).toEqual({ kind: "unknown" });
    expect(parseRequestPath("/api/v1/namespaces/%E0%A4%A/pods")).toEqual({ kind: "unknown" });
  });
});
