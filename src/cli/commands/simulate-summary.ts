/**
 * The final-state summary of `stagecraft simulate`.
 *
 * @module
 * @internal
 */
import type { Lifecycle } from "../../index.js";
import type { KubeObject, ResourceStore } from "../../runtime.js";

interface Row {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly phase?: string;
  readonly ready?: string;
}

function conditionStatus(o: KubeObject, type: string): string | undefined {
  const conditions = (o as { status?: { conditions?: unknown } }).status?.conditions;
  if (!Array.isArray(conditions)) return undefined;
  const c = conditions.find((x: { type?: unknown }) => x?.type === type) as { status?: unknown } | undefined;
  return typeof c?.status === "string" ? c.status : undefined;
}

/** Lists the objects of every kind with stages and renders them as a table. */
export async function summarize(store: ResourceStore, lifecycle: Lifecycle): Promise<{ objects: Row[]; text: string }> {
  const rows: Row[] = [];
  for (const ref of lifecycle.refs) {
    if (ref.apiGroup === "") continue;
    const list = await store.list({ apiVersion: ref.apiGroup, kind: ref.kind });
    for (const o of list.items) {
      const phase = (o as { status?: { phase?: unknown } }).status?.phase;
      const ready = conditionStatus(o, "Ready");
      rows.push({
        kind: o.kind,
        ...(o.metadata.namespace === undefined ? {} : { namespace: o.metadata.namespace }),
        name: o.metadata.name ?? "",
        ...(typeof phase === "string" ? { phase } : {}),
        ...(ready === undefined ? {} : { ready }),
      });
    }
  }
  const header = ["KIND", "NAME", "PHASE", "READY"];
  const cells = rows.map((r) => [r.kind, `${r.namespace === undefined ? "" : `${r.namespace}/`}${r.name}`, r.phase ?? "-", r.ready ?? "-"]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]) => c.map((x, i) => x.padEnd(widths[i] as number)).join("  ").trimEnd();
  const text = rows.length === 0 ? "no objects left\n" : `${[line(header), ...cells.map(line)].join("\n")}\n`;
  return { objects: rows, text };
}
