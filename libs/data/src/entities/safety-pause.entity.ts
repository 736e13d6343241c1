import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A couple's safety pause: open from the first partner's flag until the therapist lifts it with a
 * note of what was done. At most one is open per couple (a unique partial index).
 */
@Entity('safety_pause')
export class SafetyPause {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  coupleId: string;

  @Column({ type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  liftedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  liftedBy: string | null;

  @Column({ type: 'text', nullable: true })
  liftNote: string | null;
}
