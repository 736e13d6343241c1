import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  NOTE_SECTIONS,
  type AuditAction,
  type NoteFormat,
  type SessionUser,
  type SessionNoteView,
} from '@trellis/contracts';
import type { Couple, SessionNote } from '@trellis/data';
import type { StaffActor } from '../actor/actor';
import { AuditService } from '../audit/audit.service';
import { validationProblem } from '../http/problem.exception';
import { AddendumDto, CreateNoteDto, UpdateNoteDto } from './note.dto';
import { SessionNotesRepository, type DraftChanges } from './session-notes.repository';

const SECTION_MAX = 20_000;

function checkSections(
  format: NoteFormat,
  sections: Record<string, unknown>,
  partial: boolean,
): Record<string, string> {
  const allowed = NOTE_SECTIONS[format];
  const problems: { field: string; message: string }[] = [];
  for (const [key, value] of Object.entries(sections)) {
    if (!allowed.includes(key))
      problems.push({
        field: `sections.${key}`,
        message: `is not a ${format.toUpperCase()} section (use ${allowed.join(', ')})`,
      });
    else if (typeof value !== 'string') problems.push({ field: `sections.${key}`, message: 'must be text' });
    else if (value.length > SECTION_MAX)
      problems.push({ field: `sections.${key}`, message: `must be at most ${SECTION_MAX} characters` });
  }
  if (problems.length) throw validationProblem(problems);
  if (partial) return sections as Record<string, string>;
  return Object.fromEntries(allowed.map((key) => [key, (sections[key] as string | undefined) ?? '']));
}

/**
 * Session notes: only the couple's own therapist reads or writes them (an admin gets 404 like
 * anyone else). Signed notes are final (a database trigger refuses changes); corrections are
 * signed addenda with their own author and time. Audit rows carry ids, never note text.
 */
