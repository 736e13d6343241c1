import type { DigestCoupleLine, DigestContent, DigestKind, DigestView } from '@trellis/contracts';
import { formatCalendarDate, todayLocal } from '../../common/dates';

const localDate = (iso: string) => formatCalendarDate(todayLocal(new Date(iso)));

export const DIGEST_KIND_LABELS: Record<DigestKind, string> = {
  weekly: 'Weekly',
  pre_session: 'Before session',
};

type DigestHead = Pick<DigestView, 'kind' | 'content'>;

/** The couple a pre-session digest is about (its only line); weekly digests cover the caseload. */
export const digestCoupleName = (digest: DigestHead): string | undefined =>
  digest.kind === 'pre_session' ? digest.content.couples[0]?.coupleName : undefined;

/** The digest's heading, worded like the email it came in. */
export const digestTitle = (digest: DigestHead): string =>
  digest.kind === 'weekly'
    ? `Your week at ${digest.content.clinicName}`
    : `Before your session with ${digestCoupleName(digest) ?? 'a couple'}`;

/** "4 May – 11 May" or "since 27 April": the worker words the period in the clinic's time zone. */
export const digestPeriod = (
  digest: Pick<DigestView, 'content' | 'periodStart' | 'periodEnd'>,
  formatInstant: (iso: string) => string = localDate,
): string =>
  digest.content.periodLabel?.trim() || `${formatInstant(digest.periodStart)} – ${formatInstant(digest.periodEnd)}`;

/** The two answer columns of a pre-session digest, by partner name. */
export const partnerColumns = (content: Pick<DigestContent, 'partnerNames'>): [string, string] => [
  content.partnerNames?.[0] || 'Partner A',
  content.partnerNames?.[1] || 'Partner B',
];

/** "Alex: How safe did you feel? 2 of 10 (Check-in)". */
export const notableScaleText = (scale: DigestCoupleLine['notableScales'][number]): string =>
  `${scale.partner ? `${scale.partner}: ` : ''}${scale.prompt} ${scale.value} of ${scale.max} (${scale.exercise})`;
