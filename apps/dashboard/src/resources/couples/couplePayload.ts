import type { CoupleStatus, CoupleView, PartnerView } from '@trellis/contracts';
import { type ExercisePhase, isExercisePhase, partnerRoleOf, type PartnerRole } from '@trellis/domain';
import { isoOrNull } from '../../common/dates';

type PartnerFields = Pick<PartnerView, 'name' | 'email' | 'timezone' | 'emailConsent'>;

/** `POST /couples` */
export interface CreateCoupleBody {
  displayName: string;
  nextSessionAt?: string;
  therapistId?: string;
  partners: [PartnerFields, PartnerFields];
}

/** `PATCH /couples/:id`: only what changed; partners by position, each with only its changed fields. */
export interface UpdateCoupleBody {
  displayName?: string;
  status?: CoupleStatus;
  nextSessionAt?: string | null;
  therapistId?: string;
  phase?: ExercisePhase | null;
  partners?: (Partial<PartnerFields & { role: PartnerRole }> & { position: 1 | 2 })[];
}

type FormValues = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const partnerOf = (value: unknown): PartnerFields => {
  const partner = (value ?? {}) as Partial<Record<keyof PartnerFields, unknown>>;
  return {
    name: text(partner.name),
    email: text(partner.email),
    timezone: text(partner.timezone),
    emailConsent: partner.emailConsent === true,
  };
};

/**
 * The email-consent question's answer as the form's radio shows it: 'yes', 'no', or '' while the
 * therapist has not answered (a new couple starts unanswered: consent is never assumed either way).
 */
export const consentChoice = (value: unknown): '' | 'yes' | 'no' =>
  value === true ? 'yes' : value === false ? 'no' : '';

/** The radio's answer as the form keeps it: true, false, or null while unanswered. */
export const consentFromChoice = (value: unknown): boolean | null =>
  value === 'yes' ? true : value === 'no' ? false : null;

/** The create form's values as `POST /couples` takes them: exactly the fields it knows. */
export const createCoupleBody = (values: FormValues): CreateCoupleBody => {
  const partners = Array.isArray(values.partners) ? values.partners : [];
  const nextSessionAt = isoOrNull(values.nextSessionAt);
  const therapistId = text(values.therapistId);
  return {
    displayName: text(values.displayName),
    ...(nextSessionAt ? { nextSessionAt } : {}),
    ...(therapistId ? { therapistId } : {}),
    partners: [partnerOf(partners[0]), partnerOf(partners[1])],
  };
};

/**
 * The edit form's values as a minimal `PATCH /couples/:id`: unchanged fields are left out, so two
 * people editing different things do not overwrite each other and the audit names what changed.
 */
export const updateCoupleBody = (values: FormValues, previous: CoupleView): UpdateCoupleBody => {
  const body: UpdateCoupleBody = {};
  const displayName = text(values.displayName);
  if (displayName !== previous.displayName) body.displayName = displayName;
  const nextSessionAt = isoOrNull(values.nextSessionAt);
  const previousNext = isoOrNull(previous.nextSessionAt);
  if (nextSessionAt !== previousNext) body.nextSessionAt = nextSessionAt;
  const therapistId = text(values.therapistId);
  if (therapistId && therapistId !== previous.therapistId) body.therapistId = therapistId;
  const phase = isExercisePhase(values.phase) ? values.phase : null;
  if (phase !== (previous.phase ?? null)) body.phase = phase;

  const partners = Array.isArray(values.partners) ? values.partners : [];
  const changes: NonNullable<UpdateCoupleBody['partners']> = [];
  for (const before of previous.partners) {
    const value = partners.find((p: Partial<PartnerView>) => p?.position === before.position);
    const after = { ...partnerOf(value), role: partnerRoleOf((value as Partial<PartnerView> | undefined)?.role) };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (key) => after[key] !== (before[key] ?? (key === 'role' ? 'not_set' : undefined)),
    );
    if (changed.length > 0) {
      changes.push({ position: before.position, ...Object.fromEntries(changed.map((key) => [key, after[key]])) });
    }
  }
  if (changes.length > 0) body.partners = changes;
  return body;
};
