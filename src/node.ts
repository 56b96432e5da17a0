/**
 * stagecraft for Node.js: the parts of the API that read the file system or load optional packages.
 *
 * @module stagecraft/node
 */
export { loadStageFiles, listStageFiles } from "./stage/load-files.js";
export type { LoadStageFilesOptions } from "./stage/load-files.js";
export { toSvg } from "./analysis/svg.js";
export type { SvgOptions, VizModule } from "./analysis/svg.js";
