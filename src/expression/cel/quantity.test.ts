import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../errors.js";
import { Quantity, QuantityFormat, parseQuantity } from "./quantity.js";

const GI = 1024n ** 3n;

describe("parseQuantity", () => {
  // Values from the Kubernetes quantity documentation and apimachinery's quantity_test.go.
  it.each([
    ["0", 0n],
    ["1", 1_000_000_000n],
    ["500m", 500_000_000n],
    ["1n", 1n],
    ["1u", 1000n],
    ["1k", 1000n * 1_000_000_000n],
    ["1M", 10n ** 6n * 1_000_000_000n],
    ["2G", 2n * 10n ** 9n * 1_000_000_000n],
    ["1T", 10n ** 12n * 1_000_000_000n],
    ["1P", 10n ** 15n * 1_000_000_000n],
    ["1E", 10n ** 18n * 1_000_000_000n],
    ["1Ki", 1024n * 1_000_000_000n],
    ["1Mi", 1024n ** 2n * 1_000_000_000n],
    ["1Gi", GI * 1_000_000_000n],
    ["1.5Gi", (GI * 3n / 2n) * 1_000_000_000n],
    ["1Ti", 1024n ** 4n * 1_000_000_000n],
    ["1Pi", 1024n ** 5n * 1_000_000_000n],
    ["1Ei", 1024n ** 6n * 1_000_000_000n],
    ["1e3", 1000n * 1_000_000_000n],
    ["1E3", 1000n * 1_000_000_000n],
    ["1e+3", 1000n * 1_000_000_000n],
    ["15e-1", 1_500_000_000n],
    ["0.1", 100_000_000n],
    [".5", 500_000_000n],
    ["5.", 5_000_000_000n],
    ["+7", 7_000_000_000n],
    ["-7", -7_000_000_000n],
    ["-500m", -500_000_000n],
    ["007", 7_000_000_000n],
    ["1e-10", 1n], // rounded up to the nano-unit
    ["-1e-10", -1n], // away from zero
    ["0.0000000015", 2n],
    ["1e-5000", 1n],
    [".", 0n], // apimachinery accepts these
    ["-", 0n],
    ["0Gi", 0n],
    ["e3", 0n], // an empty number part is zero
  ])("%s → %s nano-units", (text, nanos) => {
    expect(parseQuantity(text).nanos).toBe(nanos);
  });

  it.each(["", "1Gx", "1ki", "1K", "abc", "1 Gi", " 1", "1e", "--1", "1.2.3", "1Gi ", "1e1001", "0x10", "1_000"])(
    "rejects %j",
    (text) => {
      expect(() => parseQuantity(text)).toThrow(expect.objectContaining({ code: ErrorCode.InvalidValue }));
    },
  );

  it("keeps the format of the suffix", () => {
    expect(parseQuantity("1Gi").format).toBe(QuantityFormat.BinarySI);
    expect(parseQuantity("1G").format).toBe(QuantityFormat.DecimalSI);
    expect(parseQuantity("1e9").format).toBe(QuantityFormat.DecimalExponent);
    // binary values below 1 switch to decimal, as in Kubernetes
    expect(parseQuantity("0.0001Ki").format).toBe(QuantityFormat.DecimalSI);
  });

  it("caps binary-SI values at 2^63-1 like Kubernetes", () => {
    expect(parseQuantity("16Ei").nanos).toBe((2n ** 63n - 1n) * 1_000_000_000n);
    expect(parseQuantity("16E").nanos).toBe(16n * 10n ** 18n * 1_000_000_000n);
  });
});

describe("Quantity", () => {
  it.each([
    ["1Gi", "1Gi"],
    ["1.5Gi", "1536Mi"],
    ["1024", "1024"],
    ["1500m", "1500m"],
    ["1.5", "1500m"],
    ["1000", "1k"],
    ["1500", "1500"],
    ["1e3", "1e3"],
    ["-2k", "-2k"],
    ["0.5Ki", "512"],
    ["1e-10", "1e-9"],
    ["1n", "1n"],
    ["0", "0"],
  ])("prints %s as %s", (text, printed) => {
    expect(parseQuantity(text).toString()).toBe(printed);
  });

  it("exposes milli-units rounded away from zero", () => {
    expect(parseQuantity("1n").milli).toBe(1n);
    expect(parseQuantity("-1n").milli).toBe(-1n);
    expect(parseQuantity("250m").milli).toBe(250n);
  });

  it("is immutable", () => {
    const q = new Quantity(5n);
    expect(Object.isFrozen(q)).toBe(true);
    expect(q.toNumber()).toBe(5e-9);
  });
});
