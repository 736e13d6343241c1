import { Module } from '@nestjs/common';
import { CouplesModule } from '../couples/couples.module';
import { SafetyController } from './safety.controller';
import { SafetyRepository } from './safety.repository';
import { SafetyService } from './safety.service';

@Module({
  imports: [CouplesModule],
  controllers: [SafetyController],
  providers: [SafetyService, SafetyRepository],
  exports: [SafetyService, SafetyRepository],
})
export class SafetyModule {}
