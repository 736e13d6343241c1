import { Module } from '@nestjs/common';
import { CouplesModule } from '../couples/couples.module';
import { SafetyModule } from '../safety/safety.module';
import { AssignmentIssuingModule } from './assignment-issuing.module';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';

@Module({
  imports: [CouplesModule, SafetyModule, AssignmentIssuingModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService],
})
export class AssignmentsModule {}
