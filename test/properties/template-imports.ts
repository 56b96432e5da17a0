/** What the template properties import, in one place. */
export { executeTemplate, KWOK_TEMPLATE_FUNCTIONS, kwokFunctions, parseTemplate, sprigFunctions, toTemplateData } from "../../src/index.js";
export { utf8Length } from "../../src/template/exec/state.js";
