/**
 * KWOK's IP pools (`pkg/kwok/controllers/utils.go ipPool`, spec §5.3), deterministic.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";

interface Parsed {
  readonly v6: boolean;
  readonly value: bigint;
}

function parseIp(text: string): Parsed | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split(".").map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { v6: false, value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  if (!text.includes(":") || !/^[0-9a-fA-F:]+$/.test(text)) return undefined;
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] === "" ? [] : (halves[0] ?? "").split(":");
  const tail = halves.length === 2 ? (halves[1] === "" ? [] : (halves[1] ?? "").split(":")) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return undefined;
  return { v6: true, value: groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n) };
}

function formatIp(ip: Parsed): string {
  if (!ip.v6) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 255n)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt((7 - i) * 16)) & 0xffffn));
  // the longest run of zero groups (≥ 2) becomes "::", as Go prints
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}

/**
 * A pool of IPs of one CIDR, allocated the way KWOK does: released IPs are reused first (the
 * lowest, where KWOK takes an arbitrary one), otherwise the next unused `base + k`, k = 1, 2, …,
 * where `base` is the address as written in the CIDR (not masked); like KWOK, allocation does
 * not stop at the end of the subnet.
 *
 * @category Runtime
 * @example
 * ```ts
 * const pool = new IpPool("10.0.0.1/24");
 * pool.get(); // "10.0.0.2"
 * pool.get(); // "10.0.0.3"
 * pool.put("10.0.0.2");
 * pool.get(); // "10.0.0.2"
 * ```
 */
export class IpPool {
  private readonly base: Parsed;
  private readonly bits: number;
  private next = 1n;
  private readonly used = new Set<bigint>();
  private readonly free = new Set<bigint>();
  /** Min-heap over the released IPs (entries no longer in `free` are skipped when popped). */
  private readonly freeHeap: bigint[] = [];

  /**
   * @param cidr - `10.0.0.1/24`, `fd00::1/64`
   * @throws StagecraftError `E_INVALID_VALUE` when the CIDR does not parse
   */
  constructor(readonly cidr: string) {
    const [ip, bits] = cidr.split("/");
    const base = ip === undefined ? undefined : parseIp(ip);
    const n = Number(bits);
    if (base === undefined || bits === undefined || !/^\d+$/.test(bits) || n > (base.v6 ? 128 : 32)) {
      throw new StagecraftError(ErrorCode.InvalidValue, `invalid CIDR ${JSON.stringify(cidr)}`, { expected: "an IPv4 or IPv6 CIDR such as 10.0.0.1/24", received: cidr });
    }
    this.base = base;
    this.bits = n;
  }

  /** @returns a free IP */
  get(): string {
    while (this.free.size > 0) {
      // the lowest released IP (a heap, not a scan: churn keeps many released)
      const ip = popMin(this.freeHeap) as bigint;
      if (!this.free.delete(ip)) continue;
      this.used.add(ip);
      return formatIp({ v6: this.base.v6, value: ip });
    }
    for (;;) {
      const ip = this.base.value + this.next++;
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return formatIp({ v6: this.base.v6, value: ip });
      }
    }
  }

  /**
   * Marks an IP in use (e.g. an existing pod's IP).
   * @param ip - the IP
   */
  use(ip: string): void {
    const p = parseIp(ip);
    if (p === undefined || !this.contains(p)) return;
    this.used.add(p.value);
    this.free.delete(p.value);
  }

  /**
   * Releases an IP (e.g. of a deleted pod); IPs outside the CIDR are ignored.
   * @param ip - the IP
   */
  put(ip: string): void {
    const p = parseIp(ip);
    if (p === undefined || !this.contains(p) || !this.used.has(p.value)) return;
    this.used.delete(p.value);
    if (!this.free.has(p.value)) {
      this.free.add(p.value);
      pushHeap(this.freeHeap, p.value);
    }
  }

  private contains(p: Parsed): boolean {
    if (p.v6 !== this.base.v6) return false;
    const width = this.base.v6 ? 128 : 32;
    const shift = BigInt(width - this.bits);
    return p.value >> shift === this.base.value >> shift;
  }
}

function pushHeap(heap: bigint[], value: bigint): void {
  let i = heap.push(value) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as bigint;
    if (p <= value) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = value;
}

function popMin(heap: bigint[]): bigint | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last !== undefined) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let mv = last;
      if (l < heap.length && (heap[l] as bigint) < mv) [m, mv] = [l, heap[l] as bigint];
      if (r < heap.length && (heap[r] as bigint) < mv) [m, mv] = [r, heap[r] as bigint];
      if (m === i) break;
      heap[i] = mv;
      i = m;
    }
    heap[i] = last;
  }
  return top;
}

/**
 * Tells whether a text is an IPv4 or IPv6 address.
 *
 * @param text - the text
 * @returns whether it parses as an IP
 * @example
 * ```ts
 * isIp("10.0.0.1"); // true
 * ```
 * @category Runtime
 */
export function isIp(text: string): boolean {
  return parseIp(text) !== undefined;
}

/**
 * Whether an address is IPv6.
 * @param text - an IP
 * @returns true for IPv6
 */
export function isIpv6(text: string): boolean {
  return parseIp(text)?.v6 === true;
}
