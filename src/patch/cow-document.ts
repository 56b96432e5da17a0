import { patchConflict } from "./errors.js";
import { copyObject, getOwn, isJsonObject, setOwn } from "./json.js";
import type { JsonObject, JsonValue, MutableJsonObject } from "./json.js";
import { parseGoIndex } from "./json-pointer.js";

type Container = MutableJsonObject | JsonValue[];

/**
 * A JSON document edited copy-on-write: a container is copied (shallowly) the first time it is
 * written to, so the input is never mutated and untouched subtrees are shared with the result.
 * Container semantics follow evanphx/json-patch v4 (`partialDoc`, `partialArray`).
 */
export class CowDocument {
  /** The current root. */
  root: JsonValue;
  private readonly owned = new Set<object>();

  constructor(root: JsonValue) {
    this.root = root;
  }

  /** Forgets which containers are private copies (after a `copy` shares a subtree twice). */
  disown(): void {
    this.owned.clear();
  }

  /**
   * Finds the container holding the last token, walking the parent tokens (evanphx
   * `findObject`). With `write`, every container on the way becomes a private copy.
   */
  find(parents: readonly string[], write: boolean): Container | undefined {
    let current: JsonValue = write ? this.ownRoot() : this.root;
    for (const token of parents) {
      if (!isContainer(current)) return undefined;
      const next = childOf(current, token);
      if (next === undefined || next === null || !isContainer(next)) return undefined;
      current = write ? this.ownChild(current as Container, token, next) : next;
    }
    return isContainer(current) ? (current as Container) : undefined;
  }

  private ownRoot(): JsonValue {
    const root = this.root;
    if (!isContainer(root) || this.owned.has(root as object)) return root;
    const copy = copyContainer(root as Container);
    this.owned.add(copy);
    this.root = copy;
    return copy;
  }

  private ownChild(parent: Container, token: string, child: JsonValue): JsonValue {
    if (this.owned.has(child as object)) return child;
    const copy = copyContainer(child as Container);
    this.owned.add(copy);
    if (Array.isArray(parent)) parent[parseGoIndex(token) as number] = copy;
    else setOwn(parent, token, copy);
    return copy;
  }
}

function isContainer(value: JsonValue): boolean {
  return typeof value === "object" && value !== null;
}

function copyContainer(value: Container): Container {
  return Array.isArray(value) ? value.slice() : copyObject(value as JsonObject);
}

/** A child for walking: own member, or array element at a valid non-negative index. */
function childOf(container: JsonValue, token: string): JsonValue | undefined {
  if (Array.isArray(container)) {
    const index = parseGoIndex(token);
    if (index === undefined || index < 0 || index >= container.length) return undefined;
    return container[index];
  }
  return getOwn(container as JsonObject, token);
}

/** evanphx `get`: objects never fail (missing reads as null); arrays need a valid index. */
export function containerGet(container: Container, key: string, where: string): JsonValue {
  if (!Array.isArray(container)) return getOwn(container, key) ?? null;
  const index = parseGoIndex(key);
  if (index === undefined) throw patchConflict(`${where}: "${key}" is not an array index`);
  if (index < 0 || index >= container.length) throw patchConflict(`${where}: index ${key} is out of range (length ${container.length})`);
  return container[index] as JsonValue;
}

/** evanphx `add`: objects set the member; arrays insert (`-` appends, negative counts from the end). */
export function containerAdd(container: Container, key: string, value: JsonValue, where: string): void {
  if (!Array.isArray(container)) {
    setOwn(container, key, value);
    return;
  }
  if (key === "-") {
    container.push(value);
    return;
  }
  let index = parseGoIndex(key);
  if (index === undefined) throw patchConflict(`${where}: "${key}" is not an array index`);
  const size = container.length + 1;
  if (index >= size || index < -size) throw patchConflict(`${where}: index ${key} is out of range (length ${container.length})`);
  if (index < 0) index += size;
  container.splice(index, 0, value);
}

/** evanphx `remove`: the member must exist; arrays take a valid (or negative) index. */
export function containerRemove(container: Container, key: string, where: string): void {
  if (!Array.isArray(container)) {
    if (!Object.hasOwn(container, key)) throw patchConflict(`${where}: there is no member "${key}" to remove`);
    delete container[key];
    return;
  }
  let index = parseGoIndex(key);
  if (index === undefined) throw patchConflict(`${where}: "${key}" is not an array index`);
  if (index >= container.length || index < -container.length) throw patchConflict(`${where}: index ${key} is out of range (length ${container.length})`);
  if (index < 0) index += container.length;
  container.splice(index, 1);
}

/** evanphx `set` (replace): objects set the member (even a missing one); arrays need a valid index. */
export function containerSet(container: Container, key: string, value: JsonValue, where: string): void {
  if (!Array.isArray(container)) {
    setOwn(container, key, value);
    return;
  }
  containerGet(container, key, where);
  container[parseGoIndex(key) as number] = value;
}

/** A container found by {@link CowDocument.find}. */
export type { Container };
