import { ConflictException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as OTPAuth from 'otpauth';
import { AppConfig } from '@trellis/config';
import type { SessionUser, TwoFactorSetup } from '@trellis/contracts';
import { APP_CONFIG } from '../../config/config.tokens';
import { validationProblem } from '../../http/problem.exception';
import { ClinicSettingsRepository } from '../clinic-settings.repository';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';
import { SecretBox } from './secret-box';
import { TwoFactorRepository } from './two-factor.repository';

const PERIOD_SECONDS = 30;

export type SecondFactor = { code: string } | { recoveryCode: string };

/** TOTP (RFC 6238) with encrypted secrets, single-use codes and hashed recovery codes. */
@Injectable()
export class TwoFactorService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly factors: TwoFactorRepository,
    private readonly clinics: ClinicSettingsRepository,
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
    return this.factors.isEnabled(userId);
  }

  async clinicRequires(clinicId: string): Promise<boolean> {
    return this.clinics.requiresTwoFactor(clinicId);
  }

  async beginSetup(user: SessionUser): Promise<TwoFactorSetup> {
    if (await this.isEnabled(user.id))
      throw new ConflictException('Two-factor sign-in is already on. Turn it off first to change devices.');
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    // One statement, no transaction needed: an unconfirmed secret changes nothing yet.
    await this.factors.savePendingSecret(this.dataSource.manager, user.id, this.box.seal(secret));
    return { secret, otpauthUrl: this.totp(secret, user.email).toString() };
  }

  /** Confirms set-up with a first code; returns the recovery codes (shown once). */
  async enable(user: SessionUser, code: string): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const pending = await this.factors.lockPendingSecret(manager, user.id);
      if (!pending) throw new ConflictException('Start the set-up first.');
      const secret = this.box.open(pending);
      const step = this.matchingStep(secret, user.email, code);
      if (step === null)
        throw validationProblem([{ field: 'code', message: 'is not the current code from your authenticator app' }]);
      const codes = generateRecoveryCodes();
      await this.factors.enable(manager, user.id, pending, step);
      await this.factors.replaceRecoveryCodes(manager, user.id, codes.map(hashRecoveryCode));
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
    await this.dataSource.transaction((manager) => this.factors.disable(manager, user.id));
  }

  /**
   * Checks a second factor and uses it up: a TOTP step is accepted once (the UPDATE only matches
   * a newer step, so two requests racing with one code cannot both pass); a recovery code once.
   * Each use is a single conditional UPDATE, atomic on its own: no transaction around it.
   */
  async verify(userId: string, label: string, factor: SecondFactor): Promise<boolean> {
    if ('recoveryCode' in factor) {
      return this.factors.useRecoveryCode(this.dataSource.manager, userId, hashRecoveryCode(factor.recoveryCode));
    }
    const sealed = await this.factors.findSecret(userId);
    if (!sealed) throw new UnauthorizedException('Sign in to continue.');
    const step = this.matchingStep(this.box.open(sealed), label, factor.code);
    if (step === null) return false;
    return this.factors.useStep(this.dataSource.manager, userId, step);
  }
}
