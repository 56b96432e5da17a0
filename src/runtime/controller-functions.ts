/**
 * KWOK's per-controller template functions (spec §5.3): `NodeIP`, `NodeName`, `NodePort`,
 * `PodIP`, `NodeIPWith`, `NodeIPsWith`, `PodIPWith`, `PodIPsWith`, backed by IP pools.
 *
 * @module
 */
import { type FunctionMap, goFunction } from "../template/exec/function-map.js";
import { IpPool, isIp, isIpv6 } from "./ip-pool.js";

/**
 * Options of {@link createControllerFunctions}.
 *
 * @category Runtime
 * @example
 * ```ts
 * createControllerFunctions({ nodeIP: "10.0.0.1", cidr: "10.244.0.1/16", nodes: (name) => nodeCache.get(name) });
 * ```
 */
export interface ControllerFunctionsOptions {
  /** KWOK's `--node-ip`: `NodeIP`, and the fallback host IP. Default `"10.0.0.1"`. */
  readonly nodeIP?: string;
  /** KWOK's `--node-port`: `NodePort`. Default 0 (so `{{ with NodePort }}` is skipped). */
  readonly nodePort?: number;
  /** KWOK's `--cidr`: the pod CIDR of nodes without `spec.podCIDR(s)`. Default `"10.0.0.1/24"`. */
  readonly cidr?: string;
  /** Looks up a managed node by name (for host IPs and pod CIDRs). */
  readonly nodes?: (name: string) => unknown;
}

/**
 * The functions of KWOK's controllers and the pools behind them.
 *
 * @category Runtime
 */
export interface ControllerFunctions {
  /**
   * The functions for rendering stages of an object. Like KWOK, `NodeName` exists only for
   * Nodes; it is the name of the node being rendered (KWOK uses its `--node-name` flag, which
   * defaults to the host name). The same map is returned for every non-Node object.
   * @param object - the object the stage runs on
   * @returns the function map
   */
  forObject(object: unknown): FunctionMap;
  /**
   * Marks a pod's IPs as taken (KWOK does this before each patch).
   * @param pod - a pod
   */
  usePodIPs(pod: unknown): void;
  /**
   * Releases a deleted pod's IPs.
   * @param pod - the pod's last state
   */
  releasePodIPs(pod: unknown): void;
  /**
   * Drops what was kept for a deleted node (its function map, and the renderer's merged map
   * keyed by it), so that nodes coming and going do not pile up.
   * @param name - the node's name
   */
  forgetNode(name: string): void;
}

interface NodeLike {
  metadata?: { name?: unknown };
  spec?: { podCIDR?: unknown; podCIDRs?: unknown };
  status?: { addresses?: unknown };
}

function hostIPs(node: NodeLike | undefined): string[] {
  const addresses = Array.isArray(node?.status?.addresses) ? (node?.status?.addresses as { type?: unknown; address?: unknown }[]) : [];
  const ips: string[] = [];
  for (const type of ["InternalIP", "ExternalIP"]) {
    for (const a of addresses) if (a?.type === type && typeof a.address === "string" && isIp(a.address)) ips.push(a.address);
  }
  return ips;
}

/**
 * Builds KWOK's controller template functions with deterministic IP pools.
 *
 * @param options - node IP, node port, default pod CIDR and the node lookup
 * @returns the functions and the pool hooks
 * @example
 * ```ts
 * const fns = createControllerFunctions({ nodes: (name) => nodes.get(name) });
 * plan(pod, lifecycle, { now, rng, functions: fns.forObject(pod) });
 * ```
 * @category Runtime
 */
