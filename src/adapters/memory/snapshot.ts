/**
 * Snapshots of a memory store as multi-document YAML.
 *
 * @module
 */
import { parseYamlDocuments } from "../../stage/yaml.js";
import type { KubeObject } from "../../store/types.js";
import { marshalGoYaml } from "../../yaml/index.js";
import { badRequest } from "./store-errors.js";
import type { TypeTable } from "./type-table.js";

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function order(a: KubeObject, b: KubeObject): number {
  return (
    compare(a.apiVersion, b.apiVersion) ||
    compare(a.kind, b.kind) ||
    compare(a.metadata.namespace ?? "", b.metadata.namespace ?? "") ||
    compare(a.metadata.name ?? "", b.metadata.name ?? "")
  );
}

/**
 * Writes every object as YAML documents (sorted by apiVersion, kind, namespace, name, keys in
 * go-yaml order) after a header comment with the store's resource version.
 *
 * @param tables - the type tables
 * @param rv - the store's resource version
 * @returns the text
 */
export function writeSnapshot(tables: readonly TypeTable[], rv: number): string {
  const objects: KubeObject[] = [];
  for (const table of tables) for (const object of table.objects.values()) objects.push(object);
  objects.sort(order);
  return `# stagecraft memory store, resourceVersion: ${rv}\n${objects.map((o) => `---\n${marshalGoYaml(o)}`).join("")}`;
}

/**
 * Reads the objects of a multi-document YAML text (Kubernetes' YAML 1.1 reading); `kind: List`
 * documents contribute their items, empty documents nothing.
 *
 * @param text - the text
 * @returns the objects
 * @throws StoreError `BadRequest` for invalid YAML or a document that is not an object with
 *   `apiVersion` and `kind`
 */
export function readSnapshot(text: string): KubeObject[] {
  const { documents, issues } = parseYamlDocuments(text);
  const error = issues.find((issue) => issue.severity === "error");
  if (error !== undefined) throw badRequest(`invalid snapshot YAML: ${error.message}`);
  const out: KubeObject[] = [];
  const add = (value: unknown, where: string): void => {
    if (value === null || value === undefined) return;
    const object = value as Record<string, unknown>;
    if (typeof value !== "object" || Array.isArray(value) || typeof object["apiVersion"] !== "string" || typeof object["kind"] !== "string") {
      throw badRequest(`invalid snapshot YAML: ${where} is not an object with apiVersion and kind`);
    }
    if (object["kind"] === "List" && Array.isArray(object["items"])) {
      object["items"].forEach((item, i) => add(item, `${where}, item ${i}`));
      return;
    }
    out.push(value as KubeObject);
  };
  documents.forEach((doc) => add(doc.value, `document ${doc.index + 1}`));
  return out;
}
