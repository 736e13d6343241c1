/** `null`, `undefined` and `false` children are skipped, which keeps optional parts readable. */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element. Text goes in as text nodes, never as HTML: names, titles and messages come
 * from the API (some written by the therapist) and cannot inject markup. An `undefined` attribute
 * is left out.
 */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  element.append(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  return element;
};

/** A card with the page's one `h1`; the heading can take focus when the view changes. */
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
  if (focus) {
    view.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
};

/** Adds or removes one id in an `aria-describedby` list, keeping the others in order. */
export const toggleDescribedBy = (element: Element, id: string, on: boolean): void => {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) element.setAttribute('aria-describedby', ids.join(' '));
  else element.removeAttribute('aria-describedby');
};

/**
 * A button that shows it is busy while an action runs, without becoming `disabled` (a disabled
 * button drops keyboard focus to the page). Returns false when it was already busy.
 */
export const busy = (button: HTMLButtonElement, label: string): (() => void) | false => {
  if (button.getAttribute('aria-disabled') === 'true') return false;
  const idle = button.textContent ?? '';
  button.setAttribute('aria-disabled', 'true');
  button.textContent = label;
  return () => {
    button.removeAttribute('aria-disabled');
    button.textContent = idle;
  };
};

/** Paragraphs from therapist-written text: blank lines separate paragraphs, single breaks stay. */
export const paragraphs = (text: string, attributes: Record<string, string> = {}): HTMLElement[] =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => h('p', { class: 'prose', ...attributes }, part));

/** A local time such as "14:02" (or "2:02 PM"), in the device's own timezone and habits. */
export const clockTime = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
};

/** "Friday 5 December at 14:02" in the device's timezone. */
export const dayAndTime = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const day = date.toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long' });
  return `${day} at ${clockTime(iso)}`;
};
