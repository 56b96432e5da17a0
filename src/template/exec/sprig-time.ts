/**
 * Go's `time.Time` for templates: {@link GoTime} values, locations (UTC, `Local` read as UTC,
 * fixed offsets from parsed text, IANA names through `Intl`), `Format` with Go's reference
 * layout (`2006-01-02T15:04:05Z07:00`) and `ParseInLocation`.
 *
 * @module
 */
import { timeQuote } from "./sprig-duration.js";
import { GoObject } from "./values.js";

/**
 * A Go `*time.Location`: UTC, `Local` (stagecraft reads the host's zone as UTC, so renders do
 * not depend on the machine), a fixed offset with an optional abbreviation, or an IANA zone.
 * @example
 * ```ts
 * const z: GoZone = { kind: "fixed", name: "", offset: 7200 };
 * ```
 * @category Template
 */
export type GoZone =
  | { readonly kind: "utc" }
  | { readonly kind: "local" }
  | { readonly kind: "fixed"; readonly name: string; readonly offset: number }
  | { readonly kind: "iana"; readonly name: string };

/** UTC. */
export const UTC: GoZone = { kind: "utc" };
/** Go's `time.Local`, read as UTC. */
export const LOCAL: GoZone = { kind: "local" };

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function ianaFormatter(name: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(name);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: name, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", era: "short", timeZoneName: "short",
    });
    FORMATTERS.set(name, f);
  }
  return f;
}

/**
 * Go's `time.LoadLocation`: `""` and `UTC` are UTC, `Local` is {@link LOCAL}, IANA names are
 * checked with `Intl`.
 * @param name - the zone name
 * @returns the zone, or null when unknown
 * @example
 * ```ts
 * loadLocation("Europe/Paris")?.kind; // "iana"
 * ```
 * @category Template
 */
export function loadLocation(name: string): GoZone | null {
  if (name === "" || name === "UTC") return UTC;
  if (name === "Local") return LOCAL;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  try {
    ianaFormatter(name);
    return { kind: "iana", name };
  } catch {
    return null;
  }
}

/**
 * The abbreviation and offset (seconds east of UTC) of a zone at an instant.
 * @param z - the zone
 * @param sec - Unix seconds
 * @returns the zone name and offset in effect
 * @example
 * ```ts
 * zoneAt(UTC, 0); // { name: "UTC", offset: 0 }
 * ```
 * @category Template
 */
export function zoneAt(z: GoZone, sec: number): { name: string; offset: number } {
  switch (z.kind) {
    case "utc":
    case "local": return { name: "UTC", offset: 0 };
    case "fixed": return { name: z.name, offset: z.offset };
    default: {
      const ms = Math.min(8.64e15, Math.max(-8.64e15, sec * 1000));
      const parts = ianaFormatter(z.name).formatToParts(new Date(ms));
      const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? "0";
      let year = Number(get("year"));
      if (get("era") === "BC" || get("era") === "B") year = 1 - year;
      const local = Date.UTC(year, Number(get("month")) - 1, Number(get("day")), Number(get("hour")), Number(get("minute")), Number(get("second")));
      const adjusted = new Date(local);
      if (year >= 0 && year < 100) adjusted.setUTCFullYear(year);
      const offset = Math.round((adjusted.getTime() - Math.floor(ms / 1000) * 1000) / 1000);
      let name = get("timeZoneName");
      const gmt = /^GMT([+-])(\d+)(?::(\d+))?$/.exec(name);
      if (name === "GMT" && offset === 0) name = "GMT";
      else if (gmt !== null) name = `${gmt[1]}${(gmt[2] as string).padStart(2, "0")}${gmt[3] ?? ""}`;
      return { name, offset };
    }
  }
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const SEC_PER_DAY = 86400;

/** Civil fields of a Unix second count shifted by an offset. */
interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  weekday: number;
  yday: number;
}

