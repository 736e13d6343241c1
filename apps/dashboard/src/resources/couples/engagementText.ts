import type { PartnerEngagementView } from '@trellis/contracts';

/** "3 of the last 4" on time, or a dash before anything was due. */
export function onTimeText(p: Pick<PartnerEngagementView, 'counted' | 'missed'>): string {
  return p.counted === 0 ? 'Nothing due yet' : `${p.counted - p.missed} of the last ${p.counted}`;
}

/** "Today", "1 day ago", "12 days ago", or "Never". */
export function lastActiveText(p: Pick<PartnerEngagementView, 'daysSinceActive'>): string {
  if (p.daysSinceActive === null) return 'Never';
  if (p.daysSinceActive === 0) return 'Today';
  return `${p.daysSinceActive} ${p.daysSinceActive === 1 ? 'day' : 'days'} ago`;
}
