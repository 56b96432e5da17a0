/**
 * YAML with go-yaml v2 semantics: reading rendered templates (`yamlToJson`, as
 * `sigs.k8s.io/yaml.YAMLToJSON`) and writing YAML (`marshalGoYaml`, as `sigs.k8s.io/yaml.Marshal`).
 *
 * @module
 */
export { goJsonStringify } from "./json.js";
export { isGoYamlBase60Float, resolveGoYamlScalar } from "./resolve.js";
export type { GoYamlScalar } from "./resolve.js";
export { yamlToJson } from "./to-json.js";
export type { YamlToJsonOptions } from "./to-json.js";
export { marshalGoYaml } from "./marshal.js";
export type { MarshalGoYamlOptions } from "./marshal.js";
export { compareGoYamlKeys } from "./sort-keys.js";
export { formatGoFloat, formatGoFloat32 } from "./go-float.js";