function civil(abs: number): Civil {
  const days = Math.floor(abs / SEC_PER_DAY);
  const rem = abs - days * SEC_PER_DAY;
  const d = new Date(days * SEC_PER_DAY * 1000);
  const year = d.getUTCFullYear();
  const start = new Date(0);
  start.setUTCFullYear(year, 0, 1);
  return {
    year, month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: Math.floor(rem / 3600), min: Math.floor((rem % 3600) / 60), sec: rem % 60,
    weekday: d.getUTCDay(), yday: Math.round((d.getTime() - start.getTime()) / (SEC_PER_DAY * 1000)) + 1,
  };
}

/**
 * Unix seconds of a civil date and time in UTC (`time.Date` normalization: out-of-range
 * fields carry over).
 * @param year - the year
 * @param month - 1..12
 * @param day - the day of the month
 * @param hour - the hour
 * @param min - the minute
 * @param sec - the second
 * @returns seconds since the Unix epoch
 * @example
 * ```ts
 * unixOf(1970, 1, 2, 0, 0, 0); // 86400
 * ```
 * @category Template
 */
export function unixOf(year: number, month: number, day: number, hour: number, min: number, sec: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / 1000) + hour * 3600 + min * 60 + sec;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? `-${s}` : s;
}

/**
 * A Go `time.Time`: an instant (Unix seconds and nanoseconds) and a location. It prints as
 * `2006-01-02 15:04:05.999999999 -0700 MST` and exposes `Year Month Day Hour Minute Second
 * Nanosecond Unix UnixNano UnixMilli Weekday YearDay UTC Local IsZero String` to templates.
 * @example
 * ```ts
 * new GoTime(0, 0, UTC).goString(); // "1970-01-01 00:00:00 +0000 UTC"
 * ```
 * @category Template
 */
export class GoTime extends GoObject {
  /** `time.Time`. */
  readonly goType = "time.Time";
  /** A struct. */
  readonly goKind = "struct";

  /**
   * @param sec - Unix seconds
   * @param nsec - nanoseconds within the second, 0..999999999
   * @param zone - the location
   */
  constructor(
    readonly sec: number,
    readonly nsec: number,
    readonly zone: GoZone,
  ) {
    super();
  }

  /**
   * A time from nanoseconds since the Unix epoch.
   * @param ns - nanoseconds
   * @param zone - the location
   * @returns the time
   * @example
   * ```ts
   * GoTime.fromUnixNano(1_500_000_000n, UTC).nsec; // 500000000
   * ```
   */
  static fromUnixNano(ns: bigint, zone: GoZone): GoTime {
    const sec = ns / 1_000_000_000n;
    let rem = ns % 1_000_000_000n;
    let s = sec;
    if (rem < 0n) {
      rem += 1_000_000_000n;
      s -= 1n;
    }
    return new GoTime(Number(s), Number(rem), zone);
  }

  /**
   * Nanoseconds since the Unix epoch.
   * @returns the instant in nanoseconds
   */
  unixNano(): bigint {
    return BigInt(this.sec) * 1_000_000_000n + BigInt(this.nsec);
  }

  /**
   * The same instant in another location (`t.In(loc)`).
   * @param zone - the location
   * @returns the time
   */
  in(zone: GoZone): GoTime {
    return new GoTime(this.sec, this.nsec, zone);
  }

  /**
   * `t.Add(d)`.
   * @param ns - nanoseconds to add
   * @returns the time
   */
  add(ns: bigint): GoTime {
    return GoTime.fromUnixNano(this.unixNano() + ns, this.zone);
  }

  private fields(): Civil & { name: string; offset: number } {
    const z = zoneAt(this.zone, this.sec);
    return { ...civil(this.sec + z.offset), ...z };
  }

  /**
   * Go's `Format` with a reference layout.
   * @param layout - e.g. `2006-01-02T15:04:05Z07:00`
   * @returns the formatted time
   */
  format(layout: string): string {
    return formatTime(this.fields(), this.nsec, layout);
  }

  /**
   * `String()`.
   * @returns `2006-01-02 15:04:05.999999999 -0700 MST`
   */
  goString(): string {
    return this.format("2006-01-02 15:04:05.999999999 -0700 MST");
  }

  /**
   * `MarshalJSON()`: RFC 3339 with nanoseconds.
   * @returns the JSON string
   */
  goJson(): string {
    const y = this.fields().year;
    if (y < 0 || y > 9999) throw new Error("Time.MarshalJSON: year outside of range [0,9999]");
    return `"${this.format("2006-01-02T15:04:05.999999999Z07:00")}"`;
  }

