import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { NoteFormat } from '@trellis/contracts';

/** A session note: draft until signed, then read-only (a trigger enforces it); corrections are addenda. */
@Entity('session_note')
export class SessionNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  coupleId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  format: NoteFormat;

  /** Section name → text (SOAP: subjective, objective, assessment, plan; DAP: data, assessment, plan; free: body). */
  @Column({ type: 'jsonb' })
  sections: Record<string, string>;

  @Column({ type: 'date' })
  sessionDate: string;

  /** The session the note is for; null for a note about the couple rather than one session. */
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  addendumTo: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
