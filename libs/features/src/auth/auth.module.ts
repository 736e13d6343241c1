import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiTokenAuthenticator } from '../api-tokens/api-token-authenticator';
import { ApiTokensRepository } from '../api-tokens/api-tokens.repository';
import { AccountLinksController } from './account-links.controller';
import { AccountLinksRepository } from './account-links.repository';
import { AccountLinksService } from './account-links.service';
import { AuthController } from './auth.controller';
import { FixedWindowLimiter } from './fixed-window-limiter';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { ClinicSettingsRepository } from './clinic-settings.repository';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordResetRequestsRepository } from './password-reset-requests.repository';
import { PasswordResetRequestsService } from './password-reset-requests.service';
import { SignInService } from './sign-in.service';
import { StaffAccountsRepository } from './staff-accounts.repository';
import { TwoFactorController } from './two-factor/two-factor.controller';
import { TwoFactorRepository } from './two-factor/two-factor.repository';
import { TwoFactorService } from './two-factor/two-factor.service';

@Module({
  controllers: [AuthController, AccountLinksController, TwoFactorController],
  providers: [
    AuthService,
    AccountLinksService,
    SignInService,
    PasswordResetRequestsService,
    PasswordResetRequestsRepository,
    TwoFactorService,
    FixedWindowLimiter,
    LoginRateLimiter,
    StaffAccountsRepository,
    AccountLinksRepository,
    TwoFactorRepository,
    ClinicSettingsRepository,
    ApiTokensRepository,
    ApiTokenAuthenticator,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
