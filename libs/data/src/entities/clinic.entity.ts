import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The tenant. Every clinical row carries its clinic's id and every query filters by it. */
@Entity('clinic')
export class Clinic {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** IANA zone used for digests and for displaying dates to staff. */
  @Column({ type: 'text', default: 'UTC' })
  timezone: string;

  /** Every staff member must use two-factor sign-in. */
  @Column({ type: 'boolean', default: false })
  requireTwoFactor: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
