/**
 * docs/limits.md is the one place limits are documented: every field of every limit option type
 * must appear there. The records below are typed `Record<keyof T, …>`, so adding a field to one
 * of these types fails type checking here until it is listed, and then this test until the
 * table documents it.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CelLimits, CelOptions, ExecuteLimits, JqOptions, JsonataOptions, MarshalGoYamlOptions, YamlLimits, YamlToJsonOptions } from "../../src/index.js";

const doc = readFileSync(fileURLToPath(new URL("../../docs/limits.md", import.meta.url)), "utf8");

/** How each field is written in the table. */
const FIELDS: {
  readonly [K in "execute" | "jq" | "cel" | "celLimits" | "jsonata" | "yaml" | "yamlToJson" | "marshal"]: Record<string, string>;
} & {
  readonly execute: Record<keyof ExecuteLimits, string>;
  readonly jq: Record<keyof JqOptions, string>;
  readonly cel: Record<Exclude<keyof CelOptions, "limits">, string>;
  readonly celLimits: Record<keyof CelLimits, string>;
  readonly jsonata: Record<keyof JsonataOptions, string>;
  readonly yaml: Record<keyof YamlLimits, string>;
  readonly yamlToJson: Record<keyof YamlToJsonOptions, string>;
  readonly marshal: Record<keyof MarshalGoYamlOptions, string>;
} = {
  execute: { maxOutputBytes: "ExecuteLimits.maxOutputBytes", maxIterations: "ExecuteLimits.maxIterations", maxTemplateDepth: "ExecuteLimits.maxTemplateDepth", maxValueLength: "ExecuteLimits.maxValueLength" },
  jq: { maxOutputs: "JqOptions.maxOutputs", maxSteps: "JqOptions.maxSteps" },
  cel: { maxConcatLength: "CelOptions.maxConcatLength", maxIterations: "CelOptions.maxIterations" },
  celLimits: { maxAstNodes: "`maxAstNodes`", maxDepth: "`maxDepth`", maxListElements: "`maxListElements`", maxMapEntries: "`maxMapEntries`", maxCallArguments: "`maxCallArguments`" },
  jsonata: { maxDepth: "JsonataOptions.maxDepth", timeoutMs: "JsonataOptions.timeoutMs", maxSequence: "JsonataOptions.maxSequence", maxValueLength: "JsonataOptions.maxValueLength" },
  yaml: { maxLength: "`maxLength` of `ParseYamlOptions`", maxDepth: "`maxDepth` of `ParseYamlOptions`", maxAliasCount: "`maxAliasCount` of `ParseYamlOptions`" },
  yamlToJson: { maxLength: "YamlToJsonOptions.maxLength", maxAliasNodes: "YamlToJsonOptions.maxAliasNodes" },
  marshal: { maxDepth: "MarshalGoYamlOptions.maxDepth" },
};

describe("docs/limits.md", () => {
  it("documents every field of every limit option type", () => {
    const missing = Object.values(FIELDS)
      .flatMap((fields) => Object.values(fields))
      .filter((text) => !doc.includes(text));
    expect(missing).toEqual([]);
  });

  it("names the error code (or the store's error reason) once per table row", () => {
    const rows = doc.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| limit") && !l.startsWith("|---"));
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) expect(row, row).toMatch(/E_LIMIT_EXCEEDED|E_JQ_RUNTIME|`StoreError` `BadRequest`/);
  });
});