  /**
   * The niladic methods a template can call.
   * @param name - the method name
   * @returns the result, or undefined
   */
  goMethod(name: string): unknown {
    const f = this.fields();
    switch (name) {
      case "Year": return BigInt(f.year);
      case "Month": return MONTHS[f.month - 1];
      case "Day": return BigInt(f.day);
      case "Hour": return BigInt(f.hour);
      case "Minute": return BigInt(f.min);
      case "Second": return BigInt(f.sec);
      case "Nanosecond": return BigInt(this.nsec);
      case "YearDay": return BigInt(f.yday);
      case "Weekday": return DAYS[f.weekday];
      case "Unix": return BigInt(this.sec);
      case "UnixMilli": return this.unixNano() / 1_000_000n;
      case "UnixNano": return this.unixNano();
      case "UTC": return this.in(UTC);
      case "Local": return this.in(LOCAL);
      case "IsZero": return this.sec === ZERO_SEC && this.nsec === 0;
      case "String": return this.goString();
      default: return undefined;
    }
  }
}

/** Unix seconds of Go's zero time, January 1, year 1, 00:00:00 UTC. */
export const ZERO_SEC = -62135596800;

type Std = { kind: string; digits?: number; sep?: string };

function isDigitAt(s: string, i: number): boolean {
  const c = s[i];
  return c !== undefined && c >= "0" && c <= "9";
}

/** Go's `nextStdChunk`. */
function nextStdChunk(layout: string): { prefix: string; std: Std | null; suffix: string } {
  const at = (i: number, s: string): boolean => layout.startsWith(s, i);
  const lowerAt = (i: number): boolean => /^[a-z]/.test(layout.slice(i));
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i] as string;
    const ret = (kind: string, len: number, extra: Partial<Std> = {}, prefixEnd = i): { prefix: string; std: Std; suffix: string } => ({
      prefix: layout.slice(0, prefixEnd), std: { kind, ...extra }, suffix: layout.slice(i + len),
    });
    switch (c) {
      case "J":
        if (at(i, "Jan")) {
          if (at(i, "January")) return ret("LongMonth", 7);
          if (!lowerAt(i + 3)) return ret("Month", 3);
        }
        break;
      case "M":
        if (at(i, "Mon")) {
          if (at(i, "Monday")) return ret("LongWeekDay", 6);
          if (!lowerAt(i + 3)) return ret("WeekDay", 3);
        }
        if (at(i, "MST")) return ret("TZ", 3);
        break;
      case "0": {
        const n = layout[i + 1];
        if (n !== undefined && n >= "1" && n <= "6") return ret(["ZeroMonth", "ZeroDay", "ZeroHour12", "ZeroMinute", "ZeroSecond", "Year"][Number(n) - 1] as string, 2);
        if (at(i, "002")) return ret("ZeroYearDay", 3);
        break;
      }
      case "1":
        if (at(i, "15")) return ret("Hour", 2);
        return ret("NumMonth", 1);
      case "2":
        if (at(i, "2006")) return ret("LongYear", 4);
        return ret("Day", 1);
      case "_":
        if (at(i, "_2")) {
          if (at(i + 1, "2006")) return { prefix: layout.slice(0, i + 1), std: { kind: "LongYear" }, suffix: layout.slice(i + 5) };
          return ret("UnderDay", 2);
        }
        if (at(i, "__2")) return ret("UnderYearDay", 3);
        break;
      case "3": return ret("Hour12", 1);
      case "4": return ret("Minute", 1);
      case "5": return ret("Second", 1);
      case "P":
        if (at(i, "PM")) return ret("PM", 2);
        break;
      case "p":
        if (at(i, "pm")) return ret("pm", 2);
        break;
      case "-":
        for (const [s, k] of [["-070000", "NumSecondsTz"], ["-07:00:00", "NumColonSecondsTZ"], ["-0700", "NumTZ"], ["-07:00", "NumColonTZ"], ["-07", "NumShortTZ"]] as const) {
          if (at(i, s)) return ret(k, s.length);
        }
        break;
      case "Z":
        for (const [s, k] of [["Z070000", "ISO8601SecondsTZ"], ["Z07:00:00", "ISO8601ColonSecondsTZ"], ["Z0700", "ISO8601TZ"], ["Z07:00", "ISO8601ColonTZ"], ["Z07", "ISO8601ShortTZ"]] as const) {
          if (at(i, s)) return ret(k, s.length);
        }
        break;
      case ".":
      case ",": {
        const ch = layout[i + 1];
        if (ch === "0" || ch === "9") {
          let j = i + 1;
          while (layout[j] === ch) j++;
          if (!isDigitAt(layout, j)) return { prefix: layout.slice(0, i), std: { kind: ch === "0" ? "Frac0" : "Frac9", digits: j - (i + 1), sep: c }, suffix: layout.slice(j) };
        }
        break;
      }
      default:
    }
  }
  return { prefix: layout, std: null, suffix: "" };
}

