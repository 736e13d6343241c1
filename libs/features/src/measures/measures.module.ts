import { Module } from '@nestjs/common';
import { CouplesModule } from '../couples/couples.module';
import { CoupleMeasuresController } from './couple-measures.controller';
import { MeasureResponsesRepository } from './measure-responses.repository';
import { MeasureResponsesService } from './measure-responses.service';
import { MeasuresController } from './measures.controller';
import { MeasuresRepository } from './measures.repository';
import { MeasuresService } from './measures.service';

@Module({
  imports: [CouplesModule],
  controllers: [MeasuresController, CoupleMeasuresController],
  providers: [MeasuresService, MeasuresRepository, MeasureResponsesService, MeasureResponsesRepository],
  exports: [MeasuresService, MeasureResponsesService],
})
export class MeasuresModule {}
