/**
 * Walking the parse tree: text, actions, `if`/`with`/`range`, `{{template}}`, `break` and
 * `continue`, after Go's `text/template/exec.go`.
 *
 * @module
 */
import type { BranchNode, ListNode, TemplateCallNode } from "../ast.js";
import { formatValue, sortedKeys } from "./go-fmt-value.js";
import { evalPipeline } from "./eval.js";
import { BREAK, CONTINUE, type ExecState } from "./state.js";
import { GoBytes, MISSING, isGoMap, isTrue } from "./values.js";

/**
 * Executes a list of nodes with the given dot.
 * @param s - the execution state
 * @param dot - the value of dot
 * @param list - the nodes
 * @example
 * ```ts
 * walkList(state, dot, parsed.root);
 * ```
 * @category Template
 */
export function walkList(s: ExecState, dot: unknown, list: ListNode): void {
  for (const node of list.nodes) {
    switch (node.kind) {
      case "text":
        s.write(node.text);
        break;
      case "action": {
        const value = evalPipeline(s, dot, node.pipe);
        if (node.pipe.decl.length === 0) printValue(s, value);
        break;
      }
      case "if":
      case "with":
        walkIfOrWith(s, dot, node);
        break;
      case "range":
        walkRange(s, dot, node);
        break;
      case "template":
        walkTemplate(s, dot, node);
        break;
      case "break":
        s.at(node);
        throw BREAK;
      case "continue":
        s.at(node);
        throw CONTINUE;
    }
  }
}

function printValue(s: ExecState, v: unknown): void {
  if (v === MISSING || v === undefined) s.write("<no value>");
  else if (v instanceof GoBytes) s.write(new TextDecoder().decode(v.bytes));
  else s.write(formatValue(v));
}

function walkIfOrWith(s: ExecState, dot: unknown, node: BranchNode): void {
  const mark = s.mark();
  try {
    const val = evalPipeline(s, dot, node.pipe);
    if (isTrue(val)) {
      if (node.kind === "with") walkUnboxed(s, val, node.list);
      else walkList(s, dot, node.list);
    } else if (node.elseList !== null) {
      walkList(s, dot, node.elseList);
    }
  } finally {
    s.pop(mark);
  }
}

function walkRange(s: ExecState, dot: unknown, r: BranchNode): void {
  s.at(r);
  const outer = s.mark();
  try {
    const val = evalPipeline(s, dot, r.pipe);
    const mark = s.mark();
    const decl = r.pipe.decl;
    const one = (index: unknown, elem: unknown): boolean => {
      s.iterate();
      if (decl.length > 0) {
        if (r.pipe.isAssign) s.setVar(decl[0]?.ident[0] as string, decl.length > 1 ? index : elem);
        else s.setTopVar(1, elem);
      }
      if (decl.length > 1) {
        if (r.pipe.isAssign) s.setVar(decl[1]?.ident[0] as string, elem);
        else s.setTopVar(2, index);
      }
      const boxed = s.dotBoxed;
      s.dotBoxed = true;
      try {
        walkList(s, elem, r.list);
      } catch (e) {
        if (e === BREAK) return false;
        if (e !== CONTINUE) throw e;
      } finally {
        s.dotBoxed = boxed;
        s.pop(mark);
      }
      return true;
    };
    if (Array.isArray(val)) {
      if (val.length > 0) {
        for (let i = 0; i < val.length; i++) if (!one(BigInt(i), val[i])) break;
        return;
      }
    } else if (isGoMap(val)) {
      const keys = sortedKeys(val);
      if (keys.length > 0) {
        for (const k of keys) if (!one(k, val[k])) break;
        return;
      }
    } else if (typeof val === "bigint") {
      if (decl.length > 1) s.fail(`can't use ${val} to iterate over more than one variable`);
      if (val > 0n) {
        for (let i = 0n; i < val; i++) if (!one(i, i)) break;
        return;
      }
    } else if (val !== MISSING && val !== null) {
      s.fail(`range can't iterate over ${formatValue(val)}`);
    }
    if (r.elseList !== null) walkList(s, dot, r.elseList);
  } finally {
    s.pop(outer);
  }
}

function walkTemplate(s: ExecState, dot: unknown, t: TemplateCallNode): void {
  s.at(t);
  const body = t.name === s.parsed.name ? s.parsed.root : s.parsed.templates.get(t.name);
  if (body === undefined) s.fail(`template "${t.name}" not defined`);
  if (s.depth >= s.maxTemplateDepth) s.limit(`exceeded maximum template depth (${s.maxTemplateDepth})`);
  const newDot = evalPipeline(s, dot, t.pipe);
  const saved = s.vars.splice(0);
  const savedName = s.templateName;
  s.depth++;
  s.templateName = t.name;
  s.push("$", newDot);
  try {
    walkUnboxed(s, newDot, body);
  } finally {
    s.depth--;
    s.templateName = savedName;
    s.vars.length = 0;
    s.vars.push(...saved);
  }
}

function walkUnboxed(s: ExecState, dot: unknown, list: ListNode): void {
  const boxed = s.dotBoxed;
  s.dotBoxed = false;
  try {
    walkList(s, dot, list);
  } finally {
    s.dotBoxed = boxed;
  }
}
