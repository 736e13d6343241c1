import type { EngagementCheckIn } from '@trellis/contracts';
import { relativeTime } from '../common/dates';

/** "missed 3 in a row · last active 2 weeks ago": counts and times only. */
export function checkInDetail(item: Pick<EngagementCheckIn, 'coupleName' | 'missedInARow' | 'lastActiveAt'>): string {
  const active = item.lastActiveAt === null ? 'never opened a link' : `last active ${relativeTime(item.lastActiveAt)}`;
  return `${item.coupleName} · missed ${item.missedInARow} in a row · ${active}`;
}

/** The "Check in with …" panel's rows: each partner, and where their couple's page is. */
export const checkInItems = (items: readonly EngagementCheckIn[] | undefined) =>
  (items ?? []).map((item) => ({
    key: item.clientId,
    to: `/couples/${item.coupleId}/show`,
    primary: `Check in with ${item.partnerName}`,
    secondary: checkInDetail(item),
  }));
