import { Module } from '@nestjs/common';
import { AssignmentIssuingModule } from '../assignments/assignment-issuing.module';
import { CouplesModule } from '../couples/couples.module';
import { ProgramAdvancer } from './program-advancer';
import { ProgramsController } from './programs.controller';
import { ProgramsRepository } from './programs.repository';
import { ProgramsService } from './programs.service';

@Module({
  imports: [CouplesModule, AssignmentIssuingModule],
  controllers: [ProgramsController],
  providers: [ProgramsService, ProgramsRepository, ProgramAdvancer],
  exports: [ProgramsRepository],
})
export class ProgramsModule {}
