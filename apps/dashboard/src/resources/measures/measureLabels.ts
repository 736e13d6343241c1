import type { MeasureSource } from '@trellis/contracts';
import type { MeasureKind } from '@trellis/domain';

export const KIND_LABELS: Record<MeasureKind, string> = {
  outcome: 'Check-in (how things are going)',
  alliance: 'Session check-out',
};

export const SOURCE_LABELS: Record<MeasureSource, string> = { builtin: 'Built-in', clinic: 'Your clinic' };

export const kindChoices = (Object.keys(KIND_LABELS) as MeasureKind[]).map((id) => ({ id, name: KIND_LABELS[id] }));
export const sourceChoices = (Object.keys(SOURCE_LABELS) as MeasureSource[]).map((id) => ({
  id,
  name: SOURCE_LABELS[id],
}));
