/**
 * Go's `path` package as sprig exposes it (`base dir clean ext isAbs`), and the `filepath`
 * variants (`osBase osClean osDir osExt osIsAbs`), which on the Linux hosts KWOK runs on use
 * the same `/` separator and so behave identically.
 *
 * @module
 */
import { type FunctionMap, goFunction } from "./function-map.js";

/**
 * Go's `path.Clean`.
 * @param path - a slash-separated path
 * @returns the shortest equivalent path
 * @example
 * ```ts
 * cleanPath("a/../b//c/."); // "b/c"
 * ```
 * @category Template
 */
export function cleanPath(path: string): string {
  if (path === "") return ".";
  const rooted = path.startsWith("/");
  const n = path.length;
  const out: string[] = [];
  let r = 0;
  let dotdot = 0;
  if (rooted) {
    out.push("/");
    r = dotdot = 1;
  }
  while (r < n) {
    if (path[r] === "/") r++;
    else if (path[r] === "." && (r + 1 === n || path[r + 1] === "/")) r++;
    else if (path[r] === "." && path[r + 1] === "." && (r + 2 === n || path[r + 2] === "/")) {
      r += 2;
      if (out.length > dotdot) {
        out.pop();
        while (out.length > dotdot && out[out.length - 1] !== "/") out.pop();
        if (out.length > dotdot && out[out.length - 1] === "/" && !(rooted && out.length === 1)) out.pop();
      } else if (!rooted) {
        if (out.length > 0) out.push("/");
        out.push(".", ".");
        dotdot = out.length;
      }
    } else {
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out.push("/");
      for (; r < n && path[r] !== "/"; r++) out.push(path[r] as string);
    }
  }
  return out.length === 0 ? "." : out.join("");
}

/**
 * Go's `path.Base`.
 * @param path - a slash-separated path
 * @returns the last element
 * @example
 * ```ts
 * basePath("/a/b/"); // "b"
 * ```
 * @category Template
 */
export function basePath(path: string): string {
  if (path === "") return ".";
  const p = path.replace(/\/+$/, "");
  if (p === "") return "/";
  return p.slice(p.lastIndexOf("/") + 1);
}

/**
 * Go's `path.Dir`.
 * @param path - a slash-separated path
 * @returns all but the last element, cleaned
 * @example
 * ```ts
 * dirPath("/a/b/c"); // "/a/b"
 * ```
 * @category Template
 */
export function dirPath(path: string): string {
  return cleanPath(path.slice(0, path.lastIndexOf("/") + 1));
}

/**
 * Go's `path.Ext`.
 * @param path - a slash-separated path
 * @returns the extension with its dot, or ""
 * @example
 * ```ts
 * extPath("a/b.tar.gz"); // ".gz"
 * ```
 * @category Template
 */
export function extPath(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== "/"; i--) if (path[i] === ".") return path.slice(i);
  return "";
}

const fns = {
  base: goFunction(["string"], basePath),
  dir: goFunction(["string"], dirPath),
  clean: goFunction(["string"], cleanPath),
  ext: goFunction(["string"], extPath),
  isAbs: goFunction(["string"], (p: string) => p.startsWith("/")),
};

/**
 * The path functions by name.
 * @example
 * ```ts
 * Object.hasOwn(SPRIG_PATH_FUNCTIONS, "osBase"); // true
 * ```
 * @category Template
 */
export const SPRIG_PATH_FUNCTIONS: FunctionMap = {
  ...fns,
  osBase: fns.base,
  osClean: fns.clean,
  osDir: fns.dir,
  osExt: fns.ext,
  osIsAbs: fns.isAbs,
};
