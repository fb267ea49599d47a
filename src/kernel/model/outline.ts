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
  /**
   * With `memberSpans`, on containers just above `maxDepth` instead of `children`: where each
   * member's value starts and ends, in pairs, duplicates kept (`memberChildren` gives the nodes).
   */
  spans?: Int32Array;
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
  /**
   * Offset of the value to outline, for one value inside a larger text (offsets stay the text's);
   * the text before it and after its end is not read.
   */
  start?: number;
  /**
   * Members at `maxDepth` are kept as value spans on their container (`spans`), not as nodes: a
   * large plan's tasks then cost no node and no decoded key each.
   */
  memberSpans?: boolean;
}

export function outlineJson(
  text: string,
  maxDepth: number,
  options: OutlineOptions = {},
): OutlineNode | undefined {
  const scanner = new OutlineScanner(
    text,
    maxDepth,
    options.leafKeys,
    options.start ?? 0,
    options.memberSpans ?? false,
  );
  try {
    return scanner.root();
  } catch {
    return undefined;
  }
}

/** The members of a container node: its children, or, for one outlined with spans, outlined now. */
export function memberChildren(text: string, node: OutlineNode): OutlineNode[] | undefined {
  if (node.children || !node.spans) {
    return node.children;
  }
  return outlineJson(text, 1, { start: node.start })?.children;
}

/** The child of `node` at `key`; the last one when a key is duplicated, as `JSON.parse` reads it. */
export function outlineChild(
  node: OutlineNode | undefined,
  key: string | number,
): OutlineNode | undefined {
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

export function outlineAt(
  root: OutlineNode | undefined,
  path: readonly (string | number)[],
): OutlineNode | undefined {
  let node = root;
  for (const key of path) {
    node = outlineChild(node, key);
    if (!node) {
      return undefined;
    }
  }
  return node;
}

/** Runs of text up to the next brace (or bracket) outside strings, strings included whole. */
const BETWEEN_BRACES = /[^{}"]*(?:"[^"\\]*(?:\\[\s\S][^"\\]*)*"[^{}"]*){0,32}/y;
const BETWEEN_BRACKETS = /[^[\]"]*(?:"[^"\\]*(?:\\[\s\S][^"\\]*)*"[^[\]"]*){0,32}/y;

