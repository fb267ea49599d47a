import { el } from '../dom';

/** A titled, collapsible block of the page, keyboard-operable through vscode-collapsible. */
export function section(id: string, heading: string, body: HTMLElement): HTMLElement {
  const collapsible = el('vscode-collapsible', {
    className: 'section',
    attrs: { id: `section-${id}`, heading, open: true },
  });
  collapsible.append(body);
  return collapsible;
}
