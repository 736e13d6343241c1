import { Module } from '@nestjs/common';
import { FixedWindowLimiter } from '../auth/fixed-window-limiter';
import { HomeworkLinksService } from './homework-links.service';
import { HomeworkResponsesRepository } from './homework-responses.repository';
import { HomeworkController } from './homework.controller';
import { HomeworkService } from './homework.service';

@Module({
  controllers: [HomeworkController],
  providers: [HomeworkLinksService, HomeworkService, HomeworkResponsesRepository, FixedWindowLimiter],
})
export class HomeworkModule {}
