import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PartnerRole } from '@trellis/domain';

/** A partner. Clients have no account: they reach their homework through emailed links. */
@Entity('client')
export class Client {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  coupleId: string;

  /** 1 or 2: partner A or B, stable for side-by-side views. */
  @Column({ type: 'smallint' })
  position: 1 | 2;

  @Column({ type: 'text' })
  name: string;

  /** Partners may share one inbox, so this is not unique. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'boolean' })
  emailConsent: boolean;

  /**
   * Where this partner stands in the breach, as the therapist recorded it. Therapist-only: it picks
   * which prompts the partner sees and is never sent to a partner.
   */
  @Column({ type: 'text', default: 'not_set' })
  role: PartnerRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
