import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@trellis/config';
import { API_FEATURE_MODULES } from '@trellis/features';
import { InfrastructureModule } from './infrastructure/infrastructure.module';

/** The API: connections and config, then every feature's HTTP module. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot(config), ...API_FEATURE_MODULES],
    };
  }
}
