/**
 * Just enough of Excel's formula syntax for documented examples: `=TIER.NAME(arg, …)` where each
 * argument is a number, "text", TRUE/FALSE, an error literal (#N/A), an array constant such as
 * {1,2;3,4} (`,` between columns, `;` between rows), or omitted. Results print the same way.
 */
import { StubError } from './bundle';

/** A parsed call. */
export interface Call {
  name: string;
  args: unknown[];
}

const ERROR = /^#(?:N\/A|VALUE!|DIV\/0!|NUM!|NULL!|REF!|NAME\?)/;

/**
 * Parses `=TIER.NAME(…)`.
 * @example parseCall('=TIER.ABC_CLASS({50;30}, , 0.5)') // { name: "ABC_CLASS", args: [[[50], [30]], null, 0.5] }
 */
export function parseCall(formula: string): Call {
  const m = /^=TIER\.([A-Z_]+)\((.*)\)$/.exec(formula.trim());
  if (!m) throw new Error(`not a TIER formula: ${formula}`);
  const p = new Parser(m[2]);
  const args: unknown[] = [];
  if (p.rest().trim() !== '') {
    for (;;) {
      args.push(p.argument());
      if (!p.eat(',')) break;
    }
  }
  if (p.rest().trim() !== '') throw new Error(`unexpected "${p.rest()}" in ${formula}`);
  return { name: m[1], args };
}

/**
 * Parses a value as printed in the docs (`→ …`).
 * @example parseValue('{"A";"B"}') // [["A"], ["B"]]
 */
export function parseValue(text: string): unknown {
  const p = new Parser(text);
  const v = p.argument();
  if (p.rest().trim() !== '') throw new Error(`unexpected "${p.rest()}" in ${text}`);
  return v;
}

/**
 * Prints a result like an Excel array constant (a 1×1 result as its single value).
 * @example formatValue([["A"], ["B"]]) // '{"A";"B"}'
 */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 1 && value[0].length === 1) return formatValue(value[0][0]);
    return `{${value.map((row: unknown[]) => row.map(formatValue).join(',')).join(';')}}`;
  }
  if (value instanceof StubError) return value.code;
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  rest(): string {
    return this.s.slice(this.i);
  }

  eat(ch: string): boolean {
    this.skip();
    if (this.s[this.i] === ch) {
      this.i++;
      return true;
    }
    return false;
  }

  argument(): unknown {
    this.skip();
    const ch = this.s[this.i];
    if (ch === undefined || ch === ',' || ch === ')') return null; // omitted
    if (ch === '{') return this.array();
    return this.scalar();
  }

  private skip(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  private array(): unknown[][] {
    this.i++; // {
    const rows: unknown[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.scalar());
      this.skip();
      const ch = this.s[this.i++];
      if (ch === ',') continue;
      if (ch === ';') rows.push([]);
      else if (ch === '}') return rows;
      else throw new Error(`bad array constant near "${this.s.slice(this.i - 1)}"`);
    }
  }

  private scalar(): unknown {
    this.skip();
    const r = this.rest();
    if (r.startsWith('"')) {
      let out = '';
      let j = 1;
      for (;;) {
        if (j >= r.length) throw new Error('unterminated text');
        if (r[j] === '"' && r[j + 1] === '"') {
          out += '"';
          j += 2;
        } else if (r[j] === '"') break;
        else out += r[j++];
      }
      this.i += j + 1;
      return out;
    }
    const error = ERROR.exec(r);
    if (error) {
      this.i += error[0].length;
      return new StubError(error[0]);
    }
    const bool = /^(TRUE|FALSE)\b/.exec(r);
    if (bool) {
      this.i += bool[0].length;
      return bool[0] === 'TRUE';
    }
    const num = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(r);
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    throw new Error(`cannot read "${r}"`);
  }
}
