/**
 * The jq parser (gojq grammar, recursive descent with precedence climbing).
 *
 * @module
 */
import type { BinaryOp, Node, ObjectEntry } from "./ast.js";
import { syntaxError, unsupported } from "./errors.js";
import { type StringPart, type Token, tokenize } from "./lexer.js";

const KEYWORDS = new Set(["def", "as", "if", "then", "elif", "else", "end", "reduce", "foreach", "try", "catch", "label", "import", "include", "and", "or", "__loc__"]);
const COMPARE = new Set(["==", "!=", "<", "<=", ">", ">="]);
const ASSIGN = new Set(["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="]);

/**
 * Parses a jq query into an AST.
 *
 * @param source - the query text
 * @returns the root node
 * @throws StagecraftError `E_JQ_SYNTAX` (with location) or `E_JQ_UNSUPPORTED`
 */
export function parse(source: string): Node {
  return new Parser(source, tokenize(source)).parseAll();
}

class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly tokens: readonly Token[],
  ) {}

  parseAll(): Node {
    const node = this.parsePipe();
    this.expectEof();
    return node;
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== "eof") this.pos++;
    return t;
  }
  private isPunct(value: string, t: Token = this.peek()): boolean {
    return t.kind === "punct" && t.value === value;
  }
  private isIdent(value: string, t: Token = this.peek()): boolean {
    return t.kind === "ident" && t.value === value;
  }
  private fail(t: Token = this.peek()): never {
    if (t.kind === "eof") throw syntaxError(this.src, t.offset, "unexpected EOF");
    const text = t.kind === "string" ? "string literal" : t.kind === "var" ? `$${t.value}` : t.kind === "format" ? `@${t.value}` : t.kind === "field" ? `.${t.value}` : t.value;
    throw syntaxError(this.src, t.offset, `unexpected token ${JSON.stringify(text)}`);
  }
  private expectPunct(value: string): Token {
    if (!this.isPunct(value)) this.fail();
    return this.next();
  }
  private expectIdent(value: string): void {
    if (!this.isIdent(value)) this.fail();
    this.next();
  }
  private expectEof(): void {
    if (this.peek().kind !== "eof") this.fail();
  }

  /** query := comma ('|' query)? */
  parsePipe(): Node {
    const t = this.peek();
    if (this.isIdent("def", t)) throw unsupported(this.src, t.offset, "jq construct \"def\" (function definitions)");
    if (this.isIdent("label", t)) throw unsupported(this.src, t.offset, "jq construct \"label\"");
    if (this.isIdent("import", t) || this.isIdent("include", t)) throw unsupported(this.src, t.offset, `jq construct "${t.kind === "ident" ? t.value : ""}"`);
    const left = this.parseComma();
    if (this.isPunct("|")) {
      this.next();
      return { type: "Pipe", left, right: this.parsePipe(), offset: left.offset };
    }
    return left;
  }

  private parseComma(): Node {
    let left = this.parseAlt();
    while (this.isPunct(",")) {
      this.next();
      left = { type: "Comma", left, right: this.parseAlt(), offset: left.offset };
    }
    return left;
  }

  private parseAlt(): Node {
    const left = this.parseAssign();
    if (this.isPunct("//")) {
      this.next();
      return { type: "Alt", left, right: this.parseAlt(), offset: left.offset };
    }
    return left;
  }

  private parseAssign(): Node {
    const left = this.parseOr();
    const t = this.peek();
    if (t.kind === "punct" && ASSIGN.has(t.value)) throw unsupported(this.src, t.offset, `jq operator "${t.value}" (assignment)`);
    if (this.isPunct("?//", t)) throw unsupported(this.src, t.offset, 'jq operator "?//" (destructuring alternative)');
    return left;
  }

  private parseOr(): Node {
    let left = this.parseAnd();
    while (this.isIdent("or")) {
      this.next();
      left = { type: "Or", left, right: this.parseAnd(), offset: left.offset };
    }
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseCompare();
    while (this.isIdent("and")) {
      this.next();
      left = { type: "And", left, right: this.parseCompare(), offset: left.offset };
    }
    return left;
  }

  private parseCompare(): Node {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.kind === "punct" && COMPARE.has(t.value)) {
      this.next();
      const right = this.parseAdditive();
      const after = this.peek();
      if (after.kind === "punct" && COMPARE.has(after.value)) this.fail(after);
      return { type: "Binary", op: t.value as BinaryOp, left, right, offset: left.offset };
    }
    return left;
  }

  private parseAdditive(): Node {
    let left = this.parseMultiplicative();
    for (let t = this.peek(); this.isPunct("+", t) || this.isPunct("-", t); t = this.peek()) {
      this.next();
      left = { type: "Binary", op: (t as { value: string }).value as BinaryOp, left, right: this.parseMultiplicative(), offset: left.offset };
    }
    return left;
  }

  private parseMultiplicative(): Node {
    let left = this.parsePostfix();
    for (let t = this.peek(); this.isPunct("*", t) || this.isPunct("/", t) || this.isPunct("%", t); t = this.peek()) {
      this.next();
      left = { type: "Binary", op: (t as { value: string }).value as BinaryOp, left, right: this.parsePostfix(), offset: left.offset };
    }
    return left;
  }

  /** postfix := '-' postfix | primary suffix* ('as' $name '|' query)? */
  parsePostfix(): Node {
    const t = this.peek();
    if (this.isPunct("-", t)) {
      this.next();
      return { type: "Neg", operand: this.parsePostfix(), offset: t.offset };
    }
    let node = this.parsePrimary();
    if (node.type === "If" || node.type === "Reduce" || node.type === "Foreach" || node.type === "Try") return node;
    node = this.parseSuffixes(node);
    if (this.isIdent("as")) {
      this.next();
      const v = this.peek();
      if (v.kind !== "var") {
        if (this.isPunct("[", v) || this.isPunct("{", v)) throw unsupported(this.src, v.offset, "jq destructuring pattern");
        this.fail(v);
      }
      this.next();
      if (v.value === "__loc__") throw unsupported(this.src, v.offset, "jq variable \"$__loc__\"");
      this.expectPunct("|");
      return { type: "Bind", source: node, name: v.value, body: this.parsePipe(), offset: node.offset };
    }
    return node;
  }

  private parseSuffixes(start: Node): Node {
    let node = start;
    for (;;) {
      const t = this.peek();
      if (t.kind === "field") {
        this.next();
        node = { type: "Index", target: node, key: { type: "Literal", value: t.value, offset: t.offset }, offset: node.offset };
      } else if (this.isPunct(".", t) && this.tokens[this.pos + 1]?.kind === "string") {
        this.next();
        node = { type: "Index", target: node, key: this.parseString(this.next()), offset: node.offset };
      } else if (this.isPunct(".", t) && this.isPunct("[", this.tokens[this.pos + 1])) {
        this.next();
      } else if (this.isPunct("[", t)) {
        node = this.parseBracket(node);
      } else if (this.isPunct("?", t)) {
        this.next();
        // gojq: a trailing `?` guards only the last suffix (`.a[]?` still fails when `.a` does).
        if ((node.type === "Index" || node.type === "Slice" || node.type === "Iterate") && node.optional !== true) node = { ...node, optional: true };
        else node = { type: "Try", body: node, handler: null, offset: node.offset };
      } else {
        return node;
      }
    }
  }

  private parseBracket(target: Node): Node {
    this.expectPunct("[");
    if (this.isPunct("]")) {
      this.next();
      return { type: "Iterate", target, offset: target.offset };
    }
    if (this.isPunct(":")) {
      this.next();
      const to = this.parsePipe();
      this.expectPunct("]");
      return { type: "Slice", target, from: null, to, offset: target.offset };
    }
    const key = this.parsePipe();
    if (this.isPunct(":")) {
      this.next();
      const to = this.isPunct("]") ? null : this.parsePipe();
      this.expectPunct("]");
      return { type: "Slice", target, from: key, to, offset: target.offset };
    }
    this.expectPunct("]");
    return { type: "Index", target, key, offset: target.offset };
  }

  private parsePrimary(): Node {
    const t = this.next();
    const offset = t.offset;
    switch (t.kind) {
      case "number":
        return { type: "Literal", value: /^[0-9]+$/.test(t.value) ? BigInt(t.value) : Number(t.value), offset };
      case "string":
        return this.parseString(t);
      case "field":
        return { type: "Index", target: { type: "Identity", offset }, key: { type: "Literal", value: t.value, offset }, offset };
      case "var":
        if (t.value === "__loc__" || t.value === "ENV") throw unsupported(this.src, offset, `jq variable "$${t.value}"`);
        return { type: "Var", name: t.value, offset };
      case "format":
        throw unsupported(this.src, offset, `jq format "@${t.value}"`);
      case "ident":
        return this.parseIdent(t.value, offset);
      case "punct":
        return this.parsePunctPrimary(t.value, offset, t);
      case "eof":
        return this.fail(t);
    }
  }

  private parsePunctPrimary(value: string, offset: number, t: Token): Node {
    switch (value) {
      case ".":
        if (this.peek().kind === "string") return { type: "Index", target: { type: "Identity", offset }, key: this.parseString(this.next()), offset };
        return { type: "Identity", offset };
      case "..":
        return { type: "RecurseAll", offset };
      case "(": {
        const body = this.parsePipe();
        this.expectPunct(")");
        return body;
      }
      case "[": {
        if (this.isPunct("]")) {
          this.next();
          return { type: "Array", body: null, offset };
        }
        const body = this.parsePipe();
        this.expectPunct("]");
        return { type: "Array", body, offset };
      }
      case "{":
        return this.parseObject(offset);
      default:
        return this.fail(t);
    }
  }

  private parseIdent(name: string, offset: number): Node {
    switch (name) {
      case "if":
        return this.parseIf(offset);
      case "try": {
        const body = this.parsePostfixNoBind();
        let handler: Node | null = null;
        if (this.isIdent("catch")) {
          this.next();
          handler = this.parsePostfixNoBind();
        }
        return { type: "Try", body, handler, offset };
      }
      case "reduce":
      case "foreach":
        return this.parseFold(name, offset);
      case "def":
      case "label":
        throw unsupported(this.src, offset, `jq construct "${name}"`);
      default:
        if (KEYWORDS.has(name)) this.fail(this.tokens[this.pos - 1]);
    }
    const args: Node[] = [];
    if (this.isPunct("(")) {
      this.next();
      args.push(this.parsePipe());
      while (this.isPunct(";")) {
        this.next();
        args.push(this.parsePipe());
      }
      this.expectPunct(")");
    }
    return { type: "Call", name, args, offset };
  }

  private parsePostfixNoBind(): Node {
    const t = this.peek();
    if (this.isPunct("-", t)) {
      this.next();
      return { type: "Neg", operand: this.parsePostfixNoBind(), offset: t.offset };
    }
    const node = this.parsePrimary();
    if (node.type === "If" || node.type === "Reduce" || node.type === "Foreach" || node.type === "Try") return node;
    return this.parseSuffixes(node);
  }

  private parseIf(offset: number): Node {
    const cond = this.parsePipe();
    this.expectIdent("then");
    const then = this.parsePipe();
    let otherwise: Node | null = null;
    if (this.isIdent("elif")) {
      const t = this.next();
      otherwise = this.parseIf(t.offset);
      return { type: "If", cond, then, else: otherwise, offset };
    }
    if (this.isIdent("else")) {
      this.next();
      otherwise = this.parsePipe();
    }
    this.expectIdent("end");
    return { type: "If", cond, then, else: otherwise, offset };
  }

  private parseFold(kind: "reduce" | "foreach", offset: number): Node {
    const source = this.parsePostfixNoBind();
    this.expectIdent("as");
    const v = this.peek();
    if (v.kind !== "var") {
      if (this.isPunct("[", v) || this.isPunct("{", v)) throw unsupported(this.src, v.offset, "jq destructuring pattern");
      this.fail(v);
    }
    this.next();
    this.expectPunct("(");
    const init = this.parsePipe();
    this.expectPunct(";");
    const update = this.parsePipe();
    let extract: Node | null = null;
    if (kind === "foreach" && this.isPunct(";")) {
      this.next();
      extract = this.parsePipe();
    }
    this.expectPunct(")");
    if (kind === "reduce") return { type: "Reduce", source, name: v.value, init, update, offset };
    return { type: "Foreach", source, name: v.value, init, update, extract, offset };
  }

  private parseObject(offset: number): Node {
    const entries: ObjectEntry[] = [];
    while (!this.isPunct("}")) {
      entries.push(this.parseEntry());
      if (this.isPunct(",")) this.next();
      else if (!this.isPunct("}")) this.fail();
    }
    this.next();
    return { type: "Object", entries, offset };
  }

  private parseEntry(): ObjectEntry {
    const t = this.next();
    let key: string | Node;
    if (t.kind === "ident") key = t.value;
    else if (t.kind === "var") {
      if (t.value === "__loc__" || t.value === "ENV") throw unsupported(this.src, t.offset, `jq variable "$${t.value}"`);
      if (this.isPunct(":")) this.fail();
      return { key: t.value, value: null, variable: t.value };
    } else if (t.kind === "string") key = this.parseString(t);
    else if (this.isPunct("(", t)) {
      key = this.parsePipe();
      this.expectPunct(")");
      this.expectPunct(":");
      return { key, value: this.parseObjectValue() };
    } else return this.fail(t);
    if (!this.isPunct(":")) {
      return { key, value: null };
    }
    this.next();
    return { key, value: this.parseObjectValue() };
  }

  private parseObjectValue(): Node {
    let node = this.parsePostfixNoBind();
    while (this.isPunct("|")) {
      this.next();
      node = { type: "Pipe", left: node, right: this.parsePostfixNoBind(), offset: node.offset };
    }
    return node;
  }

  private parseString(t: Token): Node {
    if (t.kind !== "string") return this.fail(t);
    const parts: (string | Node)[] = t.parts.map((p: StringPart) => (typeof p === "string" ? p : new Parser(this.src, p.tokens).parseAll()));
    if (parts.length === 1 && typeof parts[0] === "string") return { type: "Literal", value: parts[0], offset: t.offset };
    return { type: "Str", parts, offset: t.offset };
  }
}
