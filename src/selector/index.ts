export { compileSelector } from "./compile-selector.js";
export { requirementMatches, requirementText, requirementValues } from "./requirement.js";
export type {
  CompiledSelector,
  SelectorExplanation,
  SelectorMatch,
  TermKind,
  TermOutcome,
  TermStatus,
} from "./types.js";
