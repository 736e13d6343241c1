import type { MeasureDetail, MeasureSummary } from '@trellis/contracts';
import type { MeasureDefinition } from '@trellis/domain';
import type { CurrentMeasure, MeasureWithVersions } from './measures.repository';

function summaryOf(m: Omit<CurrentMeasure, 'definition'>, definition: MeasureDefinition): MeasureSummary {
  return {
    id: m.id,
    key: m.key,
    kind: m.kind,
    title: m.title,
    description: m.description,
    source: m.clinicId === null ? 'builtin' : 'clinic',
    currentVersion: m.currentVersion,
    itemCount: definition.items.length,
    range: definition.range,
    higherIsBetter: definition.higherIsBetter,
    clinicalCutoff: definition.clinicalCutoff,
    reliableChange: definition.reliableChange,
  };
}

export function toMeasureSummary(m: CurrentMeasure): MeasureSummary {
  return summaryOf(m, m.definition);
}

export function toMeasureDetail(m: MeasureWithVersions): MeasureDetail {
  const current = m.versions.find((v) => v.version === m.currentVersion) ?? m.versions[0];
  return {
    ...summaryOf(m, current.definition),
    definition: current.definition,
    versions: m.versions.map((v) => ({
      version: v.version,
      definition: v.definition,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}
