import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StaffRole, StaffStatus } from '@trellis/contracts';

@Entity('staff_user')
@Index('staff_user_clinic_idx', ['clinicId'])
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  /**
   * Stored lower-cased. Unique among accounts (active or deactivated) because sign-in is by email
   * alone, and within a clinic; several clinics may hold a pending invitation for one address.
   */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: StaffRole;

  @Column({ type: 'text' })
  status: StaffStatus;

  /** argon2id; null until an invited person sets a password. */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  /** AES-256-GCM ciphertext of the TOTP secret once two-factor sign-in is on. */
  @Column({ type: 'text', nullable: true, select: false })
  totpSecretEncrypted: string | null;

  /** A secret being set up, not yet confirmed with a code. */
  @Column({ type: 'text', nullable: true, select: false })
  totpPendingSecretEncrypted: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** Last accepted TOTP time step: a code works once. */
  @Column({ type: 'bigint', nullable: true, select: false })
  totpLastStep: string | null;

  /** Sessions signed in before this are refused (set by a password reset). */
  @Column({ type: 'timestamptz', nullable: true })
  sessionsValidAfter: Date | null;

  /** Whether the Monday digest is emailed to this therapist (their own choice). */
  @Column({ type: 'boolean', default: true })
  weeklyDigest: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
