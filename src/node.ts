/**
 * stagecraft for Node.js: the parts of the API that read the file system.
 *
 * @module stagecraft/node
 */
export { loadStageFiles, listStageFiles } from "./stage/load-files.js";
export type { LoadStageFilesOptions } from "./stage/load-files.js";
