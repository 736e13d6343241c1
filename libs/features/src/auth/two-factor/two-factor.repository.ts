import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { StaffRecoveryCode, StaffUser } from '@trellis/data';

/**
 * A staff member's second factor: the sealed TOTP secrets and last accepted step on `staff_user`,
 * and their hashed `staff_recovery_code` rows. Where the two-factor SQL lives; secrets arrive
 * sealed and codes hashed. Writes, and the reads done inside a change, take the caller's
 * transaction (or the DataSource's manager for a write that is one statement on its own).
 */
@Injectable()
export class TwoFactorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isEnabled(staffId: string): Promise<boolean> {
    const staff = await this.dataSource.getRepository(StaffUser).findOneByOrFail({ id: staffId });
    return staff.totpEnabledAt !== null;
  }

  /** A secret being set up: it does nothing until a first code confirms it. */
  async savePendingSecret(manager: EntityManager, staffId: string, sealedSecret: string): Promise<void> {
    await manager.update(StaffUser, { id: staffId }, { totpPendingSecretEncrypted: sealedSecret });
  }

  /** The sealed secret being set up (null when none is), the row locked until the transaction ends. */
  async lockPendingSecret(manager: EntityManager, staffId: string): Promise<string | null> {
    const staff = await manager
      .getRepository(StaffUser)
      .createQueryBuilder('s')
      .addSelect('s.totpPendingSecretEncrypted')
      .where('s.id = :id', { id: staffId })
      .setLock('pessimistic_write')
      .getOneOrFail();
    return staff.totpPendingSecretEncrypted;
  }

  /** The confirmed secret becomes the one codes are checked against; `step` counts as used. */
  async enable(manager: EntityManager, staffId: string, sealedSecret: string, step: number): Promise<void> {
    await manager.update(
      StaffUser,
      { id: staffId },
      {
        totpSecretEncrypted: sealedSecret,
        totpPendingSecretEncrypted: null,
        totpEnabledAt: new Date(),
        totpLastStep: String(step),
      },
    );
  }

  /** Drops every earlier recovery code of the person and stores these (hashed) ones. */
  async replaceRecoveryCodes(manager: EntityManager, staffId: string, codeHashes: readonly string[]): Promise<void> {
    await manager.delete(StaffRecoveryCode, { staffUserId: staffId });
    await manager.insert(
      StaffRecoveryCode,
      codeHashes.map((codeHash) => ({ staffUserId: staffId, codeHash })),
    );
  }

  /** Forgets the secrets, the last step and the recovery codes. */
  async disable(manager: EntityManager, staffId: string): Promise<void> {
    await manager.update(
      StaffUser,
      { id: staffId },
      { totpSecretEncrypted: null, totpPendingSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null },
    );
    await manager.delete(StaffRecoveryCode, { staffUserId: staffId });
  }

  /** The sealed secret codes are checked against, or null (no such person, or two-factor is off). */
  async findSecret(staffId: string): Promise<string | null> {
    const staff = await this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder('s')
      .addSelect('s.totpSecretEncrypted')
      .where('s.id = :id', { id: staffId })
      .getOne();
    return staff?.totpSecretEncrypted ?? null;
  }

  /**
   * Uses up an unused recovery code; false when there is none with this hash. One UPDATE, so two
   * requests racing with one code cannot both pass.
   */
  async useRecoveryCode(manager: EntityManager, staffId: string, codeHash: string): Promise<boolean> {
    const used = await manager
      .createQueryBuilder()
      .update(StaffRecoveryCode)
      .set({ usedAt: () => 'now()' })
      .where({ staffUserId: staffId, codeHash, usedAt: IsNull() })
      .execute();
    return (used.affected ?? 0) > 0;
  }

  /**
   * Records `step` as the last accepted one; false when it is not newer. The UPDATE only matches a
   * newer step, so two requests racing with one code cannot both pass.
   */
  async useStep(manager: EntityManager, staffId: string, step: number): Promise<boolean> {
    // For UPDATE, TypeORM's postgres driver answers [rows, affectedCount].
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE staff_user SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [staffId, step],
    );
    return affected > 0;
  }
}