class OutlineScanner {
  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly leafKeys: readonly string[] | undefined,
    private pos: number,
    private readonly memberSpans: boolean,
  ) {}

  root(): OutlineNode | undefined {
    this.skipWhitespace();
    if (this.pos >= this.text.length) {
      return undefined;
    }
    return this.value(undefined, undefined, 0);
  }

  /**
   * Every node is created whole, in one shape (`keyStart` and `children` possibly undefined): adding
   * a property afterwards cost each node a second allocation, and two shapes slowed every reader.
   */
  private value(
    key: string | number | undefined,
    keyStart: number | undefined,
    depth: number,
  ): OutlineNode {
    const start = this.pos;
    const ch = this.text.charCodeAt(start);
    if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      const kind = ch === OPEN_BRACE ? 'object' : 'array';
      if (depth >= this.maxDepth) {
        this.pos = this.skipContainer(start);
        return { key, kind, start, end: this.pos, keyStart, children: undefined, spans: undefined };
      }
      if (this.memberSpans && depth + 1 === this.maxDepth) {
        const spans = this.spansOf(kind);
        return { key, kind, start, end: this.pos, keyStart, children: undefined, spans };
      }
      const children = kind === 'object' ? this.members(depth) : this.elements(depth);
      return { key, kind, start, end: this.pos, keyStart, children, spans: undefined };
    }
    if (ch === QUOTE) {
      this.pos = this.stringEnd(start) + 1;
    } else {
      this.pos = this.primitiveEnd(start);
    }
    return {
      key,
      kind: 'value',
      start,
      end: this.pos,
      keyStart,
      children: undefined,
      spans: undefined,
    };
  }

  /** Scratch for member spans, copied out at each container's final size. */
  private spanScratch = new Int32Array(1024);

  /**
   * Where each member's value (or element) of the container at `pos` starts and ends, in pairs:
   * names are checked as `members` checks them but not decoded.
   */
  private spansOf(kind: 'object' | 'array'): Int32Array {
    const text = this.text;
    const length = text.length;
    const close = kind === 'object' ? CLOSE_BRACE : CLOSE_BRACKET;
    let count = 0;
    let pos = this.pos + 1;
    for (;;) {
      while (pos < length && text.charCodeAt(pos) <= 32) {
        pos++;
      }
      const ch = text.charCodeAt(pos);
      if (ch === close) {
        this.pos = pos + 1;
        return this.spanScratch.slice(0, count);
      }
      if (ch === COMMA) {
        pos++;
        continue;
      }
      if (Number.isNaN(ch)) {
        throw new Error('unterminated container');
      }
      if (kind === 'object') {
        if (ch !== QUOTE) {
          throw new Error('property name expected');
        }
        pos = this.valueAfterName(this.stringEnd(pos) + 1);
      }
      this.pos = pos;
      this.skipValue();
      if (count + 2 > this.spanScratch.length) {
        const grown = new Int32Array(this.spanScratch.length * 2);
        grown.set(this.spanScratch);
        this.spanScratch = grown;
      }
      this.spanScratch[count++] = pos;
      this.spanScratch[count++] = this.pos;
      pos = this.pos;
    }
  }

  /**
   * Children are gathered on one shared stack and copied out at their final size: most containers
   * in the outline are small, and a growing array reserves room for seventeen on its first push.
   */
  private readonly stack: OutlineNode[] = [];
  private stackTop = 0;

  private pushChild(node: OutlineNode): void {
    this.stack[this.stackTop++] = node;
  }

  private takeChildren(mark: number): OutlineNode[] {
    const children = this.stack.slice(mark, this.stackTop);
    this.stackTop = mark;
    return children;
  }

  private members(depth: number): OutlineNode[] {
    if (this.leafKeys && depth + 1 === this.maxDepth) {
      return this.leafMembers(depth);
    }
    const mark = this.stackTop;
    this.pos++;
    for (;;) {
      this.skipWhitespace();
      const ch = this.text.charCodeAt(this.pos);
      if (ch === CLOSE_BRACE) {
        this.pos++;
        return this.takeChildren(mark);
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
      const wanted =
        depth + 1 < this.maxDepth || !this.leafKeys || this.leafKeyIndex(keyStart, keyEnd) !== -1;
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
      this.pushChild(this.value(key, keyStart, depth + 1));
    }
  }

  /**
   * Members at the last level when only some names are wanted: an edit walks every field of every
   * task through here, so the position stays in a local and unwanted values are skipped in place.
   * Checks the same syntax as `members`.
   */
  private leafMembers(depth: number): OutlineNode[] {
    const text = this.text;
    const length = text.length;
    const mark = this.stackTop;
    let pos = this.pos + 1;
    for (;;) {
      while (pos < length && text.charCodeAt(pos) <= 32) {
        pos++;
      }
      const ch = text.charCodeAt(pos);
      if (ch === CLOSE_BRACE) {
        this.pos = pos + 1;
        return this.takeChildren(mark);
      }
      if (ch === COMMA) {
        pos++;
        continue;
      }
      if (ch !== QUOTE) {
        throw new Error('property name expected');
      }
      const keyStart = pos;
      const keyEnd = this.stringEnd(keyStart);
      const leaf = this.leafKeyIndex(keyStart, keyEnd);
      pos = this.valueAfterName(keyEnd + 1);
      if (leaf !== -1) {
        // The raw name matched exactly, so it is the wanted name itself: no need to decode a copy.
        this.pos = pos;
        this.pushChild(this.value(this.leafKeys![leaf], keyStart, depth + 1));
        pos = this.pos;
        continue;
      }
      const first = text.charCodeAt(pos);
      if (first === QUOTE) {
        pos = this.stringEnd(pos) + 1;
      } else if (first === OPEN_BRACE || first === OPEN_BRACKET) {
        pos = this.skipContainer(pos);
      } else {
        pos = this.primitiveEnd(pos);
      }
    }
  }

  private elements(depth: number): OutlineNode[] {
    const mark = this.stackTop;
    this.pos++;
    for (;;) {
      this.skipWhitespace();
      const ch = this.text.charCodeAt(this.pos);
      if (ch === CLOSE_BRACKET) {
        this.pos++;
        return this.takeChildren(mark);
      }
      if (ch === COMMA) {
        this.pos++;
        continue;
      }
      if (Number.isNaN(ch)) {
        throw new Error('unterminated array');
      }
      this.pushChild(this.value(this.stackTop - mark, undefined, depth + 1));
    }
  }

  /** Where the value starts of a member whose name ends just before `pos`: past the colon. */
  private valueAfterName(pos: number): number {
    const text = this.text;
    const length = text.length;
    while (pos < length && text.charCodeAt(pos) <= 32) {
      pos++;
    }
    if (text.charCodeAt(pos) !== COLON) {
      throw new Error('colon expected');
    }
    pos++;
    while (pos < length && text.charCodeAt(pos) <= 32) {
      pos++;
    }
    return pos;
  }

  /** Which of the wanted names the raw property name at `keyStart` is, or -1. */
  private leafKeyIndex(keyStart: number, keyEnd: number): number {
    const length = keyEnd - keyStart - 1;
    const names = this.leafKeys!;
    for (let i = 0; i < names.length; i++) {
      if (names[i].length === length && this.text.startsWith(names[i], keyStart + 1)) {
        return i;
      }
    }
    return -1;
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
    let end = text.indexOf('"', start + 1);
    while (end !== -1) {
      let backslashes = 0;
      for (let i = end - 1; text.charCodeAt(i) === BACKSLASH; i--) {
        backslashes++;
      }
      if (backslashes % 2 === 0) {
        return end;
      }
      end = text.indexOf('"', end + 1);
    }
    throw new Error('unterminated string');
  }

  /**
   * Offset one past the container opening at `start`. In JSON that parsed, braces and brackets
   * nest properly, so an object's end is found counting braces alone (an array's, brackets alone),
   * outside strings. A sticky regular expression steps over each run of other characters and whole
   * strings in one native call: most of a task file is strings and indentation.
   */
  private skipContainer(start: number): number {
    const text = this.text;
    const isObject = text.charCodeAt(start) === OPEN_BRACE;
    const open = isObject ? OPEN_BRACE : OPEN_BRACKET;
    const close = isObject ? CLOSE_BRACE : CLOSE_BRACKET;
    const between = isObject ? BETWEEN_BRACES : BETWEEN_BRACKETS;
    let depth = 0;
    let pos = start;
    for (;;) {
      const ch = text.charCodeAt(pos);
      if (ch === open) {
        depth++;
        pos++;
      } else if (ch === close) {
        pos++;
        if (--depth === 0) {
          return pos;
        }
      } else {
        between.lastIndex = pos;
        between.test(text);
        if (between.lastIndex === pos) {
          throw new Error(pos >= text.length ? 'unterminated container' : 'unterminated string');
        }
        pos = between.lastIndex;
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
    let pos = this.pos;
    while (pos < text.length && text.charCodeAt(pos) <= 32) {
      pos++;
    }
    this.pos = pos;
  }
}
