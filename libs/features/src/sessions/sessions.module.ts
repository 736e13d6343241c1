import { Module } from '@nestjs/common';
import { CouplesModule } from '../couples/couples.module';
import { SessionScheduleModule } from './session-schedule.module';
import { CalendarFeedController, PublicCalendarFeedController } from './calendar-feeds.controller';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import { CalendarFeedsService } from './calendar-feeds.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [CouplesModule, SessionScheduleModule],
  controllers: [SessionsController, CalendarFeedController, PublicCalendarFeedController],
  providers: [SessionsService, CalendarFeedsService, CalendarFeedsRepository],
})
export class SessionsModule {}
