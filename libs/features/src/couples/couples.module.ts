import { Module } from '@nestjs/common';
import { CouplesController } from './couples.controller';
import { CoupleRecordService } from './couple-record.service';
import { CouplesRepository } from './couples.repository';
import { CouplesService } from './couples.service';
import { SessionScheduleModule } from '../sessions/session-schedule.module';

@Module({
  imports: [SessionScheduleModule],
  controllers: [CouplesController],
  providers: [CouplesService, CoupleRecordService, CouplesRepository],
  exports: [CouplesService, CouplesRepository],
})
export class CouplesModule {}
