import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CoupleProgram, CoupleProgramStep, Exercise, Program, type StoredProgramStep } from '@trellis/data';
import {
  type AdvanceGate,
  type AssignmentWarningExercise,
  type EnrolmentStatus,
  type ExercisePhase,
  type OpenStepFacts,
  type PartnerRole,
  partnerRoleOf,
} from '@trellis/domain';
import { type SafetyConcernColumns, safetyConcernColumnsSql, safetyConcernOf } from '../safety/safety-concern.sql';
import { partnerFlaggedUnderOpenPauseSql } from '../safety/open-safety-pause.sql';

export interface NewProgram {
  clinicId: string;
  title: string;
  description: string;
  steps: StoredProgramStep[];
  createdBy: string;
}

/**
 * The couple and its state, as advancing a path needs them, and what the assign dialog's cautions
 * (`assignmentWarnings`) ask of the couple: its phase, its partners' roles, an open safety concern.
 */
export interface CoupleGate extends Omit<AdvanceGate, 'enrolmentStatus'> {
  therapistId: string;
  phase: ExercisePhase | null;
  partnerRoles: PartnerRole[];
}

/** What the cautions and the safety hold need to know of a step's exercise. */
export type StepExercise = AssignmentWarningExercise;

/** Programs and couples' paths: the programs feature's SQL. Writes take the caller's transaction. */
/** One partner's side of an open check-in step (`checkInStepPartners`). */
export interface CheckInStepPartner {
  position: 1 | 2;
  name: string;
  emailConsent: boolean;
  coupleStatus: string;
  answered: boolean;
  emailed: boolean;
  heldBySafetyPause: boolean;
}

