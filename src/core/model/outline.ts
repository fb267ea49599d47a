/**
 * A fast structural outline of JSON text down to a fixed depth: the offsets of every value and
 * property name near the root, without building a full syntax tree (jsonc-parser's `parseTree`
 * is about ten times slower than `JSON.parse` on large files). Deeper values are skipped with a
 * character loop. Meant for text that `JSON.parse` accepted; on other text it returns a best effort
 * and never throws.
 */

export interface OutlineNode {
  /** Property name, or element index in an array; undefined for the root. */
  key: string | number | undefined;
  kind: 'object' | 'array' | 'value';
  /** Offset of the value's first character, and one past its last. */
  start: number;
  end: number;
  /** Offset of the opening quote of the property name, for object members. */
  keyStart?: number;
  /** Members in file order, duplicates kept; present on containers above `maxDepth`. */
  children?: OutlineNode[];
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

export interface OutlineOptions {
  /** At the deepest level, record only object members with these names (the rest are skipped unallocated). */
  leafKeys?: readonly string[];
}

export function outlineJson(text: string, maxDepth: number, options: OutlineOptions = {}): OutlineNode | undefined {
  const scanner = new OutlineScanner(text, maxDepth, options.leafKeys);
  try {
    return scanner.root();
  } catch {
    return undefined;
  }
}

/** The child of `node` at `key`; the last one when a key is duplicated, as `JSON.parse` reads it. */
export function outlineChild(node: OutlineNode | undefined, key: string | number): OutlineNode | undefined {
  const children = node?.children;
  if (!children) {
    return undefined;
  }
  for (let i = children.length - 1; i >= 0; i--) {
    if (children[i].key === key) {
      return children[i];
    }
  }
  return undefined;
}

export function outlineAt(root: OutlineNode | undefined, path: readonly (string | number)[]): OutlineNode | undefined {
  let node = root;
  for (const key of path) {
    node = outlineChild(node, key);
    if (!node) {
      return undefined;
    }
  }
  return node;
}

/**
 * The next occurrence of one character, remembered: the scanner only moves forward, so each
 * character is searched for (with the fast native `indexOf`) once per occurrence, never per call.
 */
class NextChar {
  private position = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The first offset at or after `from` holding the character; the text's length when there is none. */
  from(from: number): number {
    if (this.position < from) {
      const found = this.text.indexOf(this.char, from);
      this.position = found === -1 ? this.text.length : found;
    }
    return this.position;
  }
}

class OutlineScanner {
  private pos = 0;
  private readonly quotes: NextChar;
  private readonly openBraces: NextChar;
  private readonly openBrackets: NextChar;
  private readonly closeBraces: NextChar;
  private readonly closeBrackets: NextChar;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly leafKeys: readonly string[] | undefined,
  ) {
    this.quotes = new NextChar(text, '"');
    this.openBraces = new NextChar(text, '{');
    this.openBrackets = new NextChar(text, '[');
    this.closeBraces = new NextChar(text, '}');
    this.closeBrackets = new NextChar(text, ']');
  }

  root(): OutlineNode | undefined {
    this.skipWhitespace();
    if (this.pos >= this.text.length) {
      return undefined;
    }
    return this.value(undefined, 0);
  }

