import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/types.js";
import { tableVersion, toTable } from "./table.js";

const now = Date.parse("2024-01-01T01:00:00Z");
const created = "2024-01-01T00:00:00Z";

function cells(kind: string, object: Record<string, unknown>): unknown[] {
  const table = toTable([{ apiVersion: "v1", kind, metadata: { name: "x", creationTimestamp: created }, ...object } as KubeObject], { apiVersion: "meta.k8s.io/v1", group: "", kind, nowMs: now });
  return (table["rows"] as { cells: unknown[] }[])[0]?.cells ?? [];
}

describe("tableVersion", () => {
  it("picks the first Table media type, and plain JSON otherwise", () => {
    expect(tableVersion("application/json;as=Table;v=v1;g=meta.k8s.io,application/json")).toBe("meta.k8s.io/v1");
    expect(tableVersion("application/json;as=Table;v=v1beta1;g=meta.k8s.io")).toBe("meta.k8s.io/v1beta1");
    expect(tableVersion("application/json")).toBeUndefined();
    expect(tableVersion("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json")).toBeUndefined();
    expect(tableVersion(undefined)).toBeUndefined();
  });
});

describe("toTable", () => {
  it("prints pods as kubectl does", () => {
    const running = { spec: { nodeName: "n", containers: [{}, {}] }, status: { phase: "Running", podIP: "10.0.0.9", containerStatuses: [{ ready: true, restartCount: 1, state: { running: {} } }, { ready: false, restartCount: 2, state: { running: {} } }] } };
    expect(cells("Pod", running)).toEqual(["x", "1/2", "Running", "3", "60m", "10.0.0.9", "n", "<none>", "<none>"]);
    expect(cells("Pod", { spec: { containers: [{}] }, status: { phase: "Pending", containerStatuses: [{ state: { waiting: { reason: "ContainerCreating" } } }] } })[2]).toBe("ContainerCreating");
    expect(cells("Pod", { spec: { containers: [{}] }, status: { phase: "Succeeded", containerStatuses: [{ state: { terminated: { reason: "Completed", exitCode: 0 } } }] } })[2]).toBe("Completed");
    const deleting = { apiVersion: "v1", kind: "Pod", metadata: { name: "x", creationTimestamp: created, deletionTimestamp: created }, status: { phase: "Running" } } as KubeObject;
    expect((toTable([deleting], { apiVersion: "meta.k8s.io/v1", group: "", kind: "Pod", nowMs: now })["rows"] as { cells: unknown[] }[])[0]?.cells[2]).toBe("Terminating");
    expect(cells("Pod", {})[1]).toBe("0/0");
  });

  it("prints nodes with status, roles and version", () => {
    const node = { metadata: { name: "x", creationTimestamp: created, labels: { "node-role.kubernetes.io/agent": "", "kubernetes.io/role": "edge" } }, spec: { unschedulable: true }, status: { conditions: [{ type: "Ready", status: "False" }], nodeInfo: { kubeletVersion: "fake" } } };
    const table = toTable([{ apiVersion: "v1", kind: "Node", ...node } as KubeObject], { apiVersion: "meta.k8s.io/v1", group: "", kind: "Node", nowMs: now });
    expect((table["rows"] as { cells: unknown[] }[])[0]?.cells.slice(0, 5)).toEqual(["x", "NotReady,SchedulingDisabled", "agent,edge", "60m", "fake"]);
    expect(cells("Node", {}).slice(1, 3)).toEqual(["Unknown", "<none>"]);
  });

  it("prints other kinds as name and age, with the row object as chosen", () => {
    const object = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", creationTimestamp: created } } as KubeObject;
    const table = toTable([object], { apiVersion: "meta.k8s.io/v1", group: "", kind: "ConfigMap", nowMs: now, includeObject: "None", metadata: { resourceVersion: "4" } });
    expect(table).toEqual({
      kind: "Table",
      apiVersion: "meta.k8s.io/v1",
      metadata: { resourceVersion: "4" },
      columnDefinitions: [expect.objectContaining({ name: "Name", format: "name" }), expect.objectContaining({ name: "Age" })],
      rows: [{ cells: ["c", "60m"] }],
    });
  });
});
