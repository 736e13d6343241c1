import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@trellis/jobs';
import { DigestSourcesRepository } from './digest-sources.repository';
import { DigestsProcessor } from './digests.processor';
import { DigestsRepository } from './digests.repository';
import { LEGACY_DIGESTS_QUEUE } from './legacy-digest-queue';

/** The worker's half of digests: weekly and pre-session digests for therapists. */
@Module({
  // The old queue name is registered only to move what still waits there (no worker runs on it).
  imports: [BullModule.registerQueue({ name: QueueName.Digests }, { name: LEGACY_DIGESTS_QUEUE })],
  providers: [DigestsProcessor, DigestsRepository, DigestSourcesRepository],
})
export class DigestsJobsModule {}
