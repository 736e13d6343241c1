import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MeasureKind } from '@trellis/domain';

/**
 * A measure: built-ins (clinicId null, with a key, synced from the domain catalog) and a clinic's
 * own. What it asks and how it scores lives on its versions (MeasureVersion), never here.
 */
@Entity('measure')
export class Measure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  clinicId: string | null;

  /** Built-ins only: their stable slug in the catalog. */
  @Column({ type: 'text', nullable: true })
  key: string | null;

  @Column({ type: 'text' })
  kind: MeasureKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  /** The version new check-ins use; older versions stay for the scores computed with them. */
  @Column({ type: 'int' })
  currentVersion: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
