import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/types.js";
import { insufficientResources, podRequests } from "./resources.js";

const G = 1_000_000_000n;
const M = 1_000_000n; // one milli-unit in nano-units

function c(name: string, requests?: Record<string, string>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, ...(requests ? { resources: { requests } } : {}), ...extra };
}

function pod(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec };
}

describe("podRequests", () => {
  const cases: [string, Record<string, unknown>, Record<string, bigint>][] = [
    ["no requests", { containers: [c("a")] }, {}],
    ["sum of containers", { containers: [c("a", { cpu: "100m", memory: "1Gi" }), c("b", { cpu: "250m" })] }, { cpu: 350n * M, memory: 1024n ** 3n * G }],
    ["a limit without a request is the request", { containers: [c("a", undefined, { resources: { limits: { cpu: "1" } } })] }, { cpu: G }],
    ["a request wins over the limit", { containers: [c("a", undefined, { resources: { limits: { cpu: "1" }, requests: { cpu: "200m" } } })] }, { cpu: 200n * M }],
    ["init containers: the max", { containers: [c("a", { cpu: "100m" })], initContainers: [c("i1", { cpu: "500m" }), c("i2", { cpu: "200m", memory: "1k" })] }, { cpu: 500n * M, memory: 1000n * G }],
    ["containers win over a smaller init", { containers: [c("a", { cpu: "1" })], initContainers: [c("i", { cpu: "500m" })] }, { cpu: G }],
    [
      "sidecars add up and raise later init containers",
      { containers: [c("a", { cpu: "100m" })], initContainers: [c("s", { cpu: "200m" }, { restartPolicy: "Always" }), c("i", { cpu: "250m" })] },
      { cpu: 450n * M },
    ],
    ["a sidecar before an init container counts once", { containers: [c("a", { cpu: "1" })], initContainers: [c("i", { cpu: "250m" }), c("s", { cpu: "200m" }, { restartPolicy: "Always" })] }, { cpu: 1200n * M }],
    ["overhead is added", { containers: [c("a", { cpu: "100m" })], overhead: { cpu: "50m", memory: "10Mi" } }, { cpu: 150n * M, memory: 10n * 1024n ** 2n * G }],
  ];
  it.each(cases)("%s", (_name, spec, want) => {
    expect(podRequests(pod(spec))).toEqual(want);
  });

  it("rejects a malformed quantity", () => {
    expect(() => podRequests(pod({ containers: [c("a", { cpu: "lots" })] }))).toThrow(/cannot parse quantity/);
  });
});

describe("insufficientResources", () => {
  const cases: [string, Record<string, bigint>, Record<string, bigint>, Record<string, bigint>, string[]][] = [
    ["fits", { cpu: G }, { cpu: 2n * G }, {}, []],
    ["exactly full fits", { cpu: G }, { cpu: 2n * G }, { cpu: G }, []],
    ["over", { cpu: G, memory: G }, { cpu: 2n * G, memory: G }, { cpu: 2n * G }, ["cpu"]],
    ["a resource the node lacks", { "example.com/gpu": G }, { cpu: G }, {}, ["example.com/gpu"]],
    ["zero requests are not checked", { "example.com/gpu": 0n }, {}, {}, []],
  ];
  it.each(cases)("%s", (_name, request, allocatable, used, want) => {
    expect(insufficientResources(request, allocatable, used)).toEqual(want);
  });
});

describe("podRequests caching", () => {
  it("caches frozen pods only", () => {
    const frozen = Object.freeze(pod(Object.freeze({ containers: [c("a", { cpu: "1" })] })));
    expect(podRequests(frozen)).toBe(podRequests(frozen));
    const open = pod({ containers: [c("a", { cpu: "1" })] });
    expect(podRequests(open)).toEqual({ cpu: G });
    (open.spec as { containers: unknown[] }).containers.push(c("b", { cpu: "1" }));
    expect(podRequests(open)).toEqual({ cpu: 2n * G });
  });
});
