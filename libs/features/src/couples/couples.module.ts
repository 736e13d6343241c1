import { Module } from '@nestjs/common';
import { CouplesController } from './couples.controller';
import { CoupleRecordService } from './couple-record.service';
import { CouplesRepository } from './couples.repository';
import { CouplesService } from './couples.service';
import { SessionScheduleModule } from '../sessions/session-schedule.module';
import { CoupleSeriesStopRepository } from '../assignment-series/couple-series-stop.repository';

@Module({
  imports: [SessionScheduleModule],
  controllers: [CouplesController],
  providers: [CouplesService, CoupleRecordService, CouplesRepository, CoupleSeriesStopRepository],
  exports: [CouplesService, CouplesRepository],
})
export class CouplesModule {}
