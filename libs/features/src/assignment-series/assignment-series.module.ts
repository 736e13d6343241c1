import { Module } from '@nestjs/common';
import { AssignmentIssuingModule } from '../assignments/assignment-issuing.module';
import { CouplesModule } from '../couples/couples.module';
import { SafetyModule } from '../safety/safety.module';
import { AssignmentSeriesController } from './assignment-series.controller';
import { AssignmentSeriesRepository } from './assignment-series.repository';
import { AssignmentSeriesService } from './assignment-series.service';
import { SeriesAdvancer } from './series-advancer';

@Module({
  imports: [CouplesModule, SafetyModule, AssignmentIssuingModule],
  controllers: [AssignmentSeriesController],
  providers: [AssignmentSeriesService, AssignmentSeriesRepository, SeriesAdvancer],
})
export class AssignmentSeriesModule {}
