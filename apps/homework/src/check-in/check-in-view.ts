import type { CheckInForm, CheckInResult, CheckInTrendPoint } from '@trellis/contracts';
import type { ScalePrompt } from '@trellis/domain';
import { fieldName } from '../answers';
import { busy, card, h, paragraphs } from '../views/dom';
import { pathSummary } from '../views/path';
import { scaleField } from '../views/prompts/scale';
import type { PromptField } from '../views/prompts/field';

const READERS = 'Your counselor will see your answers.';

/** A check-in item as the homework page's scale question, so both look and read the same. */
const asScalePrompt = (item: CheckInForm['items'][number]): ScalePrompt => ({
  id: item.id,
  kind: 'scale',
  label: item.label,
  required: false,
  audience: 'counselor_only',
  min: item.scale.min,
  max: item.scale.max,
  minLabel: item.scale.minLabel,
  maxLabel: item.scale.maxLabel,
});

export interface CheckInFormActions {
  /** Sends the answers; resolves to a message to show, or null when the page moved on. */
  submit(
    answers: Record<string, number | null>,
  ): Promise<{ message: string; fieldErrors: Record<string, string> } | null>;
}

/**
 * The check-in: one radio row per item, on its own scale. Items may be skipped (the measure's rule
 * says how many); submitting is once, and the link closes after it.
 */
export const checkInFormView = (form: CheckInForm, actions: CheckInFormActions): HTMLElement => {
  const fields: PromptField[] = form.items.map((item) => scaleField(asScalePrompt(item), undefined, READERS));
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Send my answers');
  const element = h(
    'form',
    { novalidate: '', 'aria-labelledby': 'page-title' },
    ...fields.map((field) => field.element),
    formError,
    button,
  );
  const read = (): Record<string, number | null> =>
    Object.fromEntries(
      form.items.map((item) => {
        const checked = element.querySelector<HTMLInputElement>(`input[name="${fieldName(item.id)}"]:checked`);
        return [item.id, checked ? Number(checked.value) : null];
      }),
    );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const done = busy(button, 'Sending…');
    if (!done) return;
    formError.textContent = '';
    for (const field of fields) field.setError(null);
    void actions.submit(read()).then((problem) => {
      done();
      if (!problem) return;
      formError.textContent = problem.message;
      let first: PromptField | undefined;
      for (const field of fields) {
        const message = problem.fieldErrors[`answers.${field.prompt.id}`];
        if (message) {
          field.setError(message);
          first ??= field;
        }
      }
      if (first) first.focus();
      else formError.focus?.();
    });
  });
  return card(
    form.title,
    h('p', { class: 'lead' }, `Hi ${form.partnerFirstName}. ${form.clinicName} asks a few quick questions.`),
    ...paragraphs(form.instructions),
    pathSummary(form),
    element,
  );
};

const day = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString([], { day: 'numeric', month: 'short' });
};

const WIDTH = 320;
const HEIGHT = 140;
const PAD = 16;

/** A line through the points, on the measure's range; drawn for the eye, the table says the same. */
const trendChart = (result: CheckInResult): SVGElement | null => {
  const series = [result.mine, result.partner].filter((points) => points.some((p) => p.score !== null));
  if (!series.length || result.mine.length < 2) return null;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('class', 'trend-chart');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const times = series.flat().map((p) => new Date(p.submittedAt).getTime());
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const x = (t: number) => PAD + ((t - first) / Math.max(1, last - first)) * (WIDTH - 2 * PAD);
  const { min, max } = result.range;
  const y = (score: number) => HEIGHT - PAD - ((score - min) / Math.max(1, max - min)) * (HEIGHT - 2 * PAD);
  series.forEach((points, i) => {
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute(
      'points',
      points
        .filter((p): p is CheckInTrendPoint & { score: number } => p.score !== null)
        .map((p) => `${x(new Date(p.submittedAt).getTime()).toFixed(1)},${y(p.score).toFixed(1)}`)
        .join(' '),
    );
    line.setAttribute('class', i === 0 ? 'trend-line trend-line--mine' : 'trend-line trend-line--partner');
    svg.append(line);
  });
  return svg;
};

/**
 * After submitting: thanks, the score, and the partner's own scores over time as a table (and a
 * small chart for the eye). The other partner's column appears only when the API sent it: for
 * check-ins both answered, when the counselor allowed sharing.
 */
export const checkInResultView = (result: CheckInResult): HTMLElement => {
  const direction = result.higherIsBetter ? 'higher is better' : 'lower is better';
  const partnerByOccurrence = new Map(result.partner.map((p) => [p.occurrence, p.score]));
  const showPartner = result.partner.length > 0 && result.partnerFirstName !== null;
  const rows = [...result.mine]
    .reverse()
    .map((point) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, day(point.submittedAt)),
        h('td', {}, point.score === null ? '–' : String(point.score)),
        showPartner ? h('td', {}, String(partnerByOccurrence.get(point.occurrence) ?? '–')) : null,
      ),
    );
  const chart = trendChart(result);
  return card(
    'Thank you',
    h('p', { class: 'lead', role: 'status' }, 'Your answers are with your counselor.'),
    result.score === null
      ? null
      : h(
          'p',
          {},
          `Your score this time: ${result.score} (from ${result.range.min} to ${result.range.max}; ${direction}).`,
        ),
    h('h2', {}, 'Your check-ins over time'),
    chart,
    h(
      'table',
      { class: 'trend-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Date'),
          h('th', { scope: 'col' }, 'You'),
          showPartner ? h('th', { scope: 'col' }, result.partnerFirstName ?? '') : null,
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    showPartner
      ? h('p', { class: 'hint' }, `${result.partnerFirstName}'s scores show only for check-ins you both answered.`)
      : null,
    h('p', { class: 'hint' }, 'This link is now closed. You can close this page.'),
  );
};

/**
 * Any 404 for a check-in link: answered, expired, stopped or unknown, all alike. No fresh-link
 * form (that sends homework links): the next check-in comes by email on its own.
 */
export const closedCheckInView = (): HTMLElement =>
  card(
    'This check-in is closed',
    h('p', {}, 'This link no longer works: the check-in was answered, or its time has passed.'),
    h('p', {}, 'The next one will come by email. If you think something is wrong, ask your counselor.'),
  );
