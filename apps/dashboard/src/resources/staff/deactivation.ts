import type { StaffMember } from '@trellis/contracts';
import { ROLE_LABELS } from './staffLabels';

/** The field the API names when a therapist being deactivated still has couples. */
export const REASSIGN_FIELD = 'reassignCouplesTo';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The API's "choose who takes over their couples" refusal (409 naming `reassignCouplesTo`), as the
 * sentence to show; undefined for any other failure.
 */
export const handoverRequest = (error: unknown): string | undefined => {
  if (!isRecord(error) || error.status !== 409) return undefined;
  const errors = isRecord(error.body) && isRecord(error.body.errors) ? error.body.errors : undefined;
  const fieldMessage = errors?.[REASSIGN_FIELD];
  if (typeof fieldMessage !== 'string') return undefined;
  return typeof error.message === 'string' && error.message !== '' ? error.message : fieldMessage;
};

/** Who can take the couples over: the other active staff, by name, each with their role. */
export const successorChoices = (staff: readonly StaffMember[], leavingId: string): { id: string; name: string }[] =>
  staff
    .filter((member) => member.status === 'active' && member.id !== leavingId)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((member) => ({ id: member.id, name: `${member.name} (${ROLE_LABELS[member.role]})` }));