@Injectable()
export class ProgramsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Built-ins first, then the clinic's own by title: one statement. */
  list(clinicId: string): Promise<Program[]> {
    return this.dataSource
      .getRepository(Program)
      .createQueryBuilder('p')
      .where('(p.clinic_id IS NULL OR p.clinic_id = :clinicId)', { clinicId })
      .orderBy('p.clinic_id', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.title', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  /** A built-in program or the clinic's own; another clinic's is not found. */
  findVisible(clinicId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<Program | null> {
    return manager
      .getRepository(Program)
      .createQueryBuilder('p')
      .where('p.id = :id AND (p.clinic_id IS NULL OR p.clinic_id = :clinicId)', { id, clinicId })
      .getOne();
  }

  insert(manager: EntityManager, program: NewProgram): Promise<Program> {
    return manager.save(manager.create(Program, program));
  }

  async update(manager: EntityManager, id: string, changes: Partial<Program>): Promise<void> {
    await manager.update(Program, { id }, changes);
  }

  /** The exercises a program may name (built-in homework or the clinic's own, not archived), in one statement. */
  async assignableExercises(
    manager: EntityManager,
    clinicId: string,
    ids: readonly string[],
  ): Promise<Map<string, Pick<Exercise, 'id' | 'coercionSensitive'>>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; coercion_sensitive: boolean }[] = await manager.query(
      `SELECT id, coercion_sensitive FROM exercise
       WHERE id = ANY($1::uuid[]) AND kind = 'homework' AND archived_at IS NULL
         AND (clinic_id IS NULL OR clinic_id = $2)`,
      [ids, clinicId],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, coercionSensitive: r.coercion_sensitive }]));
  }

  /**
   * The measures a check-in step may name (built-in or the clinic's own, not archived): the same
   * rule as a check-in schedule's measure. One statement.
   */
  async assignableMeasures(manager: EntityManager, clinicId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM measure
       WHERE id = ANY($1::uuid[]) AND archived_at IS NULL AND (clinic_id IS NULL OR clinic_id = $2)`,
      [ids, clinicId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The titles of the measures check-in steps name, whatever became of them since: one statement. */
  async measureTitles(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: { id: string; title: string }[] = await manager.query(
      `SELECT id, title FROM measure WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /** The couple's partners and their time zones, for a check-in step's sends. */
  partners(manager: EntityManager, coupleId: string): Promise<{ id: string; timezone: string }[]> {
    return manager.query(`SELECT id, timezone FROM client WHERE couple_id = $1 ORDER BY position`, [coupleId]);
  }

  /**
   * The partners whose check-in for this step was never made (its send came due while the path was
   * paused, or has not run yet), with their time zones.
   */
  partnersWithoutStepCheckIn(
    manager: EntityManager,
    coupleId: string,
    stepId: string,
  ): Promise<{ id: string; timezone: string }[]> {
    return manager.query(
      `SELECT p.id, p.timezone FROM client p
       WHERE p.couple_id = $1
         AND NOT EXISTS (SELECT 1 FROM check_in k WHERE k.program_step_id = $2 AND k.client_id = p.id)
       ORDER BY p.position`,
      [coupleId, stepId],
    );
  }

  /** The exercise a step issues, whatever became of it since (the program chose it). */
  exercise(manager: EntityManager, id: string): Promise<Exercise | null> {
    return manager.findOneBy(Exercise, { id });
  }

  /** The couple's path under way (active or paused), locked when about to change or advance. */
  currentEnrolment(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
    lock = false,
  ): Promise<CoupleProgram | null> {
    const query = manager
      .getRepository(CoupleProgram)
      .createQueryBuilder('e')
      .where("e.clinic_id = :clinicId AND e.couple_id = :coupleId AND e.status IN ('active', 'paused')", {
        clinicId,
        coupleId,
      });
    return (lock ? query.setLock('pessimistic_write') : query).getOne();
  }

  /** The couple's latest path: the one under way, or else the last finished or stopped one. */
  latestEnrolment(manager: EntityManager, clinicId: string, coupleId: string): Promise<CoupleProgram | null> {
    return manager.findOne(CoupleProgram, {
      where: { clinicId, coupleId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  insertEnrolment(
    manager: EntityManager,
    enrolment: Pick<CoupleProgram, 'clinicId' | 'coupleId' | 'programId' | 'title' | 'enrolledBy'>,
  ): Promise<CoupleProgram> {
    return manager.save(manager.create(CoupleProgram, enrolment));
  }

  async setEnrolmentStatus(manager: EntityManager, id: string, status: EnrolmentStatus): Promise<void> {
    await manager.update(
      CoupleProgram,
      { id },
      { status, ...(status === 'completed' ? { completedAt: new Date() } : {}) },
    );
  }

  /** Copies steps into an enrolment at the given positions, in one statement. */
  async insertSteps(
    manager: EntityManager,
    enrolment: Pick<CoupleProgram, 'id' | 'clinicId'>,
    steps: readonly (StoredProgramStep & { position: number })[],
  ): Promise<void> {
    if (steps.length === 0) return;
    await manager.query(
      `INSERT INTO couple_program_step
         (clinic_id, couple_program_id, position, title, kind, exercise_id, measure_id, opens_when, after_sessions,
          due_in_days)
       SELECT $1::uuid, $2::uuid, s.position, s.title, s.kind, s.exercise_id, s.measure_id, s.opens_when,
              s.after_sessions, s.due_in_days
       FROM unnest($3::int[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::int[], $9::int[], $10::uuid[])
         AS s(position, title, kind, exercise_id, opens_when, after_sessions, due_in_days, measure_id)`,
      [
        enrolment.clinicId,
        enrolment.id,
        steps.map((s) => s.position),
        steps.map((s) => s.title),
        steps.map((s) => s.kind),
        steps.map((s) => s.exercise),
        steps.map((s) => s.opensWhen),
        steps.map((s) => s.afterSessions),
        steps.map((s) => s.dueInDays),
        steps.map((s) => s.measure ?? null),
      ],
    );
  }

  /** An enrolment's steps in order. */
  steps(manager: EntityManager, enrolmentId: string): Promise<CoupleProgramStep[]> {
    return manager.find(CoupleProgramStep, { where: { coupleProgramId: enrolmentId }, order: { position: 'ASC' } });
  }

  async setStep(manager: EntityManager, id: string, changes: Partial<CoupleProgramStep>): Promise<void> {
    await manager.update(CoupleProgramStep, { id }, changes);
  }

  /** Moves steps to new positions in one statement (the unique position is checked at commit). */
  async movePositions(manager: EntityManager, moves: readonly { id: string; position: number }[]): Promise<void> {
    if (moves.length === 0) return;
    await manager.query(
      `UPDATE couple_program_step s SET position = m.position
       FROM unnest($1::uuid[], $2::int[]) AS m(id, position) WHERE s.id = m.id`,
      [moves.map((m) => m.id), moves.map((m) => m.position)],
    );
  }

  /**
   * The couple's status, therapist, phase and partners' roles, and whether a safety pause or
   * concern is open (the same columns as the couple page, decided by `openSafetyConcern`): one
   * statement.
   */
  async coupleGate(manager: EntityManager, clinicId: string, coupleId: string): Promise<CoupleGate | null> {
    const [row]: (SafetyConcernColumns & {
      status: CoupleGate['coupleStatus'];
      therapist_id: string;
      phase: ExercisePhase | null;
      roles: unknown[];
    })[] = await manager.query(
      `SELECT c.status, c.therapist_id, c.phase,
              (SELECT coalesce(json_agg(p.role ORDER BY p.position), '[]') FROM client p WHERE p.couple_id = c.id) AS roles,
              ${safetyConcernColumnsSql('c')}
       FROM couple c WHERE c.id = $1 AND c.clinic_id = $2`,
      [coupleId, clinicId],
    );
    if (!row) return null;
    return {
      coupleStatus: row.status,
      therapistId: row.therapist_id,
      safetyPaused: row.safety_pause_open,
      safetyConcernOpen: safetyConcernOf(row) !== null,
      phase: row.phase,
      partnerRoles: row.roles.map(partnerRoleOf),
    };
  }

  /**
   * Each exercise step's exercise as it is now (the step issues it when it opens): its phase,
   * whether it is coercion-sensitive, and whom its prompts target. One statement for the whole
   * path, keyed by step id; a "discuss" step has none.
   */
  async stepExercises(manager: EntityManager, enrolmentId: string): Promise<Map<string, StepExercise>> {
    const rows: { id: string; phase: ExercisePhase | null; coercion_sensitive: boolean; for_roles: unknown[] }[] =
      await manager.query(
        `SELECT s.id, e.phase, e.coercion_sensitive,
                (SELECT coalesce(json_agg(p.prompt -> 'forRole'), '[]')
                 FROM jsonb_array_elements(e.prompts) AS p(prompt)) AS for_roles
         FROM couple_program_step s JOIN exercise e ON e.id = s.exercise_id
         WHERE s.couple_program_id = $1`,
        [enrolmentId],
      );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          phase: r.phase,
          coercionSensitive: r.coercion_sensitive,
          prompts: r.for_roles.map((forRole) => ({ forRole })),
        },
      ]),
    );
  }

  /**
   * What happened to the open step since it opened: its homework's submissions and review (for a
   * check-in step: its check-ins sent and answered), and the couple's sessions held that started
   * after it opened. One statement.
   */
  async openStepFacts(manager: EntityManager, step: CoupleProgramStep, coupleId: string): Promise<OpenStepFacts> {
    const [row]: { submitted: number; partners: number; reviewed: boolean; sessions_held: number }[] =
      await manager.query(
        `SELECT
           (SELECT count(*) FROM homework_response r WHERE r.assignment_id = $1 AND r.submitted_at IS NOT NULL)::int
           + (SELECT count(*) FROM check_in k WHERE k.program_step_id = $4 AND k.submitted_at IS NOT NULL)::int AS submitted,
           (SELECT count(*) FROM homework_response r WHERE r.assignment_id = $1)::int
           -- A check-in step waits for both partners, not for the rows made so far: each partner's
           -- is made when their own job fires (out of their quiet hours), so one may not exist yet.
           + CASE WHEN $5 = 'check_in' THEN (SELECT count(*) FROM client p WHERE p.couple_id = $2)::int ELSE 0 END
             AS partners,
           COALESCE((SELECT a.reviewed_at IS NOT NULL FROM assignment a WHERE a.id = $1), false) AS reviewed,
           (SELECT count(*) FROM session s
            WHERE s.couple_id = $2 AND s.status = 'held' AND s.starts_at >= $3)::int AS sessions_held`,
        [step.assignmentId, coupleId, step.openedAt ?? new Date(), step.id, step.kind],
      );
    return {
      submitted: row.submitted,
      partners: row.partners,
      reviewed: row.reviewed,
      sessionsHeld: row.sessions_held,
    };
  }

  /**
   * Each partner's side of an open check-in step: whether their check-in was made, emailed (its
   * link minted) or answered, and what may hold it (consent, a safety pause they raised, the couple
   * not active) — the same facts the send and the email re-check, for the therapist's path view.
   */
  async checkInStepPartners(manager: EntityManager, stepId: string, coupleId: string): Promise<CheckInStepPartner[]> {
    return manager.query(
      `SELECT p.position, p.name, p.email_consent AS "emailConsent", c.status AS "coupleStatus",
              COALESCE(k.submitted_at IS NOT NULL, false) AS answered,
              COALESCE(k.link_expires_at IS NOT NULL, false) AS emailed,
              ${partnerFlaggedUnderOpenPauseSql('c.id', 'p.id')} AS "heldBySafetyPause"
       FROM client p
       JOIN couple c ON c.id = p.couple_id
       LEFT JOIN check_in k ON k.program_step_id = $1 AND k.client_id = p.id
       WHERE p.couple_id = $2
       ORDER BY p.position`,
      [stepId, coupleId],
    );
  }

  /** The step that opened this homework and its enrolment's steps, for the partner's page. */
  async pathOfAssignment(
    manager: EntityManager,
    assignmentId: string,
  ): Promise<{ stepPosition: number; steps: Pick<CoupleProgramStep, 'position' | 'status' | 'title'>[] } | null> {
    const rows: { position: number; status: CoupleProgramStep['status']; title: string; mine: boolean }[] =
      await manager.query(
        `SELECT s.position, s.status, s.title, s.assignment_id = $1 AS mine
         FROM couple_program_step s
         WHERE s.couple_program_id = (SELECT couple_program_id FROM couple_program_step WHERE assignment_id = $1)
         ORDER BY s.position`,
        [assignmentId],
      );
    const mine = rows.find((r) => r.mine);
    return mine ? { stepPosition: mine.position, steps: rows } : null;
  }
}
