import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { NoteFormat } from '@trellis/contracts';
import { Couple, SessionNote, StaffUser } from '@trellis/data';

export interface NewDraftNote {
  clinicId: string;
  coupleId: string;
  authorId: string;
  format: NoteFormat;
  sessionDate: string;
  sessionId: string | null;
  sections: Record<string, string>;
}

export interface NewAddendum {
  clinicId: string;
  coupleId: string;
  authorId: string;
  sessionDate: string;
  body: string;
  signedAt: Date;
  /** The signed note it corrects. */
  addendumTo: string;
}

export interface DraftChanges {
  sections?: Record<string, string>;
  sessionDate?: string;
}

/**
 * The session note aggregate (a note and its addenda): where the notes feature's SQL lives. Reads
 * that also run inside a transaction, and every write, take the caller's EntityManager.
 */
@Injectable()
export class SessionNotesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The couple, if it is in this therapist's caseload in this clinic. */
  findCaseloadCouple(
    manager: EntityManager,
    clinicId: string,
    therapistId: string,
    coupleId: string,
  ): Promise<Couple | null> {
    return manager.findOneBy(Couple, { id: coupleId, clinicId, therapistId });
  }

  /**
   * The couple's session (locked, so two notes cannot be started for it at once), its local date in
   * the clinic's time zone, and the note it already has, if any.
   */
  async lockSessionOfCouple(
    manager: EntityManager,
    clinicId: string,
    coupleId: string,
    sessionId: string,
  ): Promise<{ status: string; localDate: string; noteId: string | null } | null> {
    const rows: { status: string; local_date: string; note_id: string | null }[] = await manager.query(
      `SELECT s.status, to_char(s.starts_at AT TIME ZONE cl.timezone, 'YYYY-MM-DD') AS local_date,
              (SELECT n.id FROM session_note n WHERE n.session_id = s.id AND n.addendum_to IS NULL LIMIT 1) AS note_id
       FROM session s JOIN clinic cl ON cl.id = s.clinic_id
       WHERE s.id = $1 AND s.clinic_id = $2 AND s.couple_id = $3
       FOR UPDATE OF s`,
      [sessionId, clinicId, coupleId],
    );
    const row = rows[0];
    return row ? { status: row.status, localDate: row.local_date, noteId: row.note_id } : null;
  }

  findInClinic(manager: EntityManager, clinicId: string, noteId: string): Promise<SessionNote | null> {
    return manager.findOne(SessionNote, { where: { id: noteId, clinicId } });
  }

  /** The same note, its row locked until the caller's transaction ends. */
  lockInClinic(manager: EntityManager, clinicId: string, noteId: string): Promise<SessionNote | null> {
    return manager.findOne(SessionNote, { where: { id: noteId, clinicId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The couple's notes and addenda, latest session first. */
  listForCouple(clinicId: string, coupleId: string): Promise<SessionNote[]> {
    return this.dataSource
      .getRepository(SessionNote)
      .find({ where: { coupleId, clinicId }, order: { sessionDate: 'DESC', createdAt: 'DESC' } });
  }

  addendaOf(noteId: string): Promise<SessionNote[]> {
    return this.dataSource.getRepository(SessionNote).findBy({ addendumTo: noteId });
  }

  /** The addenda of several notes in one query, oldest first. */
  addendaOfNotes(noteIds: readonly string[]): Promise<SessionNote[]> {
    return this.dataSource
      .getRepository(SessionNote)
      .find({ where: { addendumTo: In([...noteIds]) }, order: { createdAt: 'ASC' } });
  }

  /** Staff id → name, in one query for any number of authors. */
  async authorNames(authorIds: readonly string[]): Promise<Map<string, string>> {
    if (authorIds.length === 0) return new Map();
    const authors = await this.dataSource.getRepository(StaffUser).findBy({ id: In([...authorIds]) });
    return new Map(authors.map((s) => [s.id, s.name]));
  }

  createDraft(manager: EntityManager, draft: NewDraftNote): Promise<SessionNote> {
    return manager.save(manager.create(SessionNote, draft));
  }

  /** Addenda are free text, signed as they are written. */
  createAddendum(manager: EntityManager, addendum: NewAddendum): Promise<SessionNote> {
    const { body, ...rest } = addendum;
    return manager.save(manager.create(SessionNote, { ...rest, format: 'free', sections: { body } }));
  }

  async updateDraft(manager: EntityManager, noteId: string, changes: DraftChanges): Promise<void> {
    await manager.update(SessionNote, { id: noteId }, changes);
  }

  async markSigned(manager: EntityManager, noteId: string, signedAt: Date): Promise<void> {
    await manager.update(SessionNote, { id: noteId }, { signedAt });
  }

  async deleteDraft(manager: EntityManager, noteId: string): Promise<void> {
    await manager.delete(SessionNote, { id: noteId });
  }
}
