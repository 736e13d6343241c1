import { Module } from '@nestjs/common';
import { DigestsController } from './digests.controller';
import { DigestPreferencesRepository } from './digest-preferences.repository';
import { DigestsRepository } from './digests.repository';
import { DigestsService } from './digests.service';

@Module({
  controllers: [DigestsController],
  providers: [DigestsService, DigestsRepository, DigestPreferencesRepository],
})
export class DigestsModule {}
