import { Module } from '@nestjs/common';
import { CouplesModule } from '../couples/couples.module';
import { SafetyScreenController } from './safety-screen.controller';
import { SafetyScreenRepository } from './safety-screen.repository';
import { SafetyScreenService } from './safety-screen.service';
import { SafetyController } from './safety.controller';
import { SafetyRepository } from './safety.repository';
import { SafetyService } from './safety.service';

@Module({
  imports: [CouplesModule],
  controllers: [SafetyController, SafetyScreenController],
  providers: [SafetyService, SafetyRepository, SafetyScreenService, SafetyScreenRepository],
  exports: [SafetyService, SafetyRepository],
})
export class SafetyModule {}
