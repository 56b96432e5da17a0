/**
 * Go `text/template` parsing for KWOK Stage templates: a port of Go's lexer and parser with
 * Go's error messages, and the function names KWOK templates may call.
 *
 * @module
 */
export { parseTemplate, parseKwokTemplate } from "./parser.js";
export type { ParseTemplateOptions, ParsedTemplate } from "./parser.js";
export { formatTemplateNode } from "./format.js";
export { KWOK_TEMPLATE_FUNCTIONS, EXCLUDED_SPRIG_FUNCTIONS } from "./functions.js";
export type {
  ActionNode,
  ArgumentNode,
  BoolNode,
  BranchNode,
  ChainNode,
  CommandNode,
  DotNode,
  FieldNode,
  IdentifierNode,
  ItemNode,
  ListNode,
  LoopControlNode,
  NilNode,
  NumberNode,
  PipeNode,
  StringNode,
  TemplateCallNode,
  TemplateNode,
  TextNode,
  VariableNode,
} from "./ast.js";
