import { describe, expect, it } from "vitest";
import { IpPool, isIp } from "./ip-pool.js";

describe("IpPool", () => {
  it("allocates base + 1, 2, … from the address as written", () => {
    const pool = new IpPool("10.0.0.1/24");
    expect([pool.get(), pool.get(), pool.get()]).toEqual(["10.0.0.2", "10.0.0.3", "10.0.0.4"]);
    const unmasked = new IpPool("10.0.0.7/24");
    expect(unmasked.get()).toBe("10.0.0.8");
  });
  it("reuses released IPs first, lowest first, and skips IPs in use", () => {
    const pool = new IpPool("10.0.0.0/24");
    pool.use("10.0.0.1");
    expect(pool.get()).toBe("10.0.0.2");
    const c = pool.get();
    pool.put("10.0.0.2");
    pool.put(c);
    pool.put("192.168.0.1"); // outside: ignored
    expect([pool.get(), pool.get(), pool.get()]).toEqual(["10.0.0.2", "10.0.0.3", "10.0.0.4"]);
  });
  it("hands out released IPs lowest first under churn (as a linear scan of the free set would)", () => {
    const pool = new IpPool("10.0.0.0/16");
    const model = { free: new Set<string>(), taken: new Set<string>() };
    const all = Array.from({ length: 300 }, () => pool.get());
    all.forEach((ip) => model.taken.add(ip));
    const toNumber = (ip: string): number => ip.split(".").reduce((a, x) => a * 256 + Number(x), 0);
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let step = 0; step < 3000; step++) {
      const op = rand(4);
      const ip = all[rand(all.length)] as string;
      if (op === 0 && model.taken.has(ip)) {
        pool.put(ip);
        model.taken.delete(ip);
        model.free.add(ip);
      } else if (op === 1 && model.free.has(ip)) {
        pool.use(ip);
        model.free.delete(ip);
        model.taken.add(ip);
      } else if (op === 2 && model.free.size > 0) {
        const lowest = [...model.free].sort((a, b) => toNumber(a) - toNumber(b))[0] as string;
        expect(pool.get()).toBe(lowest);
        model.free.delete(lowest);
        model.taken.add(lowest);
      } else if (op === 3) {
        pool.put(ip);
        pool.put(ip);
        if (model.taken.delete(ip)) model.free.add(ip);
      }
    }
  });
  it("runs past the subnet like KWOK", () => {
    const pool = new IpPool("10.0.0.254/30");
    expect([pool.get(), pool.get()]).toEqual(["10.0.0.255", "10.0.1.0"]);
  });
  it("handles IPv6 with Go's compressed form", () => {
    const pool = new IpPool("fd00::1/64");
    expect([pool.get(), pool.get()]).toEqual(["fd00::2", "fd00::3"]);
  });
  it("rejects bad CIDRs with a clear error", () => {
    expect(() => new IpPool("10.0.0.1")).toThrow(/invalid CIDR "10.0.0.1"/);
    expect(() => new IpPool("10.0.0.300/24")).toThrow(/invalid CIDR/);
    expect(() => new IpPool("10.0.0.1/33")).toThrow(/invalid CIDR/);
  });
  it("isIp", () => {
    expect(isIp("1.2.3.4")).toBe(true);
    expect(isIp("::1")).toBe(true);
    expect(isIp("node")).toBe(false);
  });
});
