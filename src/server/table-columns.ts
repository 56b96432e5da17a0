/**
 * The columns and cells of `meta.k8s.io/v1` Tables for Pods, Nodes and every other kind, after
 * the API server's printers (`pkg/printers/internalversion`).
 *
 * @module
 */
import type { KubeObject } from "../store/types.js";
import { humanDuration } from "./human-duration.js";

/** One column definition. */
export interface TableColumn {
  /** Header (`Name`). */
  readonly name: string;
  /** `string`, `integer`, `date`. */
  readonly type: string;
  /** `name` for the name column. */
  readonly format: string;
  /** What the column shows. */
  readonly description: string;
  /** 0: shown by default; 1: with `-o wide`. */
  readonly priority: number;
}

/** How a kind is printed. */
export interface TablePrinter {
  /** The columns. */
  readonly columns: readonly TableColumn[];
  /** The cells of one object, one per column. */
  readonly cells: (object: KubeObject, nowMs: number) => unknown[];
}

function column(name: string, description: string, options: { type?: string; format?: string; priority?: number } = {}): TableColumn {
  return { name, type: options.type ?? "string", format: options.format ?? "", description, priority: options.priority ?? 0 };
}

const NAME = column("Name", "Name must be unique within a namespace.", { format: "name" });
const AGE = column("Age", "CreationTimestamp is a timestamp representing the server time when this object was created.");

type Json = Record<string, unknown>;

function rec(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function arr(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(rec) : [];
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The age cell of an object. */
export function ageOf(object: KubeObject, nowMs: number): string {
  const created = Date.parse(object.metadata.creationTimestamp ?? "");
  return Number.isNaN(created) ? "<unknown>" : humanDuration(nowMs - created);
}

function podStatus(pod: KubeObject): string {
  const status = rec(pod["status"]);
  let reason = str(status["reason"]) || str(status["phase"]) || "Pending";
  for (const c of arr(status["containerStatuses"])) {
    const state = rec(c["state"]);
    const waiting = str(rec(state["waiting"])["reason"]);
    const terminated = rec(state["terminated"]);
    if (waiting !== "") reason = waiting;
    else if (Object.keys(terminated).length > 0) reason = str(terminated["reason"]) || (terminated["signal"] !== undefined ? `Signal:${String(terminated["signal"])}` : `ExitCode:${String(terminated["exitCode"] ?? 0)}`);
  }
  if (pod.metadata.deletionTimestamp !== undefined) reason = status["reason"] === "NodeLost" ? "Unknown" : "Terminating";
  return reason;
}

const POD: TablePrinter = {
  columns: [
    NAME,
    column("Ready", "The aggregate readiness state of this pod for accepting traffic."),
    column("Status", "The aggregate status of the containers in this pod."),
    column("Restarts", "The number of times the containers in this pod have been restarted.", { type: "string" }),
    AGE,
    column("IP", "IP address allocated to the pod.", { priority: 1 }),
    column("Node", "Name of the Node this pod is assigned to.", { priority: 1 }),
    column("Nominated Node", "Name of the node that is nominated to run this pod.", { priority: 1 }),
    column("Readiness Gates", "Readiness gates of the pod.", { priority: 1 }),
  ],
  cells(pod, nowMs) {
    const spec = rec(pod["spec"]);
    const status = rec(pod["status"]);
    const statuses = arr(status["containerStatuses"]);
    const ready = statuses.filter((c) => c["ready"] === true).length;
    const restarts = statuses.reduce((n, c) => n + (typeof c["restartCount"] === "number" ? c["restartCount"] : 0), 0);
    const gates = arr(spec["readinessGates"]);
    const conditions = arr(status["conditions"]);
    const gatesReady = gates.filter((g) => conditions.some((c) => c["type"] === g["conditionType"] && c["status"] === "True")).length;
    return [
      pod.metadata.name ?? "",
      `${ready}/${arr(spec["containers"]).length}`,
      podStatus(pod),
      String(restarts),
      ageOf(pod, nowMs),
      str(status["podIP"]) || "<none>",
      str(spec["nodeName"]) || "<none>",
      str(status["nominatedNodeName"]) || "<none>",
      gates.length === 0 ? "<none>" : `${gatesReady}/${gates.length}`,
    ];
  },
};

function nodeStatus(node: KubeObject): string {
  const ready = arr(rec(node["status"])["conditions"]).find((c) => c["type"] === "Ready");
  const parts = [ready === undefined ? "Unknown" : ready["status"] === "True" ? "Ready" : ready["status"] === "False" ? "NotReady" : "Unknown"];
  if (rec(node["spec"])["unschedulable"] === true) parts.push("SchedulingDisabled");
  return parts.join(",");
}

function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith("node-role.kubernetes.io/") && key.length > "node-role.kubernetes.io/".length) roles.add(key.slice("node-role.kubernetes.io/".length));
    else if (key === "kubernetes.io/role" && value !== "") roles.add(value);
  }
  return roles.size === 0 ? "<none>" : [...roles].sort().join(",");
}

function nodeAddress(node: KubeObject, type: string): string {
  return str(arr(rec(node["status"])["addresses"]).find((a) => a["type"] === type)?.["address"]) || "<none>";
}

const NODE: TablePrinter = {
  columns: [
    NAME,
    column("Status", "The status of the node"),
    column("Roles", "The roles of the node"),
    AGE,
    column("Version", "Kubelet Version reported by the node."),
    column("Internal-IP", "List of internal IPs in the node.", { priority: 1 }),
    column("External-IP", "List of external IPs in the node.", { priority: 1 }),
    column("OS-Image", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", { priority: 1 }),
    column("Kernel-Version", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", { priority: 1 }),
    column("Container-Runtime", "Container runtime version reported by the node.", { priority: 1 }),
  ],
  cells(node, nowMs) {
    const info = rec(rec(node["status"])["nodeInfo"]);
    return [
      node.metadata.name ?? "",
      nodeStatus(node),
      nodeRoles(node),
      ageOf(node, nowMs),
      str(info["kubeletVersion"]),
      nodeAddress(node, "InternalIP"),
      nodeAddress(node, "ExternalIP"),
      str(info["osImage"]) || "<unknown>",
      str(info["kernelVersion"]) || "<unknown>",
      str(info["containerRuntimeVersion"]) || "<unknown>",
    ];
  },
};

const DEFAULT: TablePrinter = {
  columns: [NAME, AGE],
  cells: (object, nowMs) => [object.metadata.name ?? "", ageOf(object, nowMs)],
};

/**
 * The printer of a kind: Pod and Node (core group) have their own, everything else prints
 * name and age.
 *
 * @param group - the API group
 * @param kind - the kind
 * @returns the printer
 */
export function printerFor(group: string, kind: string): TablePrinter {
  if (group === "" && kind === "Pod") return POD;
  if (group === "" && kind === "Node") return NODE;
  return DEFAULT;
}
