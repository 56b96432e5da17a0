/**
 * A small schema-driven decoder with Go `encoding/json` semantics, used to read Stage
 * documents into their v1alpha1 shape: wrong JSON types are errors, `null` leaves a field
 * unset, unknown fields are reported (KWOK ignores them silently), and a key that differs
 * from a field only in case binds to it (as `encoding/json` does) with a warning.
 *
 * @module
 * @internal
 */
import { ErrorCode, type FieldPath } from "../errors.js";
import { describeValue, type Issue, Severity } from "../issues.js";

/** The field types a Stage uses. */
export type Schema =
  | { readonly type: "string" }
  | { readonly type: "int" }
  | { readonly type: "bool" }
  | { readonly type: "any" }
  | { readonly type: "object"; readonly fields: Readonly<Record<string, Schema>>; readonly open?: boolean }
  | { readonly type: "array"; readonly items: Schema }
  | { readonly type: "map"; readonly values: Schema };

/** Receives issues with the path of the field they concern. */
export type Report = (issue: Omit<Issue, "document" | "location"> & { readonly key?: boolean }) => void;

const INT64_MAX = 2 ** 63;

/**
 * Decodes `value` by `schema`. Returns `undefined` for `null`/absent values and for values of
 * the wrong type (after reporting them).
 */
export function decode(value: unknown, schema: Schema, path: FieldPath, report: Report): unknown {
  if (value === null || value === undefined) return undefined;
  switch (schema.type) {
    case "any":
      return value;
    case "string":
      if (typeof value === "string") return value;
      if (typeof value === "boolean" || typeof value === "number") {
        return mismatch(value, "a string", path, report, "unquoted yes/no/on/off/true/false and numbers are not strings in YAML 1.1: quote the value");
      }
      return mismatch(value, "a string", path, report);
    case "bool":
      return typeof value === "boolean" ? value : mismatch(value, "a boolean", path, report);
    case "int":
      if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) < INT64_MAX) return value;
      return mismatch(value, "an integer", path, report);
    case "array":
      if (!Array.isArray(value)) return mismatch(value, "a list", path, report);
      return value.map((item, i) => decode(item, schema.items, [...path, i], report));
    case "map":
      if (!isPlainObject(value)) return mismatch(value, "a mapping", path, report);
      return decodeMap(value, schema.values, path, report);
    case "object":
      if (!isPlainObject(value)) return mismatch(value, "a mapping", path, report);
      return decodeObject(value, schema, path, report);
  }
}

function decodeMap(value: Record<string, unknown>, values: Schema, path: FieldPath, report: Report) {
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(value)) {
    if (v === null) {
      // encoding/json stores the zero value for a null map element.
      out[k] = values.type === "string" ? "" : undefined;
      continue;
    }
    const decoded = decode(v, values, [...path, k], report);
    if (decoded !== undefined) out[k] = decoded;
  }
  return { ...out };
}

function decodeObject(
  value: Record<string, unknown>,
  schema: Extract<Schema, { type: "object" }>,
  path: FieldPath,
  report: Report,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const names = Object.keys(schema.fields);
  for (const [key, raw] of Object.entries(value)) {
    let name = key;
    if (!(key in schema.fields)) {
      const folded = names.find((n) => n.toLowerCase() === key.toLowerCase());
      if (folded === undefined) {
        if (!schema.open) {
          report({
            code: ErrorCode.UnknownField,
            severity: Severity.Warning,
            message: `unknown field "${key}" is ignored`,
            path: [...path, key],
            key: true,
            expected: `one of ${names.join(", ")}`,
          });
        }
        continue;
      }
      report({
        code: ErrorCode.UnknownField,
        severity: Severity.Warning,
        message: `field "${key}" binds to "${folded}" only because KWOK matches field names case-insensitively`,
        path: [...path, key],
        key: true,
        expected: `"${folded}"`,
      });
      name = folded;
    }
    const fieldSchema = schema.fields[name];
    if (fieldSchema === undefined) continue;
    const decoded = decode(raw, fieldSchema, [...path, key], report);
    if (decoded !== undefined) out[name] = decoded;
  }
  return out;
}

function mismatch(value: unknown, expected: string, path: FieldPath, report: Report, hint?: string): undefined {
  report({
    code: ErrorCode.TypeMismatch,
    severity: Severity.Error,
    message: hint ? `wrong type: ${hint}` : "wrong type",
    path,
    expected,
    received: describeValue(value),
  });
  return undefined;
}

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
