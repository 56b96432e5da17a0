import { describe, expect, it } from "vitest";
import { isStoreError } from "../store/errors.js";
import type { KubeObject } from "../store/types.js";
import { decodeContinue, encodeContinue, paginate } from "./pagination.js";

const pod = (namespace: string, name: string): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { namespace, name } });
const items = [pod("a", "x"), pod("a", "y"), pod("a-b", "a"), pod("b", "z")];

describe("paginate", () => {
  it("returns everything without a limit", () => {
    expect(paginate(items, "7", {})).toEqual({ items, resourceVersion: "7" });
  });

  it("walks the pages with continue tokens, keeping the first page's resource version", () => {
    const seen: string[] = [];
    let page = paginate(items, "7", { limit: 3 });
    expect(page.remainingItemCount).toBe(1);
    seen.push(...page.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`));
    page = paginate(items, "9", { limit: 3, continueToken: page.continueToken as string });
    seen.push(...page.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`));
    expect(page.resourceVersion).toBe("7");
    expect(page.continueToken).toBeUndefined();
    expect(seen).toEqual(["a/x", "a/y", "a-b/a", "b/z"]);
  });

  it("orders keys as namespace then name (a namespace prefix of another sorts first)", () => {
    const page = paginate(items, "7", { limit: 2 });
    expect(paginate(items, "7", { limit: 5, continueToken: page.continueToken as string }).items.map((o) => o.metadata.name)).toEqual(["a", "z"]);
  });

  it("rejects a token it did not issue with a 400", () => {
    for (const token of ["garbage", encodeContinue({ rv: "1", start: "x" }).slice(2), Buffer.from("{}").toString("base64url")]) {
      let error: unknown;
      try {
        decodeContinue(token);
      } catch (e) {
        error = e;
      }
      expect(isStoreError(error) && error.statusCode).toBe(400);
    }
  });
});
