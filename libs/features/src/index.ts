// Every feature's two halves, by folder: its HTTP module for the API and its jobs module for the
// worker. Both apps are composition roots that pick from this list.
export * from './config/config.tokens';

// HTTP plumbing shared by every controller, set up once by the API.
export { registerJsonDepthLimit } from './http/json-depth';
export { registerOpenApi } from './http/openapi';
export { ProblemDetailsFilter } from './http/problem-details.filter';
export { registerSecurityHeaders, securityHeaders } from './http/security-headers';
export { createValidationPipe } from './http/validation';
export { registerSessions } from './auth/register-sessions';
export { hashPassword } from './auth/password-hasher';

// API (HTTP) modules
export { AssignmentsModule } from './assignments/assignments.module';
export { AuditModule } from './audit/audit.module';
export { AuthModule } from './auth/auth.module';
export { ClinicModule } from './clinic/clinic.module';
export { CouplesModule } from './couples/couples.module';
export { DigestsModule } from './digests/digests.module';
export { ExercisesModule } from './exercises/exercises.module';
export { HealthModule } from './health/health.module';
export { HomeModule } from './home/home.module';
export { HomeworkModule } from './homework/homework.module';
export { NotesModule } from './notes/notes.module';
export { QueueAdminModule } from './queues/queue-admin.module';
export { StaffModule } from './staff/staff.module';

// Worker (jobs) modules
export { DigestsJobsModule } from './digests/digests-jobs.module';
export { EmailJobsModule } from './email/email-jobs.module';
export { RemindersJobsModule } from './reminders/reminders-jobs.module';
