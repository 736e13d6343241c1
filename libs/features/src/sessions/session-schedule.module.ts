import { Module } from '@nestjs/common';
import { SessionScheduler } from './session-scheduler';
import { SessionsRepository } from './sessions.repository';

/**
 * The schedule's writer and SQL, without HTTP: the sessions routes and the couples feature (its
 * old "next session" field) both change the schedule through it.
 */
@Module({ providers: [SessionScheduler, SessionsRepository], exports: [SessionScheduler, SessionsRepository] })
export class SessionScheduleModule {}
