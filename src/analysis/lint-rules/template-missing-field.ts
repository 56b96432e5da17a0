/**
 * `template-missing-field`: template field chains (`.status.foo`) that no seed nor explored object has.
 *
 * @module
 */
import { parseKwokTemplate } from "../../template/parser.js";
import type { LintContext, LintFinding } from "../lint-types.js";

type AnyNode = { readonly kind?: unknown } & Record<string, unknown>;

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The field chains on the root object: `.a.b` outside `range`/`with` bodies (where the dot is rebound), and `$.a.b` anywhere. */
function rootFields(node: unknown, top: boolean, out: string[][]): void {
  if (Array.isArray(node)) {
    for (const n of node) rootFields(n, top, out);
    return;
  }
  if (!isNode(node)) return;
  if (node.kind === "field" && top) out.push([...(node["ident"] as string[])]);
  if (node.kind === "variable" && (node["ident"] as string[])[0] === "$" && (node["ident"] as string[]).length > 1) out.push((node["ident"] as string[]).slice(1));
  if (node.kind === "range" || node.kind === "with") {
    rootFields(node["pipe"], top, out);
    rootFields(node["list"], false, out);
    rootFields(node["elseList"], top, out);
    return;
  }
  for (const [key, value] of Object.entries(node)) if (key !== "kind") rootFields(value, top, out);
}

function has(object: unknown, path: readonly string[]): boolean {
  let value = object;
  for (const key of path) {
    if (!isNode(value) || !(key in value)) return false;
    value = value[key];
  }
  return true;
}

function templatesOf(stage: LintContext["stages"][number]): string[] {
  return stage.steps.flatMap((s) => [s.patch?.template, s.apply?.template].filter((t): t is string => t !== undefined));
}

function fieldsOf(template: string): string[][] {
  try {
    const parsed = parseKwokTemplate(template);
    const out: string[][] = [];
    rootFields(parsed.root, true, out);
    for (const body of parsed.templates.values()) rootFields(body, true, out);
    return out;
  } catch {
    return []; // a template that does not parse is a load error, not a lint finding
  }
}

/**
 * `.status…` field chains of each stage's templates (the part of the object the lifecycle writes;
 * metadata and spec depend on the user's objects) that exist in no seed nor explored object of
 * its kind (Go renders them as `<no value>`).
 */
export function templateMissingField(context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const stage of context.stages) {
    const { apiGroup, kind } = stage.resourceRef;
    const objects = context.explorations
      .flatMap((x) => x.exploration.states.map((s) => s.example))
      .filter((o) => isNode(o) && o["apiVersion"] === apiGroup && o["kind"] === kind);
    if (objects.length === 0) continue;
    const chains = templatesOf(stage)
      .flatMap(fieldsOf)
      .filter((p) => p[0] === "status")
      .map((p) => p.join("."));
    const missing = [...new Set(chains)].filter((p) => !objects.some((o) => has(o, p.split("."))));
    for (const field of missing) {
      findings.push({
        rule: "template-missing-field",
        severity: "info",
        stages: [stage.name],
        message: `a template of stage ${stage.name} reads .${field}, which no seed nor explored ${kind} has (it renders as <no value>)`,
        suggestion: `check the field name, guard it with {{ with .${field} }}, or add a seed that has it`,
      });
    }
  }
  return findings;
}
