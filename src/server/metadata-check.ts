/**
 * Checks the shape of `metadata` in request bodies, so nothing is stored that a typed client
 * (kubectl, client-go) could no longer decode: string name, string-to-string labels and
 * annotations, a list of string finalizers. Wording after the API server's decode errors.
 *
 * @module
 */
import type { StoreError } from "../store/errors.js";
import { badRequest } from "./status.js";

function stringMap(value: unknown, field: string, nullable: boolean): StoreError | undefined {
  if (value === undefined || (value === null && nullable)) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return badRequest(`metadata.${field}: expected an object of strings, got ${JSON.stringify(value)}`);
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== "string" && !(v === null && nullable)) return badRequest(`metadata.${field}.${key}: expected a string, got ${JSON.stringify(v)}`);
  }
  return undefined;
}

/**
 * Checks `metadata` of an object or of a merge / strategic / apply patch.
 *
 * @param metadata - the `metadata` value (absent is fine)
 * @param options - `patch`: `null` values delete keys and are allowed
 * @throws StoreError `BadRequest` naming the field
 */
export function checkMetadata(metadata: unknown, options: { readonly patch?: boolean } = {}): void {
  if (metadata === undefined || (metadata === null && options.patch === true)) return;
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) throw badRequest("metadata must be an object");
  const meta = metadata as Record<string, unknown>;
  const nullable = options.patch === true;
  for (const field of ["name", "generateName", "namespace", "resourceVersion", "uid"]) {
    const v = meta[field];
    if (v !== undefined && typeof v !== "string" && !(v === null && nullable)) throw badRequest(`metadata.${field}: expected a string, got ${JSON.stringify(v)}`);
  }
  const error = stringMap(meta["labels"], "labels", nullable) ?? stringMap(meta["annotations"], "annotations", nullable);
  if (error !== undefined) throw error;
  const finalizers = meta["finalizers"];
  if (finalizers !== undefined && !(finalizers === null && nullable) && (!Array.isArray(finalizers) || finalizers.some((f) => typeof f !== "string"))) {
    throw badRequest(`metadata.finalizers: expected a list of strings, got ${JSON.stringify(finalizers)}`);
  }
}
