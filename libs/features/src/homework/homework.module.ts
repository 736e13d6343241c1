import { Module } from '@nestjs/common';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { FixedWindowLimiter } from '../auth/fixed-window-limiter';
import { ProgramsRepository } from '../programs/programs.repository';
import { SafetyModule } from '../safety/safety.module';
import { HomeworkLinksService } from './homework-links.service';
import { HomeworkResponsesRepository } from './homework-responses.repository';
import { HomeworkController } from './homework.controller';
import { HomeworkService } from './homework.service';

@Module({
  imports: [SafetyModule],
  controllers: [HomeworkController],
  // The assignments repository for one read: the therapist's comments to the couple.
  providers: [
    HomeworkLinksService,
    HomeworkService,
    HomeworkResponsesRepository,
    AssignmentsRepository,
    // The programs repository for one read: where this homework sits on the couple's path.
    ProgramsRepository,
    FixedWindowLimiter,
  ],
})
export class HomeworkModule {}
