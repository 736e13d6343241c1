import { Module } from '@nestjs/common';
import { NotesController } from './notes.controller';
import { NotesService } from './notes.service';
import { SessionNotesRepository } from './session-notes.repository';

@Module({ controllers: [NotesController], providers: [NotesService, SessionNotesRepository] })
export class NotesModule {}
