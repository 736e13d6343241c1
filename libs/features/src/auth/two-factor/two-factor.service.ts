import { ConflictException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import * as OTPAuth from 'otpauth';
import { AppConfig } from '@trellis/config';
import type { SessionUser, TwoFactorSetup } from '@trellis/contracts';
import { Clinic, StaffRecoveryCode, StaffUser } from '@trellis/data';
import { APP_CONFIG } from '../../config/config.tokens';
import { validationProblem } from '../../http/problem.exception';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';
import { SecretBox } from './secret-box';

const PERIOD_SECONDS = 30;

export type SecondFactor = { code: string } | { recoveryCode: string };

/** TOTP (RFC 6238) with encrypted secrets, single-use codes and hashed recovery codes. */
@Injectable()
export class TwoFactorService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.box = new SecretBox(config.dataEncryptionKey, config.session.secret);
  }

  private totp(secretBase32: string, label: string): OTPAuth.TOTP {
    return new OTPAuth.TOTP({
      issuer: 'Trellis',
      label,
      algorithm: 'SHA1',
      digits: 6,
      period: PERIOD_SECONDS,
      secret: OTPAuth.Secret.fromBase32(secretBase32),
    });
  }

  /** Step of `code` if it is valid now (±1 step for clock drift), else null. */
  private matchingStep(secretBase32: string, label: string, code: string): number | null {
    const totp = this.totp(secretBase32, label);
    const delta = totp.validate({ token: code.replace(/\s/g, ''), window: 1 });
    return delta === null ? null : totp.counter() + delta;
  }

  async isEnabled(userId: string): Promise<boolean> {
    const staff = await this.dataSource.getRepository(StaffUser).findOneByOrFail({ id: userId });
    return staff.totpEnabledAt !== null;
  }

  async clinicRequires(clinicId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(Clinic).findOneByOrFail({ id: clinicId })).requireTwoFactor;
  }

  async beginSetup(user: SessionUser): Promise<TwoFactorSetup> {
    if (await this.isEnabled(user.id))
      throw new ConflictException('Two-factor sign-in is already on. Turn it off first to change devices.');
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await this.dataSource
      .getRepository(StaffUser)
      .update({ id: user.id }, { totpPendingSecretEncrypted: this.box.seal(secret) });
    return { secret, otpauthUrl: this.totp(secret, user.email).toString() };
  }

  /** Confirms set-up with a first code; returns the recovery codes (shown once). */
  async enable(user: SessionUser, code: string): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const staff = await manager
        .getRepository(StaffUser)
        .createQueryBuilder('s')
        .addSelect('s.totpPendingSecretEncrypted')
        .where('s.id = :id', { id: user.id })
        .setLock('pessimistic_write')
        .getOneOrFail();
      if (!staff.totpPendingSecretEncrypted) throw new ConflictException('Start the set-up first.');
      const secret = this.box.open(staff.totpPendingSecretEncrypted);
      const step = this.matchingStep(secret, user.email, code);
      if (step === null)
        throw validationProblem([{ field: 'code', message: 'is not the current code from your authenticator app' }]);
      const codes = generateRecoveryCodes();
      await manager.update(
        StaffUser,
        { id: user.id },
        {
          totpSecretEncrypted: staff.totpPendingSecretEncrypted,
          totpPendingSecretEncrypted: null,
          totpEnabledAt: new Date(),
          totpLastStep: String(step),
        },
      );
      await manager.delete(StaffRecoveryCode, { staffUserId: user.id });
      await manager.insert(
        StaffRecoveryCode,
        codes.map((c) => ({ staffUserId: user.id, codeHash: hashRecoveryCode(c) })),
      );
      return codes;
    });
  }

  async disable(user: SessionUser, factor: SecondFactor): Promise<void> {
    if (await this.clinicRequires(user.clinicId)) {
      throw new ConflictException('Your clinic requires two-factor sign-in, so it cannot be turned off.');
    }
    if (!(await this.verify(user.id, user.email, factor))) {
      throw validationProblem([{ field: 'code' in factor ? 'code' : 'recoveryCode', message: 'is not right' }]);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        StaffUser,
        { id: user.id },
        { totpSecretEncrypted: null, totpPendingSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null },
      );
      await manager.delete(StaffRecoveryCode, { staffUserId: user.id });
    });
  }

  /**
   * Checks a second factor and uses it up: a TOTP step is accepted once (the UPDATE only matches
   * a newer step, so two requests racing with one code cannot both pass); a recovery code once.
   */
  async verify(userId: string, label: string, factor: SecondFactor): Promise<boolean> {
    if ('recoveryCode' in factor) {
      const used = await this.dataSource
        .createQueryBuilder()
        .update(StaffRecoveryCode)
        .set({ usedAt: () => 'now()' })
        .where({ staffUserId: userId, codeHash: hashRecoveryCode(factor.recoveryCode), usedAt: IsNull() })
        .execute();
      return (used.affected ?? 0) > 0;
    }
    const staff = await this.dataSource
      .getRepository(StaffUser)
      .createQueryBuilder('s')
      .addSelect('s.totpSecretEncrypted')
      .where('s.id = :id', { id: userId })
      .getOne();
    if (!staff?.totpSecretEncrypted) throw new UnauthorizedException('Sign in to continue.');
    const step = this.matchingStep(this.box.open(staff.totpSecretEncrypted), label, factor.code);
    if (step === null) return false;
    // For UPDATE, TypeORM's postgres driver answers [rows, affectedCount].
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE staff_user SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [userId, step],
    );
    return affected > 0;
  }
}
