import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SafetyPauseSource } from '@trellis/domain';

/** One partner's "not safe" (from a homework page, or a concerning check-in answer), under its pause. */
@Entity('safety_flag')
export class SafetyFlag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  pauseId: string;

  @Column({ type: 'uuid' })
  clientId: string;

  @Column({ type: 'uuid' })
  responseId: string;

  @Column({ type: 'text' })
  source: SafetyPauseSource;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
