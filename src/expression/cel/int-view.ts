/**
 * A lazy, read-only CEL view of a JSON object in which integral numbers are CEL `int`
 * (`bigint`), as Kubernetes CEL sees unstructured objects.
 *
 * Converting a whole object per evaluation costs several microseconds on a 3 KB Pod, while a
 * selector reads two or three fields. The view wraps objects and arrays in read-only proxies
 * that convert a number only when CEL reads it. Proxies are memoized per wrapped object (in a
 * WeakMap), and always read the live object, so an object mutated between two evaluations is
 * seen as it is now (no stale cache).
 *
 * @module
 */

/** Integral numbers with a magnitude below 2⁶³ become int64, like Go's JSON decoding into int64. */
const INT64_LIMIT = 2 ** 63;
/** Key that returns the wrapped target, so results can be unwrapped. */
const TARGET = Symbol("stagecraft.cel.target");
const proxies = new WeakMap<object, object>();

/**
 * Converts a JSON number the way Kubernetes decodes it for CEL: integral → `bigint`
 * (CEL `int`), otherwise the double itself. `3.0` in the JSON text cannot be told apart
 * from `3` once parsed by JavaScript, so it becomes an `int` too.
 */
export function toCelNumber(value: number): number | bigint {
  return Number.isInteger(value) && Math.abs(value) < INT64_LIMIT ? BigInt(value) : value;
}

/** Wraps a JSON value for CEL; scalars other than numbers pass through unchanged. */
export function celView(value: unknown): unknown {
  if (typeof value === "number") return toCelNumber(value);
  if (typeof value !== "object" || value === null || !isPlainContainer(value)) return value;
  let proxy = proxies.get(value);
  if (proxy === undefined) {
    // A proxy of a frozen (or sealed) object may not return anything but the very value of a
    // non-configurable property, so it could not turn numbers into bigints nor wrap children:
    // such objects (a store's, deep-frozen) are viewed through a shallow copy, which is safe
    // because they cannot change.
    const target = Object.isExtensible(value) ? value : Array.isArray(value) ? value.slice() : { ...value };
    proxy = new Proxy(target, Array.isArray(value) ? arrayHandler : objectHandler);
    proxies.set(value, proxy);
  }
  return proxy;
}

/** Returns the object behind a view proxy, or the value itself. */
export function unwrapView(value: object): object {
  return ((value as Record<symbol, unknown>)[TARGET] as object | undefined) ?? value;
}

function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const readOnly = {
  set(): boolean {
    return false;
  },
  defineProperty(): boolean {
    return false;
  },
  deleteProperty(): boolean {
    return false;
  },
  setPrototypeOf(): boolean {
    return false;
  },
};

const objectHandler: ProxyHandler<Record<PropertyKey, unknown>> = {
  ...readOnly,
  get(target, key) {
    if (key === TARGET) return target;
    const value = target[key];
    return typeof key === "string" && Object.hasOwn(target, key) ? celView(value) : value;
  },
};

const arrayHandler: ProxyHandler<unknown[]> = {
  ...readOnly,
  get(target, key) {
    if (key === TARGET) return target;
    const value = (target as unknown as Record<PropertyKey, unknown>)[key];
    if (typeof key !== "string" || key === "length" || !Object.hasOwn(target, key)) return value;
    return celView(value);
  },
};
