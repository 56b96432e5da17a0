/**
 * Sprig's `urlParse` and `urlJoin`, after Go's `net/url` (`url.Parse`, `URL.String`,
 * `Hostname`, userinfo, percent-encoding per component).
 *
 * @module
 */
import { goQuote } from "../quote.js";
import { type FunctionMap, goFunction } from "./function-map.js";
import { type GoMap, goTypeName } from "./values.js";

type Mode = "path" | "host" | "userPassword" | "fragment";

const enc = new TextEncoder();

function shouldEscape(c: number, mode: Mode): boolean {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/.test(ch)) return false;
  if (mode === "host" && "!$&'()*+,;=:[]<>\"".includes(ch)) return false;
  if ("-_.~".includes(ch)) return false;
  if ("$&+,/:;=?@".includes(ch)) {
    switch (mode) {
      case "userPassword": return "@/?:".includes(ch);
      case "fragment": return false;
      case "path": return ch === "?";
      default:
    }
  }
  if (mode === "fragment" && "!()*".includes(ch)) return false;
  return true;
}

function escape(s: string, mode: Mode): string {
  let out = "";
  for (const b of enc.encode(s)) {
    if (b >= 0x80 && mode === "host") out += String.fromCharCode(b);
    else out += shouldEscape(b, mode) ? `%${b.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(b);
  }
  // Bytes of multi-byte characters in a host are kept as they are.
  return mode === "host" ? new TextDecoder().decode(Uint8Array.from(out, (c) => c.charCodeAt(0))) : out;
}

function unescape(s: string, mode: Mode): string {
  const bytes: number[] = [];
  const src = enc.encode(s);
  for (let i = 0; i < src.length; i++) {
    const b = src[i] as number;
    if (b === 0x25) {
      const h = new TextDecoder().decode(src.slice(i + 1, i + 3));
      if (i + 2 >= src.length || !/^[0-9A-Fa-f]{2}$/.test(h)) {
        const bad = new TextDecoder().decode(src.slice(i, i + 3));
        throw new Error(`invalid URL escape ${goQuote(bad)}`);
      }
      if (mode === "host" && Number.parseInt(h[0] as string, 16) < 8 && h !== "25") throw new Error(`invalid URL escape ${goQuote(`%${h}`)}`);
      bytes.push(Number.parseInt(h, 16));
      i += 2;
    } else {
      if (mode === "host" && b < 0x80 && shouldEscape(b, "host")) throw new Error(`invalid character ${goQuote(String.fromCharCode(b))} in host name`);
      bytes.push(b);
    }
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

interface Url {
  scheme: string;
  opaque: string;
  user: { username: string; password: string | null } | null;
  host: string;
  path: string;
  rawQuery: string;
  forceQuery: boolean;
  fragment: string;
}

const validPort = (p: string): boolean => p === "" || /^:[0-9]*$/.test(p);

function parseHost(host: string): string {
  if (host.startsWith("[")) {
    const i = host.lastIndexOf("]");
    if (i < 0) throw new Error("missing ']' in host");
    const port = host.slice(i + 1);
    if (!validPort(port)) throw new Error(`invalid port ${goQuote(port)} after host`);
  } else {
    const i = host.lastIndexOf(":");
    if (i !== -1 && !validPort(host.slice(i))) throw new Error(`invalid port ${goQuote(host.slice(i))} after host`);
  }
  return unescape(host, "host");
}

function parseAuthority(authority: string): Pick<Url, "user" | "host"> {
  const i = authority.lastIndexOf("@");
  if (i < 0) return { user: null, host: parseHost(authority) };
  const host = parseHost(authority.slice(i + 1));
  const userinfo = authority.slice(0, i);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new Error("net/url: invalid userinfo");
  const colon = userinfo.indexOf(":");
  if (colon < 0) return { user: { username: unescape(userinfo, "userPassword"), password: null }, host };
  return { user: { username: unescape(userinfo.slice(0, colon), "userPassword"), password: unescape(userinfo.slice(colon + 1), "userPassword") }, host };
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ["", raw];
      continue;
    }
    if (c === ":") {
      if (i === 0) throw new Error("missing protocol scheme");
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ["", raw];
  }
  return ["", raw];
}

function parseRef(raw: string): Url {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new Error("net/url: invalid control character in URL");
  const url: Url = { scheme: "", opaque: "", user: null, host: "", path: "", rawQuery: "", forceQuery: false, fragment: "" };
  if (raw === "*") {
    url.path = "*";
    return url;
  }
  const [scheme, afterScheme] = getScheme(raw);
  url.scheme = scheme.toLowerCase();
  let rest = afterScheme;
  if (rest.endsWith("?") && rest.split("?").length === 2) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf("?");
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith("/")) {
    if (url.scheme !== "") {
      url.opaque = rest;
      return url;
    }
    if ((rest.split("/")[0] as string).includes(":")) throw new Error("first path segment in URL cannot contain colon");
  }
  if ((url.scheme !== "" || !rest.startsWith("///")) && rest.startsWith("//")) {
    let authority = rest.slice(2);
    rest = "";
    const i = authority.indexOf("/");
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    Object.assign(url, parseAuthority(authority));
  }
  url.path = unescape(rest, "path");
  return url;
}

/**
 * Go's `url.Parse`.
 * @param raw - the URL text
 * @returns the parsed URL's components
 * @throws Error `parse "raw": reason`
 * @example
 * ```ts
 * parseUrl("https://a.b/c?d#e").host; // "a.b"
 * ```
 * @category Template
 */
export function parseUrl(raw: string): Url {
  const hash = raw.indexOf("#");
  const u = hash < 0 ? raw : raw.slice(0, hash);
  let url: Url;
  try {
    url = parseRef(u);
  } catch (e) {
    throw new Error(`parse ${goQuote(u)}: ${(e as Error).message}`);
  }
  if (hash >= 0 && hash < raw.length - 1) {
    try {
      url.fragment = unescape(raw.slice(hash + 1), "fragment");
    } catch (e) {
      throw new Error(`parse ${goQuote(raw)}: ${(e as Error).message}`);
    }
  }
  return url;
}

function userString(user: NonNullable<Url["user"]>): string {
  return escape(user.username, "userPassword") + (user.password === null ? "" : `:${escape(user.password, "userPassword")}`);
}

function hostname(host: string): string {
  let h = host;
  const colon = h.lastIndexOf(":");
  if (colon !== -1 && validPort(h.slice(colon))) h = h.slice(0, colon);
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  return h;
}

/**
 * Go's `URL.String`.
 * @param u - the URL
 * @returns the URL text
 * @example
 * ```ts
 * formatUrl(parseUrl("http://h/a b")); // "http://h/a%20b"
 * ```
 * @category Template
 */
export function formatUrl(u: Url): string {
  let out = u.scheme === "" ? "" : `${u.scheme}:`;
  if (u.opaque !== "") out += u.opaque;
  else {
    if (u.scheme !== "" || u.host !== "" || u.user !== null) {
      if (u.host !== "" || u.path !== "" || u.user !== null) out += "//";
      if (u.user !== null) out += `${userString(u.user)}@`;
      if (u.host !== "") out += escape(u.host, "host");
    }
    const path = u.path === "*" ? "*" : escape(u.path, "path");
    if (path !== "" && !path.startsWith("/") && u.host !== "") out += "/";
    if (out === "" && (path.split("/")[0] as string).includes(":")) out += "./";
    out += path;
  }
  if (u.forceQuery || u.rawQuery !== "") out += `?${u.rawQuery}`;
  if (u.fragment !== "") out += `#${escape(u.fragment, "fragment")}`;
  return out;
}

function dictGet(d: GoMap, key: string): string {
  if (!Object.hasOwn(d, key)) return "";
  const v = d[key];
  if (typeof v !== "string") {
    const kind = v === null ? "invalid" : typeof v === "bigint" ? "int" : typeof v === "number" ? "float64" : typeof v === "boolean" ? "bool" : Array.isArray(v) ? "slice" : goTypeName(v) === "json.Number" ? "string" : "map";
    if (kind !== "string") throw new Error(`unable to parse ${key} key, must be of type string, but ${kind} found`);
    return String(v);
  }
  return v;
}

/**
 * `urlParse` and `urlJoin`.
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_URL_FUNCTIONS, "urlParse"); // true
 * ```
 * @category Template
 */
export const SPRIG_URL_FUNCTIONS: FunctionMap = {
  urlParse: goFunction(["string"], (v: string) => {
    let u: Url;
    try {
      u = parseUrl(v);
    } catch (e) {
      throw new Error(`unable to parse url: ${(e as Error).message}`);
    }
    return {
      scheme: u.scheme, host: u.host, hostname: hostname(u.host), path: u.path, query: u.rawQuery, opaque: u.opaque,
      fragment: u.fragment, userinfo: u.user === null ? "" : userString(u.user),
    };
  }),
  urlJoin: goFunction(["map"], (d: GoMap | null) => {
    const m = d ?? {};
    const url: Url = {
      scheme: dictGet(m, "scheme"), host: dictGet(m, "host"), path: dictGet(m, "path"), rawQuery: dictGet(m, "query"),
      opaque: dictGet(m, "opaque"), fragment: dictGet(m, "fragment"), user: null, forceQuery: false,
    };
    const userinfo = dictGet(m, "userinfo");
    if (userinfo !== "") {
      try {
        url.user = parseUrl(`proto://${userinfo}@host`).user;
      } catch (e) {
        throw new Error(`unable to parse userinfo in dict: ${(e as Error).message}`);
      }
    }
    return formatUrl(url);
  }),
};
