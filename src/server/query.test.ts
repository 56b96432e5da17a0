import { describe, expect, it } from "vitest";
import { parseQuery } from "./query.js";

describe("parseQuery", () => {
  it("reads every parameter", () => {
    const q = parseQuery(new URLSearchParams("labelSelector=a%3Db&fieldSelector=x&limit=5&continue=t&resourceVersion=3&watch=1&allowWatchBookmarks=true&timeoutSeconds=10&fieldManager=m&force=true&dryRun=All&gracePeriodSeconds=0&includeObject=Object"));
    expect(q).toEqual({
      labelSelector: "a=b",
      fieldSelector: "x",
      limit: 5,
      continueToken: "t",
      resourceVersion: "3",
      watch: true,
      allowWatchBookmarks: true,
      timeoutSeconds: 10,
      fieldManager: "m",
      force: true,
      dryRun: ["All"],
      gracePeriodSeconds: 0,
      includeObject: "Object",
    });
  });

  it("treats limit=0 and empty values as absent", () => {
    expect(parseQuery(new URLSearchParams("limit=0&labelSelector=&watch=false"))).toEqual({ watch: false, allowWatchBookmarks: false, force: false, dryRun: [] });
  });

  it("rejects malformed numbers and flags with a 400", () => {
    for (const q of ["limit=x", "limit=-1", "timeoutSeconds=1.5", "watch=yes", "gracePeriodSeconds=soon"]) {
      expect(() => parseQuery(new URLSearchParams(q))).toThrowError(expect.objectContaining({ statusCode: 400 }) as Error);
    }
  });
});
