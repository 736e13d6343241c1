import { Module } from '@nestjs/common';
import { CouplesModule } from '../couples/couples.module';
import { ClinicMeasureSummaryController } from './clinic-measure-summary.controller';
import { ClinicMeasureSummaryRepository } from './clinic-measure-summary.repository';
import { ClinicMeasureSummaryService } from './clinic-measure-summary.service';
import { CoupleMeasuresController } from './couple-measures.controller';
import { MeasureResponsesRepository } from './measure-responses.repository';
import { MeasureResponsesService } from './measure-responses.service';
import { MeasuresController } from './measures.controller';
import { MeasuresRepository } from './measures.repository';
import { MeasuresService } from './measures.service';

@Module({
  imports: [CouplesModule],
  // The summary's static route before MeasuresController's `:id`, so `summary` is never read as an id.
  controllers: [ClinicMeasureSummaryController, MeasuresController, CoupleMeasuresController],
  providers: [
    MeasuresService,
    MeasuresRepository,
    MeasureResponsesService,
    MeasureResponsesRepository,
    ClinicMeasureSummaryService,
    ClinicMeasureSummaryRepository,
  ],
  exports: [MeasuresService, MeasureResponsesService],
})
export class MeasuresModule {}
