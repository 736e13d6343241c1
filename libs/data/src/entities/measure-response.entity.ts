import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ScoreBand } from '@trellis/domain';

/** One partner's scored answers to one check-in. Insert-only: the database refuses updates and deletes. */
@Entity('measure_response')
export class MeasureResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  coupleId: string;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'uuid' })
  measureId: string;

  /** The version the answers were scored with; later versions never rescore them. */
  @Column({ type: 'uuid' })
  measureVersionId: string;

  /** The check-in occurrence answered (see planNextCheckIn): one answer per partner per occurrence. */
  @Column({ type: 'text' })
  occurrence: string;

  @Column({ type: 'jsonb' })
  answers: Record<string, number | null>;

  @Column({ type: 'jsonb' })
  itemScores: Record<string, number>;

  /** numeric(8,2), read back as a number; null when too many items were skipped to score. */
  @Column({
    type: 'numeric',
    precision: 8,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  score: number | null;

  @Column({ type: 'boolean' })
  prorated: boolean;

  @Column({ type: 'text', nullable: true })
  band: ScoreBand | null;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;
}
