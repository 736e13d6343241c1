import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ListResponse, SessionNoteView } from '@trellis/contracts';
import type { StaffActor } from '../actor/actor';
import { CurrentActor } from '../actor/current-actor';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { AddendumDto, CreateNoteDto, UpdateNoteDto } from './note.dto';
import { NotesService } from './notes.service';
import { ApiProblem } from '../http/api-problem.decorator';

@ApiTags('notes')
@Controller()
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get('couples/:id/notes')
  @ApiOperation({ summary: "The couple's session notes with addenda (the couple's therapist only)" })
  async list(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
  ): Promise<ListResponse<SessionNoteView>> {
    const data = await this.notes.list(actor, id);
    return { data, total: data.length };
  }

  @Post('couples/:id/notes')
  @ApiProblem(409, 'The session was cancelled, or already has a note.')
  @ApiOperation({ summary: 'Start a draft note (SOAP, DAP or free text)' })
  create(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: CreateNoteDto,
  ): Promise<SessionNoteView> {
    return this.notes.create(actor, id, body);
  }

  @Get('notes/:id')
  @ApiOperation({ summary: 'One note with its addenda' })
  get(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<SessionNoteView> {
    return this.notes.get(actor, id);
  }

  @Patch('notes/:id')
  @ApiProblem(409, 'The note is signed: add an addendum instead.')
  @ApiOperation({ summary: 'Edit a draft (signed notes are read-only: 409)' })
  update(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateNoteDto,
  ): Promise<SessionNoteView> {
    return this.notes.update(actor, id, body);
  }

  @Post('notes/:id/sign')
  @HttpCode(200)
  @ApiProblem(409, 'The note is already signed.')
  @ApiOperation({ summary: 'Sign a draft; it becomes read-only' })
  sign(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<SessionNoteView> {
    return this.notes.sign(actor, id);
  }

  @Post('notes/:id/addenda')
  @ApiProblem(409, 'Addenda are for signed notes: edit a draft instead.')
  @ApiOperation({ summary: 'Add a signed correction to a signed note' })
  addendum(
    @CurrentActor() actor: StaffActor,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: AddendumDto,
  ): Promise<SessionNoteView> {
    return this.notes.addAddendum(actor, id, body);
  }

  @Delete('notes/:id')
  @HttpCode(204)
  @ApiProblem(409, 'Signed notes cannot be deleted.')
  @ApiOperation({ summary: 'Delete a draft (signed notes cannot be deleted)' })
  remove(@CurrentActor() actor: StaffActor, @Param('id', RecordIdPipe) id: string): Promise<void> {
    return this.notes.deleteDraft(actor, id);
  }
}
