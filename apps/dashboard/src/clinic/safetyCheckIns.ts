import { SAFETY_CHECK_IN_INTERVAL_MAX_DAYS, SAFETY_CHECK_IN_INTERVAL_MIN_DAYS } from '@trellis/domain';

/** What the form shows when check-ins are off and an admin turns them on: every four weeks. */
export const SUGGESTED_SAFETY_CHECK_IN_DAYS = 28;

/** The form's two fields (a switch and the interval) from the clinic's one setting (null: off). */
export function safetyCheckInFormValues(intervalDays: number | null): {
  safetyCheckInsOn: boolean;
  safetyCheckInIntervalDays: number;
} {
  return {
    safetyCheckInsOn: intervalDays !== null,
    safetyCheckInIntervalDays: intervalDays ?? SUGGESTED_SAFETY_CHECK_IN_DAYS,
  };
}

/** Back to the setting the API takes: off is null, whatever interval the hidden field still holds. */
export function safetyCheckInSetting(values: { safetyCheckInsOn?: unknown; safetyCheckInIntervalDays?: unknown }) {
  if (values.safetyCheckInsOn !== true) return null;
  const days = values.safetyCheckInIntervalDays;
  return typeof days === 'number' ? days : Number(days);
}

/** The API's bounds, said in the form before it is sent (the server checks them again). */
export function validateSafetyCheckInDays(value: unknown): string | undefined {
  const days = typeof value === 'number' ? value : Number(value);
  if (value === null || value === '' || value === undefined || !Number.isInteger(days))
    return 'Enter a whole number of days.';
  if (days < SAFETY_CHECK_IN_INTERVAL_MIN_DAYS || days > SAFETY_CHECK_IN_INTERVAL_MAX_DAYS)
    return `Between ${SAFETY_CHECK_IN_INTERVAL_MIN_DAYS} and ${SAFETY_CHECK_IN_INTERVAL_MAX_DAYS} days.`;
  return undefined;
}
