import { Module } from '@nestjs/common';
import { FixedWindowLimiter } from '../auth/fixed-window-limiter';
import { CouplesModule } from '../couples/couples.module';
import { MeasuresModule } from '../measures/measures.module';
import { SafetyModule } from '../safety/safety.module';
import { CheckInLinksService } from './check-in-links.service';
import { CheckInSchedulesController } from './check-in-schedules.controller';
import { CheckInSchedulesRepository } from './check-in-schedules.repository';
import { CheckInSchedulesService } from './check-in-schedules.service';
import { CheckInsController } from './check-ins.controller';
import { CheckInsRepository } from './check-ins.repository';

/** The HTTP side of check-ins: the therapist's schedules per couple, and the partner's form. */
@Module({
  imports: [CouplesModule, MeasuresModule, SafetyModule],
  controllers: [CheckInSchedulesController, CheckInsController],
  providers: [
    CheckInSchedulesService,
    CheckInSchedulesRepository,
    CheckInLinksService,
    CheckInsRepository,
    FixedWindowLimiter,
  ],
})
export class CheckInsModule {}
