/** Test helper: freezes a value and everything inside it, so a mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** Test helper: parses JSON text and freezes the result (JSON.parse keeps `__proto__` as an own key). */
export function frozenJson<T = unknown>(text: string): T {
  return deepFreeze(JSON.parse(text) as T);
}
