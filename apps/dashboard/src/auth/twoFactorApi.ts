import type { TwoFactorSetup } from '@trellis/contracts';
import { callApi } from '../data/api';
import { normalizeRecoveryCode, normalizeTotpCode } from './twoFactor';
import type { SecondFactorParams } from './types';

// Setting up and turning off two-factor sign-in for the signed-in person. Setup and enable are
// also allowed while the clinic's requirement blocks everything else.

/** A new secret (not active until confirmed with a code). */
export const beginTwoFactorSetup = async (): Promise<TwoFactorSetup> =>
  callApi('post', '/auth/2fa/setup', { params: {} });

/** Confirms the set-up with the app's current code; answers the recovery codes, shown once. */
export const enableTwoFactor = async (code: string): Promise<string[]> =>
  (await callApi('post', '/auth/2fa/enable', { params: {}, body: { code: normalizeTotpCode(code) ?? code.trim() } }))
    .recoveryCodes;

/** 409 when the clinic requires two-factor sign-in. */
export const disableTwoFactor = async (factor: SecondFactorParams): Promise<void> => {
  const body =
    'code' in factor
      ? { code: normalizeTotpCode(factor.code) ?? factor.code.trim() }
      : { recoveryCode: normalizeRecoveryCode(factor.recoveryCode) };
  await callApi('post', '/auth/2fa/disable', { params: {}, body });
};
