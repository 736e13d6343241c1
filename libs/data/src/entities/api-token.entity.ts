import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An integration's API token: acts with its creator's role, within a scope (read or read_write),
 * until it expires or is revoked. Only the SHA-256 of its random secret is stored.
 */
@Entity('api_token')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  clinicId: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  scope: 'read' | 'read_write';

  @Column({ type: 'text', select: false })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