const ISO = new Set(["ISO8601TZ", "ISO8601ColonTZ", "ISO8601SecondsTZ", "ISO8601ShortTZ", "ISO8601ColonSecondsTZ"]);

function formatTime(f: Civil & { name: string; offset: number }, nsec: number, layoutIn: string): string {
  let out = "";
  let layout = layoutIn;
  for (;;) {
    const { prefix, std, suffix } = nextStdChunk(layout);
    out += prefix;
    if (std === null) break;
    layout = suffix;
    const hr12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    switch (std.kind) {
      case "Year": out += pad(((f.year % 100) + 100) % 100, 2); break;
      case "LongYear": out += pad(f.year, 4); break;
      case "Month": out += (MONTHS[f.month - 1] as string).slice(0, 3); break;
      case "LongMonth": out += MONTHS[f.month - 1]; break;
      case "NumMonth": out += f.month; break;
      case "ZeroMonth": out += pad(f.month, 2); break;
      case "WeekDay": out += (DAYS[f.weekday] as string).slice(0, 3); break;
      case "LongWeekDay": out += DAYS[f.weekday]; break;
      case "Day": out += f.day; break;
      case "UnderDay": out += f.day < 10 ? ` ${f.day}` : f.day; break;
      case "ZeroDay": out += pad(f.day, 2); break;
      case "UnderYearDay": out += String(f.yday).padStart(3, " "); break;
      case "ZeroYearDay": out += pad(f.yday, 3); break;
      case "Hour": out += pad(f.hour, 2); break;
      case "Hour12": out += hr12; break;
      case "ZeroHour12": out += pad(hr12, 2); break;
      case "Minute": out += f.min; break;
      case "ZeroMinute": out += pad(f.min, 2); break;
      case "Second": out += f.sec; break;
      case "ZeroSecond": out += pad(f.sec, 2); break;
      case "PM": out += f.hour >= 12 ? "PM" : "AM"; break;
      case "pm": out += f.hour >= 12 ? "pm" : "am"; break;
      case "TZ":
        if (f.name !== "") out += f.name;
        else {
          const zone = Math.trunc(f.offset / 60);
          out += `${zone < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(zone) / 60), 2)}${pad(Math.abs(zone) % 60, 2)}`;
        }
        break;
      case "Frac0":
      case "Frac9": {
        const digits = std.digits ?? 0;
        let frac = String(nsec).padStart(9, "0").slice(0, digits);
        if (std.kind === "Frac9") frac = frac.replace(/0+$/, "");
        if (std.kind === "Frac0" || frac !== "") out += `${std.sep ?? "."}${frac}`;
        break;
      }
      default: {
        if (ISO.has(std.kind) && f.offset === 0) {
          out += "Z";
          break;
        }
        const abs = Math.abs(f.offset);
        const zone = Math.floor(abs / 60);
        out += `${f.offset < 0 ? "-" : "+"}${pad(Math.floor(zone / 60), 2)}`;
        const k = std.kind;
        if (k.includes("Colon")) out += ":";
        if (k !== "NumShortTZ" && k !== "ISO8601ShortTZ") out += pad(zone % 60, 2);
        if (k.includes("Seconds")) out += `${k.includes("Colon") ? ":" : ""}${pad(abs % 60, 2)}`;
      }
    }
  }
  return out;
}

