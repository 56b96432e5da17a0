import { describe, expect, it } from "vitest";
import { KWOK_TEMPLATE_FUNCTIONS, parseTemplate } from "../index.js";
import { executeTemplate, sprigFunctions } from "./index.js";
import { formatDuration, parseDuration, roundDuration } from "./sprig-duration.js";
import { GoTime, LOCAL, UTC, loadLocation, parseTime } from "./sprig-time.js";

const now = () => 1_700_000_000_000_000_000n;
const render = (text: string): string =>
  executeTemplate(parseTemplate(text, { name: "t", functions: KWOK_TEMPLATE_FUNCTIONS }), {}, { functions: sprigFunctions({ now }) });

describe("Go durations", () => {
  it("parses and prints as Go does", () => {
    expect(parseDuration("1h30m")).toBe(5_400_000_000_000n);
    expect(parseDuration("-1.5s")).toBe(-1_500_000_000n);
    expect(parseDuration("1µs")).toBe(1000n);
    expect(() => parseDuration("1x")).toThrow('time: unknown unit "x" in duration "1x"');
    expect(() => parseDuration("1")).toThrow('time: missing unit in duration "1"');
    expect(() => parseDuration("")).toThrow('time: invalid duration ""');
    expect(formatDuration(0n)).toBe("0s");
    expect(formatDuration(1_500n)).toBe("1.5µs");
    expect(formatDuration(-61_000_000_000n)).toBe("-1m1s");
    expect(roundDuration(1_500_000_000n, 1_000_000_000n)).toBe(2_000_000_000n);
    expect(roundDuration(-1_500_000_000n, 1_000_000_000n)).toBe(-2_000_000_000n);
  });
});

describe("Go times", () => {
  it("formats and parses with reference layouts", () => {
    const t = parseTime("2006-01-02T15:04:05.999999999Z07:00", "2024-03-04T05:06:07.5+02:00", LOCAL);
    expect(t.goString()).toBe("2024-03-04 05:06:07.5 +0200 +0200");
    expect(t.in(UTC).format("Monday, 02-Jan-06 15:04:05 MST")).toBe("Monday, 04-Mar-24 03:06:07 UTC");
    expect(new GoTime(-62135596800, 0, UTC).goString()).toBe("0001-01-01 00:00:00 +0000 UTC");
    expect(() => parseTime("2006-01-02", "2024-02-30", LOCAL)).toThrow('parsing time "2024-02-30": day out of range');
  });

  it("uses IANA zones through Intl, and UTC for unknown ones", () => {
    const t = new GoTime(1_700_000_000, 0, UTC);
    const paris = loadLocation("Europe/Paris");
    expect(paris?.kind).toBe("iana");
    expect(t.in(paris ?? UTC).format("15:04 -07:00")).toBe("23:13 +01:00");
    expect(t.in(loadLocation("America/New_York") ?? UTC).format("2006-01-02 15:04 MST")).toBe("2023-11-14 17:13 EST");
    expect(loadLocation("Not/AZone")).toBeNull();
    expect(render('{{ dateInZone "2006-01-02 15:04 -0700" (now) "Asia/Kolkata" }}')).toBe("2023-11-15 03:43 +0530");
    expect(render('{{ dateInZone "15:04" 0 "Nowhere/Else" }}')).toBe("00:00");
  });

  it("exposes time methods and reads ints as Go int", () => {
    expect(render("{{ (now).Month }} {{ (now).Weekday }} {{ (now).YearDay }} {{ (now).UTC }}")).toBe("November Tuesday 318 2023-11-14 22:13:20 +0000 UTC");
    expect(render("{{ duration 90 }} {{ duration \"90\" }} {{ ago (now) }} {{ toJson (now) }}")).toBe('0s 1m30s 0s "2023-11-14T22:13:20Z"');
  });
});
