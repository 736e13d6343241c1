import { Module } from '@nestjs/common';
import { CouplesModule } from '../couples/couples.module';
import { SafetyModule } from '../safety/safety.module';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';

@Module({
  imports: [CouplesModule, SafetyModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService, AssignmentsRepository],
})
export class AssignmentsModule {}