@Injectable()
export class NotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessionNotes: SessionNotesRepository,
    private readonly audit: AuditService,
  ) {}

  // The ownership checks run in the caller's transaction; plain reads pass the data source's own manager.
  private async ownCouple(manager: EntityManager, user: SessionUser, coupleId: string): Promise<Couple> {
    const couple = await this.sessionNotes.findCaseloadCouple(manager, user.clinicId, user.id, coupleId);
    if (!couple) throw new NotFoundException('No such couple in your caseload.');
    return couple;
  }

  private async ownNote(manager: EntityManager, user: SessionUser, noteId: string, lock = false): Promise<SessionNote> {
    const note = lock
      ? await this.sessionNotes.lockInClinic(manager, user.clinicId, noteId)
      : await this.sessionNotes.findInClinic(manager, user.clinicId, noteId);
    if (!note) throw new NotFoundException('No such note.');
    await this.ownCouple(manager, user, note.coupleId).catch(() => {
      throw new NotFoundException('No such note.');
    });
    return note;
  }

  private record(
    actor: StaffActor,
    action: AuditAction,
    recordId: string,
    manager?: EntityManager,
    details?: Record<string, string>,
  ) {
    return this.audit.record(
      actor,
      { action, outcome: 'success', recordType: 'session_note', recordId, details },
      manager,
    );
  }

  async list(actor: StaffActor, coupleId: string): Promise<SessionNoteView[]> {
    const user = actor.staff;
    const attempt = {
      action: 'note.list',
      recordType: 'session_note',
      recordId: coupleId,
      details: { coupleId },
    } as const;
    await this.audit.read(actor, attempt, () => this.ownCouple(this.dataSource.manager, user, coupleId));
    const notes = await this.sessionNotes.listForCouple(user.clinicId, coupleId);
    await this.record(actor, 'note.list', coupleId, undefined, { coupleId });
    return this.views(notes);
  }

  async get(actor: StaffActor, noteId: string): Promise<SessionNoteView> {
    const note = await this.audit.read(
      actor,
      { action: 'note.view', recordType: 'session_note', recordId: noteId },
      async () => {
        const found = await this.ownNote(this.dataSource.manager, actor.staff, noteId);
        if (found.addendumTo) throw new NotFoundException('No such note.');
        return found;
      },
    );
    const addenda = await this.sessionNotes.addendaOf(note.id);
    await this.record(actor, 'note.view', note.id);
    return (await this.views([note, ...addenda]))[0];
  }

  async create(actor: StaffActor, coupleId: string, dto: CreateNoteDto): Promise<SessionNoteView> {
    const user = actor.staff;
    const sections = checkSections(dto.format, dto.sections, false);
    if (!dto.sessionId && !dto.sessionDate)
      throw validationProblem([{ field: 'sessionDate', message: 'is required for a note not tied to a session' }]);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.ownCouple(manager, user, coupleId);
      let sessionDate = dto.sessionDate?.slice(0, 10);
      if (dto.sessionId) {
        const session = await this.sessionNotes.lockSessionOfCouple(manager, user.clinicId, coupleId, dto.sessionId);
        if (!session) throw validationProblem([{ field: 'sessionId', message: 'must be a session of this couple' }]);
        if (session.status === 'cancelled')
          throw new ConflictException('This session was cancelled: write a note about the couple instead.');
        if (session.noteId) throw new ConflictException('This session already has a note: open it instead.');
        sessionDate ??= session.localDate;
      }
      const note = await this.sessionNotes.createDraft(manager, {
        clinicId: user.clinicId,
        coupleId,
        authorId: user.id,
        format: dto.format,
        sessionDate: sessionDate as string,
        sessionId: dto.sessionId ?? null,
        sections,
      });
      await this.record(actor, 'note.create', note.id, manager, {
        coupleId,
        ...(dto.sessionId ? { sessionId: dto.sessionId } : {}),
      });
      return note.id;
    });
    return this.get(actor, id);
  }

  async update(actor: StaffActor, noteId: string, dto: UpdateNoteDto): Promise<SessionNoteView> {
    await this.dataSource.transaction(async (manager) => {
      const note = await this.ownNote(manager, actor.staff, noteId, true);
      if (note.signedAt) throw new ConflictException('Signed notes cannot be changed: add an addendum instead.');
      const changes: DraftChanges = {};
      if (dto.sections) changes.sections = { ...note.sections, ...checkSections(note.format, dto.sections, true) };
      if (dto.sessionDate) changes.sessionDate = dto.sessionDate.slice(0, 10);
      await this.sessionNotes.updateDraft(manager, note.id, changes);
      await this.record(actor, 'note.update', note.id, manager);
    });
    return this.get(actor, noteId);
  }

  async sign(actor: StaffActor, noteId: string): Promise<SessionNoteView> {
    await this.dataSource.transaction(async (manager) => {
      const note = await this.ownNote(manager, actor.staff, noteId, true);
      if (note.signedAt) throw new ConflictException('This note is already signed.');
      if (note.addendumTo) throw new NotFoundException('No such note.');
      await this.sessionNotes.markSigned(manager, note.id, new Date());
      await this.record(actor, 'note.sign', note.id, manager);
    });
    return this.get(actor, noteId);
  }

  async addAddendum(actor: StaffActor, noteId: string, dto: AddendumDto): Promise<SessionNoteView> {
    const user = actor.staff;
    await this.dataSource.transaction(async (manager) => {
      const note = await this.ownNote(manager, user, noteId);
      if (!note.signedAt || note.addendumTo)
        throw new ConflictException('Addenda are for signed notes: edit the draft instead.');
      const addendum = await this.sessionNotes.createAddendum(manager, {
        clinicId: user.clinicId,
        coupleId: note.coupleId,
        authorId: user.id,
        sessionDate: note.sessionDate,
        body: dto.body,
        signedAt: new Date(),
        addendumTo: note.id,
      });
      await this.record(actor, 'note.addendum', addendum.id, manager, { noteId: note.id });
    });
    return this.get(actor, noteId);
  }

  async deleteDraft(actor: StaffActor, noteId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const note = await this.ownNote(manager, actor.staff, noteId, true);
      if (note.signedAt) throw new ConflictException('Signed notes cannot be deleted.');
      await this.sessionNotes.deleteDraft(manager, note.id);
      await this.record(actor, 'note.delete', note.id, manager);
    });
  }

  /** Notes with their addenda and author names: two queries for any number of notes. */
  private async views(notes: SessionNote[]): Promise<SessionNoteView[]> {
    const main = notes.filter((n) => !n.addendumTo);
    const ids = main.map((n) => n.id);
    const addenda = ids.length
      ? [...notes.filter((n) => n.addendumTo), ...(await this.sessionNotes.addendaOfNotes(ids))]
      : [];
    const unique = new Map(addenda.map((a) => [a.id, a]));
    const authorIds = [...new Set([...notes, ...unique.values()].map((n) => n.authorId))];
    const authors = await this.sessionNotes.authorNames(authorIds);
    return main.map((n) => ({
      id: n.id,
      coupleId: n.coupleId,
      authorId: n.authorId,
      authorName: authors.get(n.authorId) ?? '',
      format: n.format,
      sessionDate: n.sessionDate,
      sessionId: n.sessionId,
      sections: n.sections,
      signedAt: n.signedAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
      addenda: [...unique.values()]
        .filter((a) => a.addendumTo === n.id)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((a) => ({
          id: a.id,
          authorId: a.authorId,
          authorName: authors.get(a.authorId) ?? '',
          body: a.sections.body ?? '',
          signedAt: (a.signedAt as Date).toISOString(),
        })),
    }));
  }
}
