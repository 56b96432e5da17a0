/**
 * Kubernetes label selector strings (`app=web,tier!=db,env in (a,b),!legacy,release`), parsed as
 * apimachinery's `labels.Parse` does, into a predicate over an object's labels.
 *
 * @module
 */
import { badRequest } from "./store-errors.js";

/** A predicate over labels. */
export type LabelPredicate = (labels: Readonly<Record<string, string>> | undefined) => boolean;

type Token = { readonly kind: "id"; readonly text: string } | { readonly kind: "op"; readonly text: string } | { readonly kind: "end" };

const OPERATORS = ["==", "!=", "=", "!", ",", "(", ")", ">", "<"];
const KEY = /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(?:(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op !== undefined) {
      tokens.push({ kind: "op", text: op });
      i += op.length;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s!=,()<>]/.test(text[j] as string)) j++;
    tokens.push({ kind: "id", text: text.slice(i, j) });
    i = j;
  }
  tokens.push({ kind: "end" });
  return tokens;
}

function fail(message: string): never {
  throw badRequest(`unable to parse requirement: ${message}`);
}

function checkKey(key: string): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  if (!KEY.test(key) || name.length > 63 || key.length - name.length > 254) fail(`invalid label key "${key}": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`);
  return key;
}

function checkValue(value: string): string {
  if (value.length > 63 || !VALUE.test(value)) fail(`invalid label value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`);
  return value;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.at] ?? { kind: "end" };
  }

  private next(): Token {
    const token = this.peek();
    this.at++;
    return token;
  }

  parse(): LabelPredicate[] {
    const out: LabelPredicate[] = [];
    if (this.peek().kind === "end") return out;
    for (;;) {
      out.push(this.requirement());
      const token = this.next();
      if (token.kind === "end") return out;
      if (token.kind !== "op" || token.text !== ",") fail(`found '${describe(token)}', expected: ',' or 'end of string'`);
    }
  }

  private requirement(): LabelPredicate {
    const first = this.next();
    if (first.kind === "op" && first.text === "!") {
      const key = this.key();
      return (labels) => labels === undefined || !Object.hasOwn(labels, key);
    }
    this.at--;
    const key = this.key();
    const token = this.peek();
    if (token.kind === "end" || (token.kind === "op" && token.text === ",")) return (labels) => labels !== undefined && Object.hasOwn(labels, key);
    this.at++;
    if (token.kind === "id" && (token.text === "in" || token.text === "notin")) {
      const values = this.set();
      return token.text === "in"
        ? (labels) => labels !== undefined && Object.hasOwn(labels, key) && values.has(labels[key] as string)
        : (labels) => labels === undefined || !Object.hasOwn(labels, key) || !values.has(labels[key] as string);
    }
    if (token.kind !== "op" || !["=", "==", "!=", ">", "<"].includes(token.text)) fail(`found '${describe(token)}', expected: '=', '!=', '==', 'in', notin'`);
    const value = this.value();
    switch (token.text) {
      case "!=":
        return (labels) => labels === undefined || !Object.hasOwn(labels, key) || labels[key] !== value;
      case ">":
      case "<": {
        if (!/^-?\d+$/.test(value)) fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
        const bound = Number(value);
        const gt = token.text === ">";
        return (labels) => {
          const v = labels !== undefined && Object.hasOwn(labels, key) ? labels[key] : undefined;
          if (v === undefined || !/^-?\d+$/.test(v)) return false;
          return gt ? Number(v) > bound : Number(v) < bound;
        };
      }
      default:
        return (labels) => labels !== undefined && Object.hasOwn(labels, key) && labels[key] === value;
    }
  }

  private key(): string {
    const token = this.next();
    if (token.kind !== "id") fail(`found '${describe(token)}', expected: identifier`);
    return checkKey(token.text);
  }

  private value(): string {
    const token = this.peek();
    if (token.kind === "id") {
      this.at++;
      return checkValue(token.text);
    }
    if (token.kind === "end" || (token.kind === "op" && token.text === ",")) return "";
    return fail(`found '${describe(token)}', expected: identifier`);
  }

  private set(): Set<string> {
    const open = this.next();
    if (open.kind !== "op" || open.text !== "(") fail(`found '${describe(open)}', expected: '('`);
    const values = new Set<string>();
    for (;;) {
      const token = this.next();
      if (token.kind === "id") values.add(checkValue(token.text));
      else if (token.kind === "op" && token.text === ",") values.add("");
      else if (token.kind === "op" && token.text === ")") break;
      else fail(`found '${describe(token)}', expected: ',', ')' or identifier`);
      if (token.kind === "id") {
        const sep = this.next();
        if (sep.kind === "op" && sep.text === ")") break;
        if (sep.kind !== "op" || sep.text !== ",") fail(`found '${describe(sep)}', expected: ',' or ')'`);
      }
    }
    if (values.size === 0) fail("for 'in', 'notin' operators, values set can't be empty");
    return values;
  }
}

function describe(token: Token): string {
  return token.kind === "end" ? "" : token.text;
}

/**
 * Compiles a label selector string; the empty string selects everything.
 *
 * @param selector - the selector
 * @returns the predicate
 * @throws StoreError `BadRequest` for a malformed selector
 */
export function compileLabelSelector(selector: string): LabelPredicate {
  const terms = new Parser(tokenize(selector)).parse();
  if (terms.length === 0) return () => true;
  if (terms.length === 1) return terms[0] as LabelPredicate;
  return (labels) => terms.every((term) => term(labels));
}
