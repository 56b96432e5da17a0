import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../store/types.js";
import { TypeTable } from "./type-table.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const TYPE = { apiVersion: "v1", kind: "ConfigMap" } as const;

function change(rv: number) {
  const object: KubeObject = { ...TYPE, metadata: { name: `c${rv}`, resourceVersion: String(rv) }, data: { payload: "x".repeat(1000) } };
  return { rv, type: "ADDED" as const, object, prev: undefined };
}

/** Records `count` changes and returns weak references to their objects. */
function recordWeakly(table: TypeTable, from: number, count: number): WeakRef<KubeObject>[] {
  const refs: WeakRef<KubeObject>[] = [];
  for (let rv = from; rv < from + count; rv++) {
    const c = change(rv);
    refs.push(new WeakRef(c.object));
    table.record(c);
  }
  return refs;
}

async function collect(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve)); // weak references are kept alive until the job ends
  gc();
  gc();
}

describe("TypeTable history retention", () => {
  it("releases a change as soon as it is dropped, not when the history array is next compacted", async () => {
    const table = new TypeTable(TYPE, false, 10, 0);
    const refs = recordWeakly(table, 1, 100);
    await collect();
    const alive = refs.map((r) => r.deref() !== undefined);
    // the 10 kept changes are alive, the 90 dropped ones are not
    expect(alive.slice(90).every(Boolean)).toBe(true);
    expect(alive.slice(0, 90).filter(Boolean).length).toBe(0);
    expect(table.since(90)?.map((c) => c.rv)).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 99, 100]);
    expect(table.since(89)).toBeUndefined();
  });

  it("keeps every change while pinned, and trims to the limit when unpinned", async () => {
    const table = new TypeTable(TYPE, false, 2, 0);
    recordWeakly(table, 1, 3);
    const unpin = table.pin();
    const pinned = recordWeakly(table, 4, 5);
    expect(table.since(3)?.map((c) => c.rv)).toEqual([4, 5, 6, 7, 8]);
    unpin();
    await collect();
    expect(pinned.map((r) => r.deref() !== undefined)).toEqual([false, false, false, true, true]);
    expect(table.since(6)?.map((c) => c.rv)).toEqual([7, 8]);
    expect(table.since(5)).toBeUndefined();
  });

  it("with a history of 0 keeps nothing, except while pinned", () => {
    const table = new TypeTable(TYPE, false, 0, 0);
    recordWeakly(table, 1, 3);
    expect(table.since(2)).toBeUndefined();
    expect(table.since(3)).toEqual([]);
    const unpin = table.pin();
    recordWeakly(table, 4, 2);
    expect(table.since(3)?.map((c) => c.rv)).toEqual([4, 5]);
    unpin();
    expect(table.since(4)).toBeUndefined();
    expect(table.since(5)).toEqual([]);
  });
});
