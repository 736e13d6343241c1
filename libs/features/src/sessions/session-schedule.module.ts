import { Module } from '@nestjs/common';
import { SessionNotices } from './session-notices';
import { SessionNoticesRepository } from './session-notices.repository';
import { SessionScheduler } from './session-scheduler';
import { SessionsRepository } from './sessions.repository';

/**
 * The schedule's writer and SQL, without HTTP: the sessions routes and the couples feature (its
 * old "next session" field) both change the schedule through it.
 */
@Module({
  providers: [SessionScheduler, SessionsRepository, SessionNotices, SessionNoticesRepository],
  exports: [SessionScheduler, SessionsRepository, SessionNoticesRepository],
})
export class SessionScheduleModule {}
