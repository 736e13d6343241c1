import type { AgreementCandidate, AgreementView, AgreementWeekView } from '@trellis/contracts';
import { accountsDiffer } from '@trellis/domain';
import type { AgreementRow, CandidateRow, ReviewCell } from './agreements.repository';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** The therapist's grid for one agreement: per week (newest first), each partner's answer and note. */
export function gridFor(
  agreementId: string,
  partnerIds: string[],
  weeks: string[],
  cells: Map<string, ReviewCell>,
): AgreementWeekView[] {
  return weeks.map((weekOf) => {
    const partners = partnerIds.map((clientId) => {
      const cell = cells.get(`${agreementId}/${clientId}/${weekOf}`);
      return { clientId, answer: cell?.answer ?? null, note: cell?.note ?? null };
    });
    return { weekOf, partners, accountsDiffer: accountsDiffer(partners.map((p) => p.answer)) };
  });
}

export function toAgreementView(
  row: AgreementRow,
  partnerIds: string[],
  weeks: string[],
  cells: Map<string, ReviewCell>,
): AgreementView {
  return {
    id: row.id,
    coupleId: row.coupleId,
    status: row.status,
    source: row.source,
    sourceAssignmentId: row.sourceAssignmentId,
    sourcePromptId: row.sourcePromptId,
    sourceClientId: row.sourceClientId,
    version: row.version,
    text: row.text,
    versions: (row.versions ?? []).map((v) => ({ ...v, createdAt: iso(v.createdAt) as string })),
    confirmations: partnerIds.map((clientId) => ({ clientId, confirmedAt: iso(row.confirmedAt[clientId] ?? null) })),
    weeks: gridFor(row.id, partnerIds, weeks, cells),
    createdAt: iso(row.createdAt) as string,
    retiredAt: iso(row.retiredAt),
  };
}

export const cellKey = (cell: ReviewCell): string => `${cell.agreementId}/${cell.clientId}/${cell.weekOf}`;

export function toCandidate(row: CandidateRow): AgreementCandidate {
  const prompt = (row.prompts ?? []).find((p) => p.id === row.promptId);
  return {
    assignmentId: row.assignmentId,
    promptId: row.promptId,
    promptLabel: prompt?.label ?? row.promptId,
    clientId: row.clientId,
    partnerName: row.partnerName,
    text: row.text,
    submittedAt: iso(row.submittedAt) as string,
  };
}
