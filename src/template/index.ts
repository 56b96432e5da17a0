/**
 * Go `text/template` parsing for KWOK Stage templates: a port of Go's lexer and parser with
 * Go's error messages, and the function names KWOK templates may call.
 *
 * @module
 */
export { parseTemplate, parseKwokTemplate } from "./parser.js";
export type { ParseTemplateOptions, ParsedTemplate } from "./parser.js";
export { tryParseTemplate } from "./try-parse.js";
export type { ParseTemplateResult } from "./try-parse.js";
export { formatTemplateNode } from "./format.js";
export { KWOK_TEMPLATE_FUNCTIONS, EXCLUDED_SPRIG_FUNCTIONS } from "./functions.js";
export type { ActionNode, BranchNode, ItemNode, ListNode, LoopControlNode, TemplateCallNode, TemplateNode, TextNode } from "./ast.js";
export type {
  ArgumentNode,
  BoolNode,
  ChainNode,
  CommandNode,
  DotNode,
  FieldNode,
  IdentifierNode,
  NilNode,
  NumberNode,
  PipeNode,
  StringNode,
  VariableNode,
} from "./ast-operands.js";
