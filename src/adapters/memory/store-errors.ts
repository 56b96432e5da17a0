/**
 * The API server's error messages, built as {@link StoreError}s.
 *
 * @module
 */
import { StatusReason, StoreError, pluralOf } from "../../store/errors.js";
import type { ResourceType } from "../../store/types.js";
import { groupOf } from "./scopes.js";

/** `pods`, `deployments.apps`: the resource as the API server names it in messages. */
export function resourceName(type: ResourceType): string {
  const group = groupOf(type.apiVersion);
  return group === "" ? pluralOf(type.kind) : `${pluralOf(type.kind)}.${group}`;
}

function details(type: ResourceType, name: string): { name: string; group?: string; kind: string } {
  const group = groupOf(type.apiVersion);
  return { name, ...(group === "" ? {} : { group }), kind: pluralOf(type.kind) };
}

/** `pods "x" not found` (404). */
export function notFound(type: ResourceType, name: string): StoreError {
  return new StoreError(StatusReason.NotFound, `${resourceName(type)} "${name}" not found`, details(type, name));
}

/** `pods "x" already exists` (409). */
export function alreadyExists(type: ResourceType, name: string): StoreError {
  return new StoreError(StatusReason.AlreadyExists, `${resourceName(type)} "${name}" already exists`, details(type, name));
}

/** `Operation cannot be fulfilled on pods "x": <why>` (409). */
export function conflict(type: ResourceType, name: string, why = "the object has been modified; please apply your changes to the latest version and try again"): StoreError {
  return new StoreError(StatusReason.Conflict, `Operation cannot be fulfilled on ${resourceName(type)} "${name}": ${why}`, details(type, name));
}

/** `Pod "x" is invalid: <field>: <detail>` (422). */
export function invalid(type: ResourceType, name: string, field: string, detail: string): StoreError {
  const group = groupOf(type.apiVersion);
  const qualified = group === "" ? type.kind : `${type.kind}.${group}`;
  return new StoreError(StatusReason.Invalid, `${qualified} "${name}" is invalid: ${field}: ${detail}`, {
    ...details(type, name),
    kind: type.kind,
    causes: [{ reason: "FieldValueInvalid", message: detail, field }],
  });
}

/** A 400 with the given message. */
export function badRequest(message: string): StoreError {
  return new StoreError(StatusReason.BadRequest, message);
}
