import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuthTokenPurpose = 'invitation' | 'password_reset';

/**
 * A single-use link for staff (invitation, password reset). The secret is minted by the worker at
 * send time and only its hash lands here; a resend mints a new one and revokes the old.
 */
@Entity('auth_token')
export class AuthToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  staffUserId: string;

  @Column({ type: 'text' })
  purpose: AuthTokenPurpose;

  @Column({ type: 'text', nullable: true, select: false })
  tokenHash: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
