import { Module } from '@nestjs/common';
import { CouplesModule } from '../couples/couples.module';
import { SessionScheduleModule } from './session-schedule.module';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [CouplesModule, SessionScheduleModule],
  controllers: [SessionsController],
  providers: [SessionsService],
})
export class SessionsModule {}
