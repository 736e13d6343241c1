import { Module } from '@nestjs/common';
import { CouplesController } from './couples.controller';
import { CoupleRecordService } from './couple-record.service';
import { CouplesService } from './couples.service';

@Module({
  controllers: [CouplesController],
  providers: [CouplesService, CoupleRecordService],
  exports: [CouplesService],
})
export class CouplesModule {}
