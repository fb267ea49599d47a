/**
 * The only way the dashboard makes DOM nodes. Text always goes through `textContent` and attribute
 * values through `setAttribute`; nothing from the task file is ever parsed as HTML.
 */

export interface ElementOptions {
  className?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  dataset?: Record<string, string>;
}

export type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options?: ElementOptions,
  children?: readonly Child[],
): HTMLElementTagNameMap[K];
export function el(tag: string, options?: ElementOptions, children?: readonly Child[]): HTMLElement;
export function el(
  tag: string,
  options: ElementOptions = {},
  children: readonly Child[] = [],
): HTMLElement {
  const node = document.createElement(tag);
  applyOptions(node, options);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | undefined> = {},
  children: readonly Child[] = [],
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

export function icon(name: string, label?: string): HTMLElement {
  const node = el('span', { className: `codicon codicon-${name}` });
  if (label) {
    node.setAttribute('aria-label', label);
    node.setAttribute('role', 'img');
  } else {
    node.setAttribute('aria-hidden', 'true');
  }
  return node;
}

function applyOptions(node: HTMLElement, options: ElementOptions): void {
  if (options.className) {
    node.className = options.className;
  }
  if (options.text !== undefined) {
    node.textContent = options.text;
  }
  if (options.title !== undefined) {
    node.title = options.title;
  }
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === true) {
      node.setAttribute(name, '');
    } else if (value !== undefined && value !== false) {
      node.setAttribute(name, String(value));
    }
  }
  for (const [name, value] of Object.entries(options.dataset ?? {})) {
    node.dataset[name] = value;
  }
}

function append(node: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === undefined || child === false) {
      continue;
    }
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, children: readonly Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Makes a non-button element act like a button for mouse and keyboard. */
export function makeActivatable(node: HTMLElement | SVGElement, onActivate: () => void): void {
  node.setAttribute('tabindex', '0');
  node.setAttribute('role', 'button');
  node.addEventListener('click', onActivate);
  node.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      onActivate();
    }
  });
}
