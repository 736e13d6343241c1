import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MeasureDefinition } from '@trellis/domain';

/** One version of a measure's definition. Insert-only: the database refuses updates and deletes. */
@Entity('measure_version')
export class MeasureVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  measureId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  definition: MeasureDefinition;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
