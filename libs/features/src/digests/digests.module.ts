import { Module } from '@nestjs/common';
import { DigestsController } from './digests.controller';
import { DigestsRepository } from './digests.repository';
import { DigestsService } from './digests.service';

@Module({ controllers: [DigestsController], providers: [DigestsService, DigestsRepository] })
export class DigestsModule {}
