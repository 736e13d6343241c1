import { ApiToken } from './api-token.entity';
import { Assignment } from './assignment.entity';
import { AssignmentSeries } from './assignment-series.entity';
import { AssignmentReviewComment } from './assignment-review-comment.entity';
import { AuditEvent } from './audit-event.entity';
import { AuthToken } from './auth-token.entity';
import { Client } from './client.entity';
import { Clinic } from './clinic.entity';
import { Couple } from './couple.entity';
import { CoupleProgram, CoupleProgramStep } from './couple-program.entity';
import { Digest } from './digest.entity';
import { EmailDelivery } from './email-delivery.entity';
import { Exercise } from './exercise.entity';
import { HomeworkResponse } from './homework-response.entity';
import { Measure } from './measure.entity';
import { MeasureResponse } from './measure-response.entity';
import { MeasureVersion } from './measure-version.entity';
import { OutboxMessage } from './outbox-message.entity';
import { Program, type StoredProgramStep } from './program.entity';
import { SafetyFlag } from './safety-flag.entity';
import { SafetyPause } from './safety-pause.entity';
import { SessionNote } from './session-note.entity';
import { StaffRecoveryCode } from './staff-recovery-code.entity';
import { StaffUser } from './staff-user.entity';
import { TherapySession } from './therapy-session.entity';

export type { AuthTokenPurpose } from './auth-token.entity';
export type { SeriesStatus, SeriesStoppedReason } from './assignment-series.entity';
export {
  ApiToken,
  Assignment,
  AssignmentReviewComment,
  AssignmentSeries,
  AuditEvent,
  AuthToken,
  Client,
  Clinic,
  Couple,
  Digest,
  EmailDelivery,
  Exercise,
  HomeworkResponse,
  Measure,
  MeasureResponse,
  MeasureVersion,
  OutboxMessage,
  SafetyFlag,
  SafetyPause,
  SessionNote,
  StaffRecoveryCode,
  StaffUser,
  TherapySession,
  Program,
  CoupleProgram,
  CoupleProgramStep,
};
export type { StoredProgramStep };

/** Every entity, for the DataSource and for Nest's TypeOrmModule. */
export const ENTITIES = [
  Clinic,
  StaffUser,
  StaffRecoveryCode,
  AuthToken,
  ApiToken,
  AuditEvent,
  OutboxMessage,
  SafetyFlag,
  SafetyPause,
  EmailDelivery,
  Couple,
  Client,
  Exercise,
  AssignmentSeries,
  Assignment,
  AssignmentReviewComment,
  HomeworkResponse,
  SessionNote,
  Digest,
  Measure,
  MeasureVersion,
  MeasureResponse,
  TherapySession,
  Program,
  CoupleProgram,
  CoupleProgramStep,
];
