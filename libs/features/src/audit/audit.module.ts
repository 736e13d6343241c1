import { Global, Module } from '@nestjs/common';
import { AuditTrailRepository } from './audit-trail.repository';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService, AuditTrailRepository], exports: [AuditService] })
export class AuditModule {}
