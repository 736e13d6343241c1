import type { Prompt } from './prompt.types';

/**
 * Where a partner stands in the breach, as the therapist records it on the couple. The hurt partner
 * and the partner who broke trust need different questions (the hurt partner must never be asked,
 * early on, for matching accountability); `both` is for couples where each hurt the other.
 *
 * Therapist-only: a partner's role never appears in anything sent to a partner.
 */
export const PARTNER_ROLES = ['hurt', 'broke_trust', 'both', 'not_set'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** A prompt may be written for one side only; a prompt without `forRole` is for everyone. */
export const PROMPT_ROLES = ['hurt', 'broke_trust'] as const;
export type PromptRole = (typeof PROMPT_ROLES)[number];

export const PARTNER_ROLE_LABELS: Record<PartnerRole, string> = {
  hurt: 'Was hurt',
  broke_trust: 'Broke trust',
  both: 'Both hurt each other',
  not_set: 'Not set',
};

export const PROMPT_ROLE_LABELS: Record<PromptRole, string> = {
  hurt: 'The partner who was hurt',
  broke_trust: 'The partner who broke trust',
};

export function isPartnerRole(value: unknown): value is PartnerRole {
  return typeof value === 'string' && (PARTNER_ROLES as readonly string[]).includes(value);
}

export function isPromptRole(value: unknown): value is PromptRole {
  return typeof value === 'string' && (PROMPT_ROLES as readonly string[]).includes(value);
}

/** A partner's role as stored; anything unreadable counts as not set (they see only the common prompts). */
export function partnerRoleOf(value: unknown): PartnerRole {
  return isPartnerRole(value) ? value : 'not_set';
}

/** Whether a partner in `role` is asked this prompt. */
export function promptIsForRole(prompt: { readonly forRole?: unknown }, role: PartnerRole): boolean {
  if (prompt.forRole === undefined || prompt.forRole === null) return true;
  if (!isPromptRole(prompt.forRole)) return false; // fail closed: an unknown target reaches nobody
  if (role === 'both') return true;
  return prompt.forRole === role;
}

/**
 * The one rule for which prompts a partner sees: the common ones, plus those written for their
 * role (`both` sees both sides; `not_set` only the common ones). The homework API shows, checks
 * and shares answers through this list only, so the other side's prompts, and with them the
 * partner's role, never reach a partner. The prompts come back without their `forRole`, which
 * would name the role too, and without their options' `concerning` marks.
 */
export function promptsForRole<P extends Prompt>(prompts: readonly P[], role: PartnerRole): P[] {
  return prompts.filter((prompt) => promptIsForRole(prompt, role)).map(withoutTarget);
}

/**
 * A prompt as a partner receives it: whom it targets would tell them their recorded role, and which
 * answers of a safety check-in are concerning would tell them (or whoever reads their phone) which
 * answers alert the counselor.
 */
function withoutTarget<P extends Prompt>(prompt: P): P {
  const { forRole: _target, ...rest } = prompt;
  const shown = rest as P;
  if (shown.kind !== 'single_choice' && shown.kind !== 'checklist') return shown;
  if (!shown.options.some((option) => 'concerning' in option)) return shown;
  return { ...shown, options: shown.options.map(({ concerning: _concerning, ...option }) => option) };
}

/** True when some prompts are written for one role: the couple's roles decide what each partner sees. */
export function hasRolePrompts(prompts: readonly { readonly forRole?: unknown }[]): boolean {
  return prompts.some((prompt) => prompt.forRole !== undefined && prompt.forRole !== null);
}