  private value(key: string | number | undefined, depth: number): OutlineNode {
    const start = this.pos;
    const ch = this.text.charCodeAt(start);
    if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      const kind = ch === OPEN_BRACE ? 'object' : 'array';
      if (depth >= this.maxDepth) {
        this.pos = this.skipContainer(start);
        return { key, kind, start, end: this.pos };
      }
      const children = kind === 'object' ? this.members(depth) : this.elements(depth);
      return { key, kind, start, end: this.pos, children };
    }
    if (ch === QUOTE) {
      this.pos = this.stringEnd(start) + 1;
    } else {
      this.pos = this.primitiveEnd(start);
    }
    return { key, kind: 'value', start, end: this.pos };
  }

  private members(depth: number): OutlineNode[] {
    const children: OutlineNode[] = [];
    this.pos++;
    for (;;) {
      this.skipWhitespace();
      const ch = this.text.charCodeAt(this.pos);
      if (ch === CLOSE_BRACE) {
        this.pos++;
        return children;
      }
      if (ch === COMMA) {
        this.pos++;
        continue;
      }
      if (ch !== QUOTE) {
        throw new Error('property name expected');
      }
      const keyStart = this.pos;
      const keyEnd = this.stringEnd(keyStart);
      const wanted = depth + 1 < this.maxDepth || !this.leafKeys || this.isLeafKey(keyStart, keyEnd);
      const key = wanted ? this.decodeString(keyStart, keyEnd) : '';
      this.pos = keyEnd + 1;
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== COLON) {
        throw new Error('colon expected');
      }
      this.pos++;
      this.skipWhitespace();
      if (!wanted) {
        this.skipValue();
        continue;
      }
      const child = this.value(key, depth + 1);
      child.keyStart = keyStart;
      children.push(child);
    }
  }

  private elements(depth: number): OutlineNode[] {
    const children: OutlineNode[] = [];
    this.pos++;
    for (;;) {
      this.skipWhitespace();
      const ch = this.text.charCodeAt(this.pos);
      if (ch === CLOSE_BRACKET) {
        this.pos++;
        return children;
      }
      if (ch === COMMA) {
        this.pos++;
        continue;
      }
      if (Number.isNaN(ch)) {
        throw new Error('unterminated array');
      }
      children.push(this.value(children.length, depth + 1));
    }
  }

  private isLeafKey(keyStart: number, keyEnd: number): boolean {
    const length = keyEnd - keyStart - 1;
    return this.leafKeys!.some((name) => name.length === length && this.text.startsWith(name, keyStart + 1));
  }

  private skipValue(): void {
    const ch = this.text.charCodeAt(this.pos);
    if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      this.pos = this.skipContainer(this.pos);
    } else if (ch === QUOTE) {
      this.pos = this.stringEnd(this.pos) + 1;
    } else {
      this.pos = this.primitiveEnd(this.pos);
    }
  }

  private decodeString(start: number, end: number): string {
    const raw = this.text.slice(start + 1, end);
    return raw.includes('\\') ? (JSON.parse(this.text.slice(start, end + 1)) as string) : raw;
  }

  /** Offset of the closing quote of the string opening at `start`. */
  private stringEnd(start: number): number {
    const text = this.text;
    let end = this.quotes.from(start + 1);
    while (end < text.length) {
      let backslashes = 0;
      for (let i = end - 1; text.charCodeAt(i) === BACKSLASH; i--) {
        backslashes++;
      }
      if (backslashes % 2 === 0) {
        return end;
      }
      end = this.quotes.from(end + 1);
    }
    throw new Error('unterminated string');
  }

  /**
   * Offset one past the container opening at `start`. Jumps from one quote or bracket to the next
   * instead of visiting every character: most of a task file is strings and indentation.
   */
  private skipContainer(start: number): number {
    const length = this.text.length;
    let depth = 0;
    let pos = start;
    let quote = this.quotes.from(pos);
    let open = Math.min(this.openBraces.from(pos), this.openBrackets.from(pos));
    let close = Math.min(this.closeBraces.from(pos), this.closeBrackets.from(pos));
    for (;;) {
      if (quote < open && quote < close) {
        pos = this.stringEnd(quote) + 1;
        quote = this.quotes.from(pos);
        // A bracket inside the string is no bracket: look again past the string.
        if (open < pos) {
          open = Math.min(this.openBraces.from(pos), this.openBrackets.from(pos));
        }
        if (close < pos) {
          close = Math.min(this.closeBraces.from(pos), this.closeBrackets.from(pos));
        }
      } else if (open < close) {
        depth++;
        pos = open + 1;
        open = Math.min(this.openBraces.from(pos), this.openBrackets.from(pos));
      } else if (close < length) {
        pos = close + 1;
        if (--depth === 0) {
          return pos;
        }
        close = Math.min(this.closeBraces.from(pos), this.closeBrackets.from(pos));
      } else {
        throw new Error('unterminated container');
      }
    }
  }

  private primitiveEnd(start: number): number {
    const text = this.text;
    let i = start;
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === COMMA || ch === CLOSE_BRACE || ch === CLOSE_BRACKET || ch <= 32) {
        break;
      }
      i++;
    }
    if (i === start) {
      throw new Error('value expected');
    }
    return i;
  }

  private skipWhitespace(): void {
    const text = this.text;
    while (this.pos < text.length && text.charCodeAt(this.pos) <= 32) {
      this.pos++;
    }
  }
}
