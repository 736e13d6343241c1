import type { AgreementReviewForm, AgreementReviewItem, AgreementReviewResult } from '@trellis/contracts';

// The review API's answers, checked against the contracts before use (a captive portal can answer
// 200 with anything).

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const toItem = (value: unknown): AgreementReviewItem | null =>
  isRecord(value) &&
  typeof value.agreementId === 'string' &&
  typeof value.versionId === 'string' &&
  typeof value.text === 'string' &&
  typeof value.version === 'number'
    ? {
        agreementId: value.agreementId,
        versionId: value.versionId,
        version: value.version,
        text: value.text,
        confirmed: value.confirmed === true,
      }
    : null;

/**
 * `POST /agreement-reviews/link`: the couple's agreements and whether this partner confirmed each;
 * `weekOf` null for a link that only asks to confirm.
 */
export const toAgreementReviewForm = (body: unknown): AgreementReviewForm | undefined => {
  if (!isRecord(body) || !Array.isArray(body.agreements)) return undefined;
  if (typeof body.weekOf !== 'string' && body.weekOf !== null) return undefined;
  const agreements = body.agreements.map(toItem);
  if (agreements.some((item) => item === null)) return undefined;
  return {
    partnerFirstName: typeof body.partnerFirstName === 'string' ? body.partnerFirstName : '',
    clinicName: typeof body.clinicName === 'string' ? body.clinicName : '',
    weekOf: body.weekOf,
    agreements: agreements as AgreementReviewItem[],
  };
};

/** `POST /agreement-reviews/submit`: per agreement, the weeks in a row both said kept. */
export const toAgreementReviewResult = (body: unknown): AgreementReviewResult | undefined => {
  if (!isRecord(body) || typeof body.submittedAt !== 'string' || !Array.isArray(body.streaks)) return undefined;
  return {
    submittedAt: body.submittedAt,
    streaks: body.streaks.filter(
      (s): s is AgreementReviewResult['streaks'][number] =>
        isRecord(s) &&
        typeof s.agreementId === 'string' &&
        typeof s.text === 'string' &&
        Number.isInteger(s.keptWeeksInARow),
    ),
  };
};
