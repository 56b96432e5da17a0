/**
 * Renders parse-tree nodes back to template source, as Go's `Node.String` methods do.
 *
 * @module
 */
import type { ArgumentNode, CommandNode, PipeNode } from "./ast-operands.js";
import type { TemplateNode } from "./ast.js";
import { goQuote } from "./quote.js";

/**
 * Renders a node as template source the way Go's `Node.String()` does (used in Go's error
 * messages, e.g. `executing "x" at <.a.b>`). `{{else if}}` renders as a nested `{{if}}`.
 *
 * @param node - any node of a parsed template
 * @returns the source text of the node
 * @example
 * ```ts
 * formatTemplateNode(parseTemplate("{{ .a|Quote }}").root); // "{{.a | Quote}}"
 * ```
 * @category Template
 */
export function formatTemplateNode(node: TemplateNode): string {
  switch (node.kind) {
    case "list":
      return node.nodes.map(formatTemplateNode).join("");
    case "text":
      return node.text;
    case "action":
      return `{{${formatPipe(node.pipe)}}}`;
    case "if":
    case "range":
    case "with": {
      const elseText = node.elseList === null ? "" : `{{else}}${formatTemplateNode(node.elseList)}`;
      return `{{${node.kind} ${formatPipe(node.pipe)}}}${formatTemplateNode(node.list)}${elseText}{{end}}`;
    }
    case "template":
      return `{{template ${goQuote(node.name)}${node.pipe === null ? "" : ` ${formatPipe(node.pipe)}`}}}`;
    case "break":
    case "continue":
      return `{{${node.kind}}}`;
    case "pipe":
      return formatPipe(node);
    case "command":
      return formatCommand(node);
    default:
      return formatArgument(node);
  }
}

function formatPipe(pipe: PipeNode): string {
  let out = "";
  if (pipe.decl.length > 0) {
    out = pipe.decl.map((v) => v.ident.join(".")).join(", ") + (pipe.isAssign ? " = " : " := ");
  }
  return out + pipe.cmds.map(formatCommand).join(" | ");
}

function formatCommand(cmd: CommandNode): string {
  return cmd.args.map((a) => (a.kind === "pipe" ? `(${formatPipe(a)})` : formatArgument(a))).join(" ");
}

function formatArgument(node: ArgumentNode): string {
  switch (node.kind) {
    case "identifier":
      return node.name;
    case "variable":
      return node.ident.join(".");
    case "field":
      return node.ident.map((f) => `.${f}`).join("");
    case "chain": {
      const base = node.node.kind === "pipe" ? `(${formatPipe(node.node)})` : formatArgument(node.node);
      return base + node.fields.map((f) => `.${f}`).join("");
    }
    case "dot":
      return ".";
    case "nil":
      return "nil";
    case "bool":
      return node.value ? "true" : "false";
    case "number":
      return node.text;
    case "string":
      return node.quoted;
    case "pipe":
      return formatPipe(node);
  }
}
