/**
 * Field selector strings (`metadata.name=x,spec.nodeName!=,status.phase==Running`), parsed as
 * apimachinery's `fields.ParseSelector` does (with `\,` `\=` `\!` `\\` escapes). Unlike the API
 * server, which supports a fixed set of fields per kind, any dotted path is accepted: a missing
 * field or `null` reads as `""`, booleans and numbers as their JSON text.
 *
 * @module
 */
import { badRequest } from "./store-errors.js";

/** A predicate over an object. */
export type ObjectPredicate = (object: Readonly<Record<string, unknown>>) => boolean;

interface Term {
  readonly path: readonly string[];
  readonly equal: boolean;
  readonly value: string;
}

function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let current = "";
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i] as string;
    if (c === "\\" && i + 1 < selector.length) {
      current += c + (selector[i + 1] as string);
      i++;
    } else if (c === ",") {
      terms.push(current);
      current = "";
    } else current += c;
  }
  terms.push(current);
  return terms;
}

function unescape(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === "\\") {
      const n = value[i + 1];
      if (n === undefined || !"\\,=!".includes(n)) throw badRequest(`invalid field selector: invalid escape sequence in value "${value}"`);
      out += n;
      i++;
    } else if (c === "," || c === "=") throw badRequest(`invalid field selector: unescaped "${c}" in value "${value}"`);
    else out += c;
  }
  return out;
}

function parseTerm(term: string): Term {
  for (let i = 0; i < term.length; i++) {
    const c = term[i];
    if (c === "\\") {
      i++;
      continue;
    }
    for (const op of ["!=", "==", "="]) {
      if (!term.startsWith(op, i)) continue;
      const key = term.slice(0, i).trim();
      if (key === "") throw badRequest(`invalid field selector: "${term}": the field name is empty`);
      return { path: key.split("."), equal: op !== "!=", value: unescape(term.slice(i + op.length)) };
    }
  }
  throw badRequest(`invalid selector: '${term}'; can't understand '${term}'`);
}

function fieldText(object: Readonly<Record<string, unknown>>, path: readonly string[]): string {
  let value: unknown = object;
  for (const key of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return "";
    value = (value as Record<string, unknown>)[key];
  }
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Compiles a field selector string; the empty string selects everything.
 *
 * @param selector - the selector
 * @returns the predicate
 * @throws StoreError `BadRequest` for a malformed selector
 */
export function compileFieldSelector(selector: string): ObjectPredicate {
  if (selector.trim() === "") return () => true;
  const terms = splitTerms(selector).map(parseTerm);
  return (object) => terms.every((t) => (fieldText(object, t.path) === t.value) === t.equal);
}

/**
 * The name a field selector pins with a `metadata.name=` (or `==`) term, if any: lets a list
 * look the object up instead of scanning.
 *
 * @param selector - the selector (already known to be valid)
 * @returns the name, or undefined
 */
export function pinnedName(selector: string | undefined): string | undefined {
  if (selector === undefined || selector.trim() === "") return undefined;
  for (const term of splitTerms(selector).map(parseTerm)) {
    if (term.equal && term.path.length === 2 && term.path[0] === "metadata" && term.path[1] === "name") return term.value;
  }
  return undefined;
}
