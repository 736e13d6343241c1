import type { CheckInForm, CheckInFormItem, CheckInResult, CheckInTrendPoint } from '@trellis/contracts';

// The check-in API's answers, checked against the contracts before use (a captive portal can
// answer 200 with anything).

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isScale = (value: unknown): value is CheckInFormItem['scale'] =>
  isRecord(value) &&
  Number.isInteger(value.min) &&
  Number.isInteger(value.max) &&
  (value.min as number) < (value.max as number) &&
  typeof value.minLabel === 'string' &&
  typeof value.maxLabel === 'string';

const toItem = (value: unknown): CheckInFormItem | null =>
  isRecord(value) && typeof value.id === 'string' && typeof value.label === 'string' && isScale(value.scale)
    ? { id: value.id, label: value.label, scale: value.scale }
    : null;

/** `POST /check-ins/link`: the questions, on their scales. */
export const toCheckInForm = (body: unknown): CheckInForm | undefined => {
  if (!isRecord(body) || !Array.isArray(body.items)) return undefined;
  const items = body.items.map(toItem);
  if (items.some((item) => item === null) || items.length === 0) return undefined;
  return {
    partnerFirstName: typeof body.partnerFirstName === 'string' ? body.partnerFirstName : '',
    clinicName: typeof body.clinicName === 'string' ? body.clinicName : '',
    title: typeof body.title === 'string' ? body.title : 'Check-in',
    instructions: typeof body.instructions === 'string' ? body.instructions : '',
    items: items as CheckInFormItem[],
    path: toPath(body.path),
  };
};

/** Where a program's check-in sits on the couple's path; null when it is not a step of one. */
const toPath = (value: unknown): CheckInForm['path'] =>
  isRecord(value) &&
  typeof value.step === 'number' &&
  typeof value.total === 'number' &&
  (value.nextTitle === null || typeof value.nextTitle === 'string')
    ? { step: value.step, total: value.total, nextTitle: value.nextTitle }
    : null;

const toPoints = (value: unknown): CheckInTrendPoint[] =>
  Array.isArray(value)
    ? value.filter(
        (p): p is CheckInTrendPoint =>
          isRecord(p) &&
          typeof p.occurrence === 'string' &&
          typeof p.submittedAt === 'string' &&
          (p.score === null || typeof p.score === 'number'),
      )
    : [];

/** `POST /check-ins/submit`: my scores over time, and the other partner's only where shared. */
export const toCheckInResult = (body: unknown): CheckInResult | undefined => {
  if (!isRecord(body) || typeof body.submittedAt !== 'string' || !isRecord(body.range)) return undefined;
  const { min, max } = body.range;
  if (typeof min !== 'number' || typeof max !== 'number') return undefined;
  return {
    submittedAt: body.submittedAt,
    score: typeof body.score === 'number' ? body.score : null,
    range: { min, max },
    higherIsBetter: body.higherIsBetter !== false,
    mine: toPoints(body.mine),
    partner: toPoints(body.partner),
    partnerFirstName: typeof body.partnerFirstName === 'string' ? body.partnerFirstName : null,
  };
};
