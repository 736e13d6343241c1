import { DataSource } from 'typeorm';
import type { DigestContent, DigestCoupleLine, PreSessionSubmission } from '@trellis/contracts';
import { Assignment, Client, Clinic, Couple, HomeworkResponse, StaffUser } from '@trellis/data';
import { deriveAssignmentState, firstName, type AnswerMap, type Prompt } from '@trellis/domain';

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
  constructor(private readonly db: DataSource) {}

  async weekly(therapistId: string, periodStart: Date, periodEnd: Date): Promise<DigestContent | null> {
    const therapist = await this.db.getRepository(StaffUser).findOneBy({ id: therapistId, status: 'active' });
    if (!therapist) return null;
    const clinic = await this.db.getRepository(Clinic).findOneByOrFail({ id: therapist.clinicId });
    const couples = await this.db
      .getRepository(Couple)
      .find({ where: { clinicId: clinic.id, therapistId, status: 'active' }, order: { displayName: 'ASC' } });
    const lines = await this.lines(couples, periodStart, periodEnd);
    return {
      therapistName: therapist.name,
      clinicName: clinic.name,
      periodLabel: `${fmt(periodStart, clinic.timezone)} – ${fmt(periodEnd, clinic.timezone)}`,
      couples: lines,
    };
  }

  async preSession(
    coupleId: string,
    periodStart: Date,
    sessionAt: Date,
  ): Promise<{ therapistId: string; content: DigestContent } | null> {
    const couple = await this.db.getRepository(Couple).findOneBy({ id: coupleId, status: 'active' });
    if (!couple) return null;
    const [therapist, clinic, partners] = [
      await this.db.getRepository(StaffUser).findOneByOrFail({ id: couple.therapistId }),
      await this.db.getRepository(Clinic).findOneByOrFail({ id: couple.clinicId }),
      (await this.db.getRepository(Client).findBy({ coupleId })).sort((a, b) => a.position - b.position),
    ];
    const now = new Date();
    const lines = await this.lines([couple], periodStart, now);
    const assignments: (Assignment & { responses: HomeworkResponse[] })[] = await this.withResponses([couple.id]);
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

  private async withResponses(coupleIds: string[]) {
    if (coupleIds.length === 0) return [];
    const assignments = await this.db
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .where('a.couple_id IN (:...ids)', { ids: coupleIds })
      .andWhere('a.cancelled_at IS NULL')
      .orderBy('a.due_at', 'ASC')
      .getMany();
    const responses = assignments.length
      ? await this.db
          .getRepository(HomeworkResponse)
          .createQueryBuilder('r')
          .where('r.assignment_id IN (:...ids)', { ids: assignments.map((a) => a.id) })
          .getMany()
      : [];
    return assignments.map((a) => Object.assign(a, { responses: responses.filter((r) => r.assignmentId === a.id) }));
  }

  private async lines(couples: Couple[], periodStart: Date, periodEnd: Date): Promise<DigestCoupleLine[]> {
    const assignments = await this.withResponses(couples.map((c) => c.id));
    const clients = couples.length
      ? await this.db
          .getRepository(Client)
          .createQueryBuilder('c')
          .where('c.couple_id IN (:...ids)', { ids: couples.map((c) => c.id) })
          .getMany()
      : [];
    const name = new Map(clients.map((c) => [c.id, firstName(c.name)]));
    const now = new Date();
    return couples.map((couple) => {
      const mine = assignments.filter((a) => a.coupleId === couple.id);
      // The domain's one definition of each count (the SQL twin serves the caseload and home screen).
      const states = mine.map((a) => deriveAssignmentState(a, now));
      return {
        coupleId: couple.id,
        coupleName: couple.displayName,
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
