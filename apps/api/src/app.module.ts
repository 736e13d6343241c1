import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@trellis/config';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot(config), HealthModule],
    };
  }
}
