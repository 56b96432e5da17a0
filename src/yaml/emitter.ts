/**
 * A port of the parts of go-yaml v2's emitter (`emitterc.go`) that `yaml.Marshal` uses for
 * JSON-like data: block mappings and sequences, `{}`/`[]` for empty ones, and the four scalar
 * writers (plain, single-quoted, double-quoted, literal) with their line folding at width 80.
 *
 * @module
 */
import { analyzeScalar, codePoints, isBreak, isPrintable, isSimpleKey } from "./scalar-analysis.js";

/**
 * The scalar style go-yaml's encoder asks for (`encode.go`); the emitter may still change it.
 *
 * @example
 * ```ts
 * const style: RequestedStyle = "plain";
 * ```
 * @category Template
 */
export type RequestedStyle = "plain" | "double" | "literal";

/**
 * A node of the tree the emitter writes: scalars carry their text and requested style, maps
 * their entries in output order.
 *
 * @example
 * ```ts
 * const node: EmitNode = { kind: "seq", items: [{ kind: "scalar", text: "1", style: "plain" }] };
 * ```
 * @category Template
 */
export type EmitNode =
  | { readonly kind: "scalar"; readonly text: string; readonly style: RequestedStyle }
  | { readonly kind: "map"; readonly entries: readonly (readonly [EmitNode & { kind: "scalar" }, EmitNode])[] }
  | { readonly kind: "seq"; readonly items: readonly EmitNode[] };


interface Context {
  readonly mapping: boolean;
  readonly simpleKey: boolean;
}

const BEST_INDENT = 2;
const BEST_WIDTH = 80;
const HEX = "0123456789ABCDEF";
const SHORT_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x00, "0"], [0x07, "a"], [0x08, "b"], [0x09, "t"], [0x0a, "n"], [0x0b, "v"], [0x0c, "f"], [0x0d, "r"],
  [0x1b, "e"], [0x22, '"'], [0x5c, "\\"], [0x85, "N"], [0xa0, "_"], [0x2028, "L"], [0x2029, "P"],
]);


/**
 * Writes one YAML document the way go-yaml v2's emitter does.
 *
 * @example
 * ```ts
 * new GoYamlEmitter().emit({ kind: "scalar", text: "a", style: "plain" }); // "a\n"
 * ```
 * @category Template
 */
export class GoYamlEmitter {
  private out = "";
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;

  /**
   * Emits `root` as one implicit document (no `---`).
   *
   * @param root - the document's root node
   * @returns the YAML text, ending with a newline
   */
  emit(root: EmitNode): string {
    this.node(root, { mapping: false, simpleKey: false });
    this.writeIndent();
    return this.out;
  }

  private put(s: string): void {
    this.out += s;
    this.column++;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  private write(c: number): void {
    this.out += String.fromCodePoint(c);
    this.column++;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.out += text;
    this.column += text.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private node(n: EmitNode, ctx: Context): void {
    if (n.kind === "scalar") this.scalar(n.text, n.style, ctx);
    else if (n.kind === "seq" && n.items.length > 0) this.sequence(n.items, ctx);
    else if (n.kind === "map" && n.entries.length > 0) this.mapping(n.entries);
    else {
      this.indicator(n.kind === "map" ? "{" : "[", true, true, false);
      this.indicator(n.kind === "map" ? "}" : "]", false, false, false);
    }
  }

  private sequence(items: readonly EmitNode[], ctx: Context): void {
    this.increaseIndent(false, ctx.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.indicator("-", true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private mapping(entries: readonly (readonly [EmitNode & { kind: "scalar" }, EmitNode])[]): void {
    this.increaseIndent(false, false);
    for (const [key, value] of entries) {
      this.writeIndent();
      const simple = isSimpleKey(key.text);
      if (simple) {
        this.node(key, { mapping: true, simpleKey: true });
        this.indicator(":", false, false, false);
      } else {
        this.indicator("?", true, false, true);
        this.node(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.indicator(":", true, false, true);
      }
      this.node(value, { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private scalar(text: string, requested: RequestedStyle, ctx: Context): void {
    const cps = codePoints(text);
    const a = analyzeScalar(cps);
    let style: RequestedStyle | "single" = requested;
    if (ctx.simpleKey && a.multiline) style = "double";
    if (style === "plain") {
      if (!a.blockPlainAllowed || (cps.length === 0 && ctx.simpleKey)) style = "single";
    }
    if (style === "single" && !a.singleQuotedAllowed) style = "double";
    if (style === "literal" && (!a.blockAllowed || ctx.simpleKey)) style = "double";
    this.increaseIndent(true, false);
    const breaks = !ctx.simpleKey;
    if (style === "plain") this.plain(cps, breaks, text);
    else if (style === "single") this.singleQuoted(cps, breaks);
    else if (style === "double") this.doubleQuoted(cps, breaks);
    else this.literal(cps);
    this.popIndent();
  }

  /** Appends text that needs no escaping and cannot fold (no space past column 80). */
  private fits(cps: readonly number[], allowBreaks: boolean): boolean {
    return !allowBreaks || this.column + cps.length <= BEST_WIDTH + 1;
  }

  private plain(cps: readonly number[], allowBreaks: boolean, text: string): void {
    if (!this.whitespace) this.put(" ");
    if (this.fits(cps, allowBreaks)) {
      this.out += text;
      this.column += cps.length;
      this.whitespace = false;
      this.indention = false;
      return;
    }
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i] as number;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== 0x20) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else {
        this.write(c);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(cps: readonly number[], allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i] as number;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== 0x20) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else {
        if (c === 0x27) this.put("'");
        this.write(c);
        this.indention = false;
        spaces = false;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private doubleQuoted(cps: readonly number[], allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i] as number;
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put("\\");
        const short = SHORT_ESCAPES.get(c);
        if (short !== undefined) this.put(short);
        else {
          const [letter, width] = c <= 0xff ? ["x", 2] : c <= 0xffff ? ["u", 4] : ["U", 8];
          this.put(letter);
          for (let k = (width - 1) * 4; k >= 0; k -= 4) this.put(HEX[(c >> k) & 15] as string);
        }
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1) {
          this.writeIndent();
          if (cps[i + 1] === 0x20) this.put("\\");
        } else this.write(c);
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(cps: readonly number[]): void {
    this.indicator("|", true, false, false);
    const first = cps[0];
    if (first === 0x20 || (first !== undefined && isBreak(first))) this.indicator(String(BEST_INDENT), false, false, false);
    const n = cps.length;
    let chomp = "";
    if (n === 0 || !isBreak(cps[n - 1] as number)) chomp = "-";
    else if (n === 1 || isBreak(cps[n - 2] as number)) chomp = "+";
    if (chomp !== "") this.indicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          breaks = false;
        }
        this.write(c);
        this.indention = false;
      }
    }
  }
}