class ParseFail {
  constructor(readonly message: string) {}
}

function parseError(layout: string, value: string, layoutElem: string, valueElem: string, message: string): never {
  const base = `parsing time ${timeQuote(value)}`;
  throw new Error(message === "" ? `${base} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}` : `${base}${message}`);
}

function getnum(s: string, fixed: boolean, max = 2): [number, string] {
  if (!isDigitAt(s, 0)) throw new ParseFail("bad");
  let n = 1;
  while (n < max && isDigitAt(s, n)) n++;
  if (fixed && n < Math.min(max, 2)) throw new ParseFail("bad");
  if (max === 3 && fixed && n < 3) throw new ParseFail("bad");
  return [Number(s.slice(0, n)), s.slice(n)];
}

function lookup(names: readonly string[], val: string): [number, string] {
  for (let i = 0; i < names.length; i++) {
    const n = names[i] as string;
    if (val.length >= n.length && val.slice(0, n.length).toLowerCase() === n.toLowerCase()) return [i, val.slice(n.length)];
  }
  throw new ParseFail("bad");
}

function cutspace(s: string): string {
  return s.replace(/^ +/, "");
}

function skip(value: string, prefix: string): string {
  let v = value;
  let p = prefix;
  while (p.length > 0) {
    if (p[0] === " ") {
      if (v.length > 0 && v[0] !== " ") throw new ParseFail("bad");
      p = cutspace(p);
      v = cutspace(v);
      continue;
    }
    if (v.length === 0 || v[0] !== p[0]) throw new ParseFail("bad");
    p = p.slice(1);
    v = v.slice(1);
  }
  return v;
}

function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith("ChST") || value.startsWith("MeST")) return 4;
  if (value.startsWith("GMT")) {
    const m = /^GMT([+-]\d+)?/.exec(value);
    const off = m?.[1];
    return off === undefined || Math.abs(Number(off)) > 23 ? 3 : 3 + off.length;
  }
  if (value[0] === "+" || value[0] === "-") {
    const m = /^[+-]\d+/.exec(value);
    return m === null || Math.abs(Number(m[0])) > 23 ? 0 : m[0].length;
  }
  let n = 0;
  while (n < 6 && n < value.length && /[A-Z]/.test(value[n] as string)) n++;
  if (n === 3) return 3;
  if (n === 4 && (value[3] === "T" || value.startsWith("WITA"))) return 4;
  if (n === 5 && value[4] === "T") return 5;
  return 0;
}

function parseNanos(value: string, nbytes: number): { ns: number; range: string } {
  if (value[0] !== "." && value[0] !== ",") throw new ParseFail("bad");
  const n = Math.min(nbytes, 10);
  const digits = value.slice(1, n);
  if (!/^\d*$/.test(digits)) throw new ParseFail("bad");
  return { ns: Number(digits.padEnd(9, "0")), range: "" };
}

const daysIn = (month: number, year: number): number => new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/**
 * Go's `time.ParseInLocation(layout, value, loc)` (with `Local` read as UTC).
 * @param layoutIn - the reference layout
 * @param valueIn - the text
 * @param loc - the default location
 * @returns the time
 * @throws Error Go's `parsing time "v" as "layout": cannot parse ...`
 * @example
 * ```ts
 * parseTime("2006-01-02", "2024-03-04", LOCAL).goString(); // "2024-03-04 00:00:00 +0000 UTC"
 * ```
 * @category Template
 */
