import type { StaffMember, StaffMemberDetail, StaffRole } from '@trellis/contracts';
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

/**
 * Asked in the first deactivation dialog, from the staff page's count: who takes over this
 * person's active and paused couples. Undefined when they have none. (If couples arrive between
 * page load and confirming, the API's 409 asks the same question.)
 */
export const handoverPrompt = (record: Pick<StaffMemberDetail, 'name' | 'openCoupleCount'>): string | undefined => {
  const count = record.openCoupleCount;
  if (!count || count <= 0) return undefined;
  return `${record.name} has ${count === 1 ? '1 active or paused couple' : `${count} active or paused couples`}: choose who takes them over.`;
};

/** Making someone an administrator gives them every staff and audit power: confirmed first. */
export const promotionConfirmation = (
  record: Pick<StaffMember, 'name' | 'role'>,
  nextRole: unknown,
): { title: string; content: string } | undefined =>
  record.role !== 'admin' && (nextRole as StaffRole) === 'admin'
    ? {
        title: `Make ${record.name} an administrator?`,
        content: `${record.name} will be able to invite, deactivate and change the role of any staff member, reassign any couple, change the clinic’s settings and read the whole audit log.`,
      }
    : undefined;

/** Who can take the couples over: the other active staff, by name, each with their role. */
export const successorChoices = (staff: readonly StaffMember[], leavingId: string): { id: string; name: string }[] =>
  staff
    .filter((member) => member.status === 'active' && member.id !== leavingId)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((member) => ({ id: member.id, name: `${member.name} (${ROLE_LABELS[member.role]})` }));
