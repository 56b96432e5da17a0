import { describe, expect, it } from "vitest";
import { isStoreError } from "../../store/errors.js";
import type { KubeObject } from "../../store/types.js";
import { ingest } from "./freeze.js";
import { planDelete, prepareCreate, prepareReplace } from "./write-rules.js";

const POD = { apiVersion: "v1", kind: "Pod" } as const;
const context = { now: () => new Date("2024-01-01T00:00:00Z"), uid: () => "uid-1", nameSuffix: () => "abcde" };
const stored = ingest({
  ...POD,
  metadata: { name: "p", namespace: "default", uid: "u", resourceVersion: "7", generation: 1, creationTimestamp: "2023-01-01T00:00:00Z" },
  spec: { nodeName: "n" },
  status: { phase: "Running" },
}) as KubeObject;

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return isStoreError(error) ? error.reason : String(error);
  }
  return "ok";
}

describe("prepareCreate", () => {
  it("fills in server fields in the API server's metadata order and does not mutate the input", () => {
    const input = ingest({ ...POD, metadata: { labels: { a: "b" }, generateName: "web-", uid: "mine", deletionTimestamp: "x" } }) as KubeObject;
    const { key, next } = prepareCreate(input, { type: POD, cluster: false }, context, (name, ns) => `${ns}/${name}`);
    expect(key).toBe("default/web-abcde");
    expect(Object.keys(next.metadata)).toEqual(["name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "labels"]);
    expect(next.metadata).toMatchObject({ uid: "uid-1", creationTimestamp: "2024-01-01T00:00:00Z" });
    expect(input.metadata.name).toBeUndefined();
  });

  it("gives up on generateName after 8 taken names", () => {
    const input = ingest({ ...POD, metadata: { generateName: "web-" } }) as KubeObject;
    expect(reasonOf(() => prepareCreate(input, { type: POD, cluster: false }, context, () => undefined))).toBe("AlreadyExists");
  });
});

describe("prepareReplace", () => {
  it("treats empty resourceVersion and uid as unset", () => {
    const body = { ...stored, metadata: { ...stored.metadata, resourceVersion: "", uid: "" }, spec: { nodeName: "m" } };
    const next = prepareReplace(stored, body, POD, "", "update");
    expect(next.metadata).toMatchObject({ resourceVersion: "7", uid: "u", generation: 2 });
    expect(next["status"]).toBe(stored["status"]);
  });

  it("rejects a stale resourceVersion, another uid and a rename by patch", () => {
    expect(reasonOf(() => prepareReplace(stored, { ...stored, metadata: { ...stored.metadata, resourceVersion: "6" } }, POD, "", "update"))).toBe("Conflict");
    expect(reasonOf(() => prepareReplace(stored, { ...stored, metadata: { ...stored.metadata, uid: "other" } }, POD, "", "update"))).toBe("Conflict");
    expect(reasonOf(() => prepareReplace(stored, { ...stored, metadata: { ...stored.metadata, name: "q" } }, POD, "", "patch"))).toBe("BadRequest");
  });

  it("a status write takes only .status", () => {
    const next = prepareReplace(stored, { ...stored, spec: { nodeName: "x" }, metadata: { ...stored.metadata, labels: { a: "b" } }, status: { phase: "Failed" } }, POD, "status", "update");
    expect(next["spec"]).toBe(stored["spec"]);
    expect(next.metadata).toBe(stored.metadata);
    expect(next["status"]).toEqual({ phase: "Failed" });
  });
});

describe("planDelete", () => {
  it("honours terminationGracePeriodSeconds and shortens only", () => {
    const pod = ingest({ ...stored, spec: { nodeName: "n", terminationGracePeriodSeconds: 5 } }) as KubeObject;
    const plan = planDelete(pod, POD, {}, context);
    expect(plan).not.toBe("now");
    const terminating = ingest(plan) as KubeObject;
    expect(terminating.metadata).toMatchObject({ deletionTimestamp: "2024-01-01T00:00:05Z", deletionGracePeriodSeconds: 5, generation: 2 });
    expect(planDelete(terminating, POD, { gracePeriodSeconds: 9 }, context)).toBe("unchanged");
    expect(planDelete(terminating, POD, { gracePeriodSeconds: 0 }, context)).toBe("now");
  });

  it("deletes other kinds at once whatever the grace period, unless finalizers remain", () => {
    const cm = ingest({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", uid: "u" } }) as KubeObject;
    expect(planDelete(cm, { apiVersion: "v1", kind: "ConfigMap" }, { gracePeriodSeconds: 30 }, context)).toBe("now");
    const held = ingest({ ...cm, metadata: { ...cm.metadata, finalizers: ["f"] } }) as KubeObject;
    const plan = planDelete(held, { apiVersion: "v1", kind: "ConfigMap" }, {}, context) as KubeObject;
    expect(plan.metadata).toMatchObject({ deletionTimestamp: "2024-01-01T00:00:00Z", deletionGracePeriodSeconds: 0 });
  });
});