export function createControllerFunctions(options: ControllerFunctionsOptions = {}): ControllerFunctions {
  const nodeIP = options.nodeIP ?? "10.0.0.1";
  const defaultCidr = options.cidr ?? "10.0.0.1/24";
  const pools = new Map<string, IpPool | null>();
  const poolOf = (cidr: string): IpPool | undefined => {
    let pool = pools.get(cidr);
    if (pool === undefined) {
      try {
        pool = new IpPool(cidr);
      } catch {
        pool = null;
      }
      pools.set(cidr, pool);
    }
    return pool ?? undefined;
  };
  const lookup = (name: string): NodeLike | undefined => options.nodes?.(name) as NodeLike | undefined;
  const nodeIPWith = (name: string): string => hostIPs(lookup(name))[0] ?? nodeIP;
  const nodeIPsWith = (name: string): string[] => {
    const ips = hostIPs(lookup(name));
    if (ips.length === 0) return nodeIP === "" ? [] : [nodeIP];
    const first = ips[0] as string;
    const other = ips.find((ip) => isIpv6(ip) !== isIpv6(first));
    return other === undefined ? [first] : [first, other];
  };
  const cidrsOf = (name: string): string[] | undefined => {
    const node = lookup(name);
    if (node === undefined) return undefined;
    const list = Array.isArray(node.spec?.podCIDRs) ? (node.spec?.podCIDRs as unknown[]).filter((c): c is string => typeof c === "string") : [];
    if (list.length > 0) return list;
    return typeof node.spec?.podCIDR === "string" && node.spec.podCIDR !== "" ? [node.spec.podCIDR] : [defaultCidr];
  };
  const podIP = (): string => poolOf(defaultCidr)?.get() ?? nodeIP;
  const podIPWith = (name: string, hostNetwork: boolean): string => {
    if (hostNetwork) return nodeIPWith(name);
    const cidrs = cidrsOf(name);
    if (cidrs === undefined) return nodeIP;
    return poolOf(cidrs[0] as string)?.get() ?? nodeIP;
  };
  const podIPsWith = (name: string, hostNetwork: boolean): string[] => {
    if (hostNetwork) return nodeIPsWith(name);
    const cidrs = cidrsOf(name);
    if (cidrs === undefined) return nodeIP === "" ? [] : [nodeIP];
    const ips = cidrs.flatMap((c) => {
      const pool = poolOf(c);
      return pool === undefined ? [] : [pool.get()];
    });
    return ips.length > 0 ? ips : nodeIPsWith(name);
  };
  const shared = {
    NodeIP: goFunction([], () => nodeIP),
    NodePort: goFunction([], () => BigInt(options.nodePort ?? 0)),
    PodIP: goFunction([], podIP),
    NodeIPWith: goFunction(["string"], nodeIPWith),
    NodeIPsWith: goFunction(["string"], nodeIPsWith),
    PodIPWith: goFunction(["string", "bool", "string", "string", "string"], (name: string, hostNetwork: boolean) => podIPWith(name, hostNetwork)),
    PodIPsWith: goFunction(["string", "bool", "string", "string", "string"], (name: string, hostNetwork: boolean) => podIPsWith(name, hostNetwork)),
  };
  const byName = new Map<string, FunctionMap>();
  const podIPsOf = (pod: unknown): { ips: string[]; nodeName: string | undefined } => {
    const p = pod as { spec?: { nodeName?: unknown }; status?: { podIP?: unknown; podIPs?: unknown } } | null;
    const ips = new Set<string>();
    if (typeof p?.status?.podIP === "string") ips.add(p.status.podIP);
    if (Array.isArray(p?.status?.podIPs)) for (const x of p.status.podIPs as { ip?: unknown }[]) if (typeof x?.ip === "string") ips.add(x.ip);
    return { ips: [...ips], nodeName: typeof p?.spec?.nodeName === "string" ? p.spec.nodeName : undefined };
  };
  const poolsFor = (nodeName: string | undefined): IpPool[] =>
    (nodeName === undefined ? [defaultCidr] : (cidrsOf(nodeName) ?? [defaultCidr])).flatMap((c) => {
      const pool = poolOf(c);
      return pool === undefined ? [] : [pool];
    });
  return {
    forObject(object) {
      // NodeName is a node-controller function: only node stages get one, bound to the node
      if ((object as { kind?: unknown } | null)?.kind !== "Node") return shared;
      const name = (object as NodeLike | null)?.metadata?.name;
      const key = typeof name === "string" ? name : "";
      let map = byName.get(key);
      if (map === undefined) {
        map = { ...shared, NodeName: goFunction([], () => key) };
        if (byName.size > 10_000) byName.clear();
        byName.set(key, map);
      }
      return map;
    },
    usePodIPs(pod) {
      const { ips, nodeName } = podIPsOf(pod);
      for (const pool of poolsFor(nodeName)) for (const ip of ips) pool.use(ip);
    },
    releasePodIPs(pod) {
      const { ips, nodeName } = podIPsOf(pod);
      for (const pool of poolsFor(nodeName)) for (const ip of ips) pool.put(ip);
    },
    forgetNode(name) {
      byName.delete(name);
    },
  };
}
