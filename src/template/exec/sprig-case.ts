/**
 * Sprig's case conversions `snakecase kebabcase camelcase swapcase untitle`, after
 * `github.com/huandu/xstrings` and `github.com/Masterminds/goutils`.
 *
 * @module
 */
import { goToLower, goToUpper, isGoLower, isGoSpace, isGoTitle, isGoUpper } from "./sprig-go-unicode.js";

type WordType = "invalid" | "number" | "upper" | "alphabet" | "connector" | "punct" | "other";

const isConnector = (r: string): boolean => r === "-" || r === "_" || isGoSpace(r);
const isPunct = (r: string): boolean => /^\p{P}$/u.test(r);
const isNumber = (r: string): boolean => /^\p{N}$/u.test(r);

function isAlphabet(r: string): boolean {
  if (!/^\p{L}$/u.test(r)) return false;
  const c = r.codePointAt(0) as number;
  if (c < 0x3400) return true;
  return !((c >= 0x4e00 && c <= 0x9fcc) || (c >= 0x3400 && c <= 0x4d85) || (c >= 0x20000 && c <= 0x2b81d));
}

/** xstrings' `nextWord` on an array of code points from index `i`: the word type and its end. */
function nextWord(rs: readonly string[], i: number): { wt: WordType; end: number } {
  const at = (k: number): string => rs[k] as string;
  const r = at(i);
  let j = i + 1;
  const run = (pred: (c: string) => boolean): void => {
    while (j < rs.length && pred(at(j))) j++;
  };
  if (isConnector(r)) {
    run(isConnector);
    return { wt: "connector", end: j };
  }
  if (isPunct(r)) {
    run(isPunct);
    return { wt: "punct", end: j };
  }
  if (isGoUpper(r)) {
    if (j >= rs.length) return { wt: "upper", end: j };
    const n = at(j);
    if (isGoUpper(n)) {
      run(isGoUpper);
      // "HTTPStatus" splits into "HTTP" and "Status".
      if (j < rs.length && isAlphabet(at(j))) j--;
    } else if (isAlphabet(n)) {
      run((c) => isAlphabet(c) && !isGoUpper(c));
    }
    return { wt: "upper", end: j };
  }
  if (isAlphabet(r)) {
    run((c) => isAlphabet(c) && !isGoUpper(c));
    return { wt: "alphabet", end: j };
  }
  if (isNumber(r)) {
    run(isNumber);
    return { wt: "number", end: j };
  }
  run((c) => !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c)));
  return { wt: "other", end: j };
}

function lowerWord(wt: WordType, word: readonly string[], connector: string): string {
  if (wt !== "upper" && wt !== "connector") return word.join("");
  return word.map((r) => (isConnector(r) ? connector : isGoUpper(r) ? goToLower(r) : r)).join("");
}

/**
 * xstrings' `camelCaseToLowerCase` (v1.3.3), behind `snakecase` and `kebabcase`.
 * @param str - the text
 * @param connector - `_` or `-`
 * @returns the text in snake or kebab case
 * @example
 * ```ts
 * toLowerCaseWords("HTTPServer", "_"); // "http_server"
 * ```
 * @category Template
 */
export function toLowerCaseWords(str: string, connector: string): string {
  if (str === "") return "";
  const rs = Array.from(str);
  let out = "";
  let pos = 0;
  const next = (): { wt: WordType; word: string[] } => {
    if (pos >= rs.length) return { wt: "invalid", word: [] };
    const { wt, end } = nextWord(rs, pos);
    const word = rs.slice(pos, end);
    pos = end;
    return { wt, word };
  };
  let { wt, word } = next();
  while (pos < rs.length) {
    if (wt !== "connector") out += lowerWord(wt, word, connector);
    const prev = wt;
    const last = word;
    ({ wt, word } = next());
    switch (prev) {
      case "number":
        while (wt === "alphabet" || wt === "number") {
          out += lowerWord(wt, word, connector);
          ({ wt, word } = next());
        }
        if (wt !== "invalid" && wt !== "punct" && wt !== "connector") out += connector;
        break;
      case "connector":
        out += lowerWord(prev, last, connector);
        break;
      case "punct":
        break;
      default: {
        if (wt !== "number") {
          if (wt !== "connector" && wt !== "punct") out += connector;
          break;
        }
        if (pos >= rs.length) break;
        const num = word;
        ({ wt, word } = next());
        if (wt !== "alphabet") {
          out += lowerWord("number", num, connector);
          if (wt !== "connector" && wt !== "punct") out += connector;
          break;
        }
        out += connector + lowerWord("number", num, connector);
        while (wt === "alphabet" || wt === "number") {
          out += lowerWord(wt, word, connector);
          ({ wt, word } = next());
        }
        if (wt !== "invalid" && wt !== "connector" && wt !== "punct") out += connector;
      }
    }
  }
  return out + lowerWord(wt, word, connector);
}

/**
 * xstrings' `ToCamelCase` (v1.3.3; sprig 3.3.0 calls the same algorithm `ToPascalCase`):
 * words separated by space, `_` or `-` joined with their first letter upper-cased and the
 * rest lower-cased; leading connectors are kept.
 * @param str - the text
 * @returns the text in upper camel case
 * @example
 * ```ts
 * toCamelCase("http_server"); // "HttpServer"
 * ```
 * @category Template
 */
export function toCamelCase(str: string): string {
  if (str === "") return "";
  const rs = Array.from(str);
  let out = "";
  let i = 0;
  let r0 = "";
  for (; i < rs.length; ) {
    r0 = rs[i++] as string;
    if (!isConnector(r0)) {
      r0 = goToUpper(r0);
      break;
    }
    out += r0;
  }
  if (i >= rs.length) return out + r0;
  while (i < rs.length) {
    const r1 = r0;
    r0 = rs[i++] as string;
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) r0 = goToUpper(r0);
    else {
      r0 = goToLower(r0);
      out += r1;
    }
  }
  return out + r0;
}

/**
 * goutils' `SwapCase`: upper and title case become lower case, lower case becomes title case
 * at the start of a word and upper case elsewhere.
 * @param str - the text
 * @returns the swapped text
 * @example
 * ```ts
 * swapCase("Hello World"); // "hELLO wORLD"
 * ```
 * @category Template
 */
export function swapCase(str: string): string {
  let out = "";
  for (const ch of str) {
    if (isGoUpper(ch) || isGoTitle(ch)) out += goToLower(ch);
    else if (isGoLower(ch)) out += goToUpper(ch);
    else out += ch;
  }
  return out;
}

/**
 * goutils' `Uncapitalize`: the first letter of every white-space separated word lower-cased.
 * @param str - the text
 * @returns the uncapitalized text
 * @example
 * ```ts
 * uncapitalize("Hello World"); // "hello world"
 * ```
 * @category Template
 */
export function uncapitalize(str: string): string {
  let next = true;
  let out = "";
  for (const ch of str) {
    if (isGoSpace(ch)) {
      next = true;
      out += ch;
    } else if (next) {
      out += goToLower(ch);
      next = false;
    } else out += ch;
  }
  return out;
}
