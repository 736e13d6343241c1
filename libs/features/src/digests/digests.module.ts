import { Module } from '@nestjs/common';
import { DigestsController } from './digests.controller';

@Module({ controllers: [DigestsController] })
export class DigestsModule {}
