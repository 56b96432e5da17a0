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
