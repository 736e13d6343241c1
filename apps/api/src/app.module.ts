import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@trellis/config';
import {
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
} from '@trellis/features';
import { InfrastructureModule } from './infrastructure/infrastructure.module';

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
