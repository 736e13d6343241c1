import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountLinksController } from './account-links.controller';
import { AccountLinksService } from './account-links.service';
import { AuthController } from './auth.controller';
import { FixedWindowLimiter } from './fixed-window-limiter';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';

@Module({
  controllers: [AuthController, AccountLinksController],
  providers: [AuthService, AccountLinksService, FixedWindowLimiter, LoginRateLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
