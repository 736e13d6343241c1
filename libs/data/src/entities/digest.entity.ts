import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DigestContent, DigestKind } from '@trellis/contracts';

/** A summary emailed to a therapist and kept for reading in the dashboard. */
@Entity('digest')
export class Digest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  therapistId: string;

  @Column({ type: 'text' })
  kind: DigestKind;

  @Column({ type: 'uuid', nullable: true })
  coupleId: string | null;

  @Column({ type: 'timestamptz' })
  periodStart: Date;

  @Column({ type: 'timestamptz' })
  periodEnd: Date;

  @Column({ type: 'jsonb' })
  content: DigestContent;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
