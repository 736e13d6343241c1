import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@trellis/config';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClinicModule } from './clinic/clinic.module';
import { CouplesModule } from './couples/couples.module';
import { DigestsModule } from './digests/digests.module';
import { ExercisesModule } from './exercises/exercises.module';
import { HealthModule } from './health/health.module';
import { HomeModule } from './home/home.module';
import { HomeworkModule } from './homework/homework.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { NotesModule } from './notes/notes.module';
import { QueueAdminModule } from './queues/queue-admin.module';
import { StaffModule } from './staff/staff.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config),
        AssignmentsModule,
        AuditModule,
        AuthModule,
        ClinicModule,
        CouplesModule,
        DigestsModule,
        ExercisesModule,
        HealthModule,
        HomeModule,
        HomeworkModule,
        NotesModule,
        QueueAdminModule,
        StaffModule,
      ],
    };
  }
}