export function parseTime(layoutIn: string, valueIn: string, loc: GoZone): GoTime {
  let layout = layoutIn;
  let value = valueIn;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let z: GoZone | null = null;
  let zoneOffset = -1;
  let zoneName = "";
  let amSet = false;
  let pmSet = false;
  for (;;) {
    const { prefix, std, suffix } = nextStdChunk(layout);
    const stdstr = layout.slice(prefix.length, layout.length - suffix.length);
    try {
      value = skip(value, prefix);
    } catch {
      parseError(layoutIn, valueIn, prefix, value, "");
    }
    if (std === null) {
      if (value.length !== 0) parseError(layoutIn, valueIn, "", value, `: extra text: ${timeQuote(value)}`);
      break;
    }
    layout = suffix;
    const hold = value;
    let range = "";
    try {
      switch (std.kind) {
        case "Year": {
          if (value.length < 2) throw new ParseFail("bad");
          const p = value.slice(0, 2);
          if (!/^\d\d$/.test(p)) throw new ParseFail("bad");
          value = value.slice(2);
          year = Number(p);
          year += year >= 69 ? 1900 : 2000;
          break;
        }
        case "LongYear": {
          const p = value.slice(0, 4);
          if (!/^\d{4}$/.test(p)) throw new ParseFail("bad");
          value = value.slice(4);
          year = Number(p);
          break;
        }
        case "Month": [month, value] = lookup(MONTHS.map((m) => m.slice(0, 3)), value); month++; break;
        case "LongMonth": [month, value] = lookup(MONTHS, value); month++; break;
        case "NumMonth":
        case "ZeroMonth":
          [month, value] = getnum(value, std.kind === "ZeroMonth");
          if (month <= 0 || month > 12) range = "month";
          break;
        case "WeekDay": [, value] = lookup(DAYS.map((d) => d.slice(0, 3)), value); break;
        case "LongWeekDay": [, value] = lookup(DAYS, value); break;
        case "Day":
        case "UnderDay":
        case "ZeroDay":
          if (std.kind === "UnderDay" && value.startsWith(" ")) value = value.slice(1);
          [day, value] = getnum(value, std.kind === "ZeroDay");
          break;
        case "UnderYearDay":
        case "ZeroYearDay":
          for (let i = 0; i < 2; i++) if (std.kind === "UnderYearDay" && value.startsWith(" ")) value = value.slice(1);
          [yday, value] = getnum(value, std.kind === "ZeroYearDay", 3);
          break;
        case "Hour":
          [hour, value] = getnum(value, false);
          if (hour < 0 || hour >= 24) range = "hour";
          break;
        case "Hour12":
        case "ZeroHour12":
          [hour, value] = getnum(value, std.kind === "ZeroHour12");
          if (hour < 0 || hour > 12) range = "hour";
          break;
        case "Minute":
        case "ZeroMinute":
          [min, value] = getnum(value, std.kind === "ZeroMinute");
          if (min < 0 || min >= 60) range = "minute";
          break;
        case "Second":
        case "ZeroSecond": {
          [sec, value] = getnum(value, std.kind === "ZeroSecond");
          if (sec < 0 || sec >= 60) {
            range = "second";
            break;
          }
          if (value.length >= 2 && (value[0] === "." || value[0] === ",") && isDigitAt(value, 1)) {
            const next = nextStdChunk(layout).std;
            if (next !== null && (next.kind === "Frac0" || next.kind === "Frac9")) break;
            let n = 2;
            while (n < value.length && isDigitAt(value, n)) n++;
            nsec = parseNanos(value, n).ns;
            value = value.slice(n);
          }
          break;
        }
        case "PM":
        case "pm": {
          if (value.length < 2) throw new ParseFail("bad");
          const p = value.slice(0, 2);
          value = value.slice(2);
          const up = std.kind === "PM";
          if (p === (up ? "PM" : "pm")) pmSet = true;
          else if (p === (up ? "AM" : "am")) amSet = true;
          else throw new ParseFail("bad");
          break;
        }
        case "TZ": {
          if (value.startsWith("UTC")) {
            z = UTC;
            value = value.slice(3);
            break;
          }
          const n = parseTimeZone(value);
          if (n === 0) throw new ParseFail("bad");
          zoneName = value.slice(0, n);
          value = value.slice(n);
          break;
        }
        case "Frac0": {
          const ndigit = 1 + (std.digits ?? 0);
          if (value.length < ndigit) throw new ParseFail("bad");
          nsec = parseNanos(value, ndigit).ns;
          value = value.slice(ndigit);
          break;
        }
        case "Frac9": {
          if (value.length < 2 || (value[0] !== "." && value[0] !== ",") || !isDigitAt(value, 1)) break;
          let i = 0;
          while (i + 1 < value.length && isDigitAt(value, i + 1)) i++;
          nsec = parseNanos(value, 1 + i).ns;
          value = value.slice(1 + i);
          break;
        }
        default: {
          const k = std.kind;
          if ((k === "ISO8601TZ" || k === "ISO8601ShortTZ" || k === "ISO8601ColonTZ") && value.startsWith("Z")) {
            value = value.slice(1);
            z = UTC;
            break;
          }
          let sign: string;
          let hh: string;
          let mm = "00";
          let ss = "00";
          const colon = k.includes("Colon");
          if (k === "NumShortTZ" || k === "ISO8601ShortTZ") {
            if (value.length < 3) throw new ParseFail("bad");
            [sign, hh, value] = [value.slice(0, 1), value.slice(1, 3), value.slice(3)];
          } else if (k.includes("Seconds")) {
            const len = colon ? 9 : 7;
            if (value.length < len) throw new ParseFail("bad");
            if (colon && (value[3] !== ":" || value[6] !== ":")) throw new ParseFail("bad");
            [sign, hh, mm, ss] = colon ? [value.slice(0, 1), value.slice(1, 3), value.slice(4, 6), value.slice(7, 9)] : [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5), value.slice(5, 7)];
            value = value.slice(len);
          } else {
            const len = colon ? 6 : 5;
            if (value.length < len) throw new ParseFail("bad");
            if (colon && value[3] !== ":") throw new ParseFail("bad");
            [sign, hh, mm] = colon ? [value.slice(0, 1), value.slice(1, 3), value.slice(4, 6)] : [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5)];
            value = value.slice(len);
          }
          const [h] = getnum(hh, true);
          const [m] = getnum(mm, true);
          const [s] = getnum(ss, true);
          zoneOffset = (h * 60 + m) * 60 + s;
          if (sign === "-") zoneOffset = -zoneOffset;
          else if (sign !== "+") throw new ParseFail("bad");
        }
      }
    } catch (e) {
      if (!(e instanceof ParseFail)) throw e;
      parseError(layoutIn, valueIn, stdstr, hold, "");
    }
    if (range !== "") parseError(layoutIn, valueIn, stdstr, value, `: ${range} out of range`);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;
  if (yday >= 0) {
    let d = 0;
    let m = 0;
    let yd = yday;
    if (isLeap(year)) {
      if (yd === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yd > 31 + 29) yd--;
    }
    if (yd < 1 || yd > 365) parseError(layoutIn, valueIn, "", value, ": day-of-year out of range");
    if (m === 0) {
      const before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
      m = Math.floor((yd - 1) / 31) + 1;
      if ((before[m] as number) < yd) m++;
      d = yd - (before[m - 1] as number);
    }
    if (month >= 0 && month !== m) parseError(layoutIn, valueIn, "", value, ": day-of-year does not match month");
    month = m;
    if (day >= 0 && day !== d) parseError(layoutIn, valueIn, "", value, ": day-of-year does not match day");
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) parseError(layoutIn, valueIn, "", value, ": day out of range");
  const wall = unixOf(year, month, day, hour, min, sec);
  if (z !== null) return new GoTime(wall, nsec, z);
  if (zoneOffset !== -1) {
    const t = wall - zoneOffset;
    const local = zoneAt(loc.kind === "local" ? LOCAL : LOCAL, t);
    if (local.offset === zoneOffset && (zoneName === "" || local.name === zoneName)) return new GoTime(t, nsec, LOCAL);
    return new GoTime(t, nsec, { kind: "fixed", name: zoneName, offset: zoneOffset });
  }
  if (zoneName !== "") {
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith("GMT")) offset = Number(zoneName.slice(3)) * 3600;
    // Go attaches the GMT offset without shifting the instant (time/format.go).
    return new GoTime(wall, nsec, { kind: "fixed", name: zoneName, offset });
  }
  if (loc.kind === "utc" || loc.kind === "local" || loc.kind === "fixed") {
    const off = loc.kind === "fixed" ? loc.offset : 0;
    return new GoTime(wall - off, nsec, loc);
  }
  // An IANA default location: find the offset in effect at that wall time.
  let t = wall;
  for (let i = 0; i < 2; i++) t = wall - zoneAt(loc, t).offset;
  return new GoTime(t, nsec, loc);
}
