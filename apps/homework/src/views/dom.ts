export type Child = Node | string;

/**
 * Creates an element. Text goes in as text nodes, never as HTML, so names from the API cannot
 * inject markup.
 */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
};

/** A card with the page's one heading; the heading can take focus when the view changes. */
export const card = (heading: string, ...children: Child[]): HTMLElement =>
  h(
    'section',
    { class: 'card', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: '-1' }, heading),
    ...children,
  );

/**
 * Replaces what `<main>` shows. After a wait, focus moves to the new heading so screen readers
 * announce the change instead of leaving the user on a vanished "Loading" line.
 */
export const show = (main: HTMLElement, view: HTMLElement, { focus = false } = {}): void => {
  main.replaceChildren(view);
  if (focus) view.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
};
