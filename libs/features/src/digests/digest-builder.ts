import { DataSource } from 'typeorm';
import type { DigestContent, DigestCoupleLine, PreSessionSubmission } from '@trellis/contracts';
import type { Couple } from '@trellis/data';
import {
  deriveAssignmentState,
  engagementPhrase,
  type EngagementSettings,
  firstName,
  needsCheckIn,
  partnerEngagement,
  type AnswerMap,
  type Prompt,
} from '@trellis/domain';
import { DigestSourcesRepository } from './digest-sources.repository';

function answerText(prompt: Prompt, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (prompt.kind === 'scale') return `${value} / ${prompt.max}`;
  if (prompt.kind === 'single_choice') return prompt.options.find((o) => o.id === value)?.label ?? String(value);
  if (prompt.kind === 'checklist' && Array.isArray(value))
    return value.map((id) => prompt.options.find((o) => o.id === id)?.label ?? id).join('; ') || '—';
  return String(value);
}

/** Scale answers at either end of the range: a partner feeling very low (or very sure) is worth a look. */
function notable(prompts: Prompt[], answers: AnswerMap): { prompt: string; value: number; max: number }[] {
  return prompts.flatMap((p) => {
    const v = answers[p.id];
    if (p.kind !== 'scale' || typeof v !== 'number') return [];
    return v <= p.min + 1 || v >= p.max - 1 ? [{ prompt: p.label, value: v, max: p.max }] : [];
  });
}

const fmt = (d: Date, tz: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: tz, day: 'numeric', month: 'long' }).format(d);

/** Builds digest content from PostgreSQL in a fixed number of queries (names are read here, at send time). */
export class DigestBuilder {
  private readonly sources: DigestSourcesRepository;

  // Built from a bare DataSource (the processor, the digest benchmark and tests all construct it so).
  constructor(db: DataSource) {
    this.sources = new DigestSourcesRepository(db);
  }

  async weekly(therapistId: string, periodStart: Date, periodEnd: Date): Promise<DigestContent | null> {
    const therapist = await this.sources.findActiveTherapist(therapistId);
    if (!therapist) return null;
    const clinic = await this.sources.clinic(therapist.clinicId);
    const couples = await this.sources.activeCaseload(clinic.id, therapistId);
    const lines = await this.lines(couples, periodStart, periodEnd, clinic);
    return {
      therapistName: therapist.name,
      clinicName: clinic.name,
      periodLabel: `${fmt(periodStart, clinic.timezone)} – ${fmt(periodEnd, clinic.timezone)}`,
      couples: lines,
      offTrack: await this.sources.offTrackCouples(clinic.id, therapistId),
    };
  }

  async preSession(
    coupleId: string,
    periodStart: Date,
    sessionAt: Date,
  ): Promise<{ therapistId: string; content: DigestContent } | null> {
    const couple = await this.sources.findActiveCouple(coupleId);
    if (!couple) return null;
    const [therapist, clinic, partners] = [
      await this.sources.staffMember(couple.therapistId),
      await this.sources.clinic(couple.clinicId),
      await this.sources.partners(coupleId),
    ];
    const now = new Date();
    const lines = await this.lines([couple], periodStart, now, clinic);
    const assignments = await this.sources.assignmentsWithResponses([couple.id]);
    const submissions: PreSessionSubmission[] = assignments
      .filter((a) => a.responses.some((r) => r.submittedAt && r.submittedAt > periodStart))
      .map((a) => {
        const byPosition = (pos: 1 | 2) => {
          const client = partners.find((p) => p.position === pos);
          const r = a.responses.find((x) => x.clientId === client?.id);
          return r?.submittedAt ? r.answers : null;
        };
        const [one, two] = [byPosition(1), byPosition(2)];
        return {
          assignmentId: a.id,
          title: a.title,
          rows: a.prompts.map((p) => ({
            prompt: p.label,
            partnerA: one ? answerText(p, one[p.id]) : 'Not submitted yet',
            partnerB: two ? answerText(p, two[p.id]) : 'Not submitted yet',
          })),
        };
      });
    return {
      therapistId: therapist.id,
      content: {
        therapistName: therapist.name,
        clinicName: clinic.name,
        periodLabel: `since ${fmt(periodStart, clinic.timezone)}`,
        couples: lines,
        submissions,
        partnerNames: [partners[0]?.name ?? 'Partner A', partners[1]?.name ?? 'Partner B'],
        sessionAt: sessionAt.toISOString(),
      },
    };
  }

  private async lines(
    couples: Couple[],
    periodStart: Date,
    periodEnd: Date,
    settings: EngagementSettings,
  ): Promise<DigestCoupleLine[]> {
    const coupleIds = couples.map((c) => c.id);
    const assignments = await this.sources.assignmentsWithResponses(coupleIds);
    const clients = await this.sources.partnersOfCouples(coupleIds);
    const name = new Map(clients.map((c) => [c.id, firstName(c.name)]));
    const now = new Date();
    return couples.map((couple) => {
      const mine = assignments.filter((a) => a.coupleId === couple.id);
      // The domain's one definition of each count (the SQL twin serves the caseload and home screen).
      const states = mine.map((a) => deriveAssignmentState(a, now));
      // The domain's rule over the rows already read: no statement more per couple.
      const partners = clients
        .filter((c) => c.coupleId === couple.id)
        .sort((x, y) => x.position - y.position)
        .map((client) => ({
          name: firstName(client.name),
          engagement: partnerEngagement(
            mine.flatMap((a) =>
              a.responses
                .filter((r) => r.clientId === client.id)
                .map((r) => ({
                  id: a.id,
                  kind: a.kind,
                  cancelled: a.cancelledAt !== null,
                  dueAt: a.dueAt,
                  submittedAt: r.submittedAt,
                  openedAt: r.linkOpenedAt,
                  startedAt: r.startedAt,
                  savedAt: r.lastSavedAt,
                })),
            ),
            now,
          ),
        }));
      return {
        coupleId: couple.id,
        coupleName: couple.displayName,
        engagement: partners.map((p) => engagementPhrase(p.name, p.engagement)).join('; '),
        checkInWith: partners.filter((p) => needsCheckIn(p.engagement.missedInARow, settings)).map((p) => p.name),
        completed: states.filter((state) => {
          const at = state.completedAt === null ? null : new Date(state.completedAt).getTime();
          return at !== null && at > periodStart.getTime() && at <= periodEnd.getTime();
        }).length,
        overdue: states.filter((state) => state.overdue).length,
        awaitingReview: states.filter((state) => state.awaitingReview).length,
        notableScales: mine.flatMap((a) =>
          a.responses
            .filter((r) => r.submittedAt && r.submittedAt > periodStart && r.submittedAt <= periodEnd)
            .flatMap((r) =>
              notable(a.prompts, r.answers).map((n) => ({
                partner: name.get(r.clientId) ?? '',
                exercise: a.title,
                ...n,
              })),
            ),
        ),
      };
    });
  }
}
