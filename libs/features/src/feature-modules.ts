import { AgreementsJobsModule } from './agreements/agreements-jobs.module';
import { AgreementsModule } from './agreements/agreements.module';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AssignmentSeriesJobsModule } from './assignment-series/assignment-series-jobs.module';
import { AssignmentSeriesModule } from './assignment-series/assignment-series.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuditModule } from './audit/audit.module';
import { AuthJobsModule } from './auth/auth-jobs.module';
import { AuthModule } from './auth/auth.module';
import { CheckInsJobsModule } from './check-ins/check-ins-jobs.module';
import { CheckInsModule } from './check-ins/check-ins.module';
import { ClinicModule } from './clinic/clinic.module';
import { CouplesModule } from './couples/couples.module';
import { DigestsJobsModule } from './digests/digests-jobs.module';
import { DigestsModule } from './digests/digests.module';
import { EmailJobsModule } from './email/email-jobs.module';
import { EngagementModule } from './engagement/engagement.module';
import { ExercisesModule } from './exercises/exercises.module';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';
import { HomeworkModule } from './homework/homework.module';
import { MeasuresModule } from './measures/measures.module';
import { NotesModule } from './notes/notes.module';
import { ProgramsJobsModule } from './programs/programs-jobs.module';
import { ProgramsModule } from './programs/programs.module';
import { QueueAdminModule } from './queues/queue-admin.module';
import { SafetyModule } from './safety/safety.module';
import { RemindersJobsModule } from './reminders/reminders-jobs.module';
import { SessionsJobsModule } from './sessions/sessions-jobs.module';
import { SessionsModule } from './sessions/sessions.module';
import { StaffModule } from './staff/staff.module';

/** Every feature's HTTP module: what the API serves. A new feature's HTTP side is added here. */
export const API_FEATURE_MODULES = [
  AgreementsModule,
  ApiTokensModule,
  AssignmentSeriesModule,
  AssignmentsModule,
  AuditModule,
  AuthModule,
  CheckInsModule,
  ClinicModule,
  CouplesModule,
  DigestsModule,
  EngagementModule,
  ExercisesModule,
  HealthModule,
  HomeModule,
  HomeworkModule,
  MeasuresModule,
  NotesModule,
  ProgramsModule,
  QueueAdminModule,
  SessionsModule,
  SafetyModule,
  StaffModule,
];

/** Every feature's jobs module: what the worker processes. A new feature's jobs side is added here. */
export const WORKER_FEATURE_MODULES = [
  EmailJobsModule,
  RemindersJobsModule,
  DigestsJobsModule,
  AuthJobsModule,
  CheckInsJobsModule,
  AssignmentSeriesJobsModule,
  ProgramsJobsModule,
  SessionsJobsModule,
  AgreementsJobsModule,
];
