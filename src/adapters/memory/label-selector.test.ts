import { describe, expect, it } from "vitest";
import { isStoreError } from "../../store/errors.js";
import { compileLabelSelector } from "./label-selector.js";

const cases: [string, Record<string, string> | undefined, boolean][] = [
  ["", undefined, true],
  ["app=web", { app: "web" }, true],
  ["app=web", { app: "db" }, false],
  ["app=web", undefined, false],
  ["app==web", { app: "web" }, true],
  ["app!=web", { app: "db" }, true],
  ["app!=web", {}, true],
  ["app!=web", { app: "web" }, false],
  ["env in (a, b)", { env: "b" }, true],
  ["env in (a,b)", { env: "c" }, false],
  ["env in (a,b)", {}, false],
  ["env notin (a,b)", { env: "c" }, true],
  ["env notin (a,b)", {}, true],
  ["env notin (a,b)", { env: "a" }, false],
  ["release", { release: "" }, true],
  ["release", {}, false],
  ["!release", {}, true],
  ["!release", { release: "x" }, false],
  ["a=1,b!=2, !c", { a: "1", b: "3" }, true],
  ["a=1,b!=2,!c", { a: "1", b: "3", c: "" }, false],
  ["example.com/role=edge", { "example.com/role": "edge" }, true],
  ["a=", { a: "" }, true],
  ["a=", { a: "x" }, false],
  ["n>5", { n: "7" }, true],
  ["n<5", { n: "7" }, false],
  ["constructor", {}, false],
  ["!constructor", {}, true],
];

describe("compileLabelSelector", () => {
  it.each(cases)("%j on %j → %j", (selector, labels, expected) => {
    expect(compileLabelSelector(selector)(labels)).toBe(expected);
  });

  it.each(["a b", "app in", "app in ()", "app in (a", "=x", "a=b=c", "a,", "-bad=x", "a=b c", "a in (b c)", "n>x", "__proto__"])("rejects %j with BadRequest", (selector) => {
    let caught: unknown;
    try {
      compileLabelSelector(selector);
    } catch (error) {
      caught = error;
    }
    expect(isStoreError(caught) && caught.reason === "BadRequest" && caught.statusCode === 400).toBe(true);
  });
});
