// Derives build and documentation entry points from package.json "exports":
// "./dist/<name>.js" is built from "src/<name>.ts". Used by tsup.config.ts and typedoc.json checks.

/**
 * @param {Record<string, unknown>} exportsMap
 * @returns {Record<string, string>}
 */
export function entriesFromExports(exportsMap) {
  /** @type {Record<string, string>} */
  const entries = {};
  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (subpath === "./package.json") continue;
    const file = JSON.stringify(target).match(/"\.\/dist\/([^"]+)\.js"/)?.[1];
    if (!file) throw new Error(`exports["${subpath}"] has no ./dist/*.js target`);
    entries[file] = `src/${file}.ts`;
  }
  return entries;
}
