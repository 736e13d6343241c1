import type { TwoFactorSetup } from '@trellis/contracts';
import { httpClient } from '../data/httpClient';
import { normalizeRecoveryCode, normalizeTotpCode } from './twoFactor';
import type { SecondFactorParams } from './types';

// Setting up and turning off two-factor sign-in for the signed-in person. Setup and enable are
// also allowed while the clinic's requirement blocks everything else.

/** A new secret (not active until confirmed with a code). */
export const beginTwoFactorSetup = async (): Promise<TwoFactorSetup> =>
  (await httpClient<TwoFactorSetup>('/auth/2fa/setup', { method: 'POST' })).json;

/** Confirms the set-up with the app's current code; answers the recovery codes, shown once. */
export const enableTwoFactor = async (code: string): Promise<string[]> =>
  (
    await httpClient<{ recoveryCodes: string[] }>('/auth/2fa/enable', {
      method: 'POST',
      body: { code: normalizeTotpCode(code) ?? code.trim() },
    })
  ).json.recoveryCodes;

/** 409 when the clinic requires two-factor sign-in. */
export const disableTwoFactor = async (factor: SecondFactorParams): Promise<void> => {
  const body =
    'code' in factor
      ? { code: normalizeTotpCode(factor.code) ?? factor.code.trim() }
      : { recoveryCode: normalizeRecoveryCode(factor.recoveryCode) };
  await httpClient<void>('/auth/2fa/disable', { method: 'POST', body });
};
