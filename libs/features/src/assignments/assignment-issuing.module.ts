import { Module } from '@nestjs/common';
import { AssignmentIssuer } from './assignment-issuer';
import { AssignmentsRepository } from './assignments.repository';

/** Issuing homework, for the HTTP side and for the jobs that issue it on a therapist's behalf. */
@Module({
  providers: [AssignmentIssuer, AssignmentsRepository],
  exports: [AssignmentIssuer, AssignmentsRepository],
})
export class AssignmentIssuingModule {}
