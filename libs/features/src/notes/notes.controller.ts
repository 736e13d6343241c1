import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { ListResponse, SessionNoteView, SessionUser } from '@trellis/contracts';
import { CurrentStaff } from '../auth/current-staff';
import { RecordIdPipe } from '../http/uuid-param.pipe';
import { AddendumDto, CreateNoteDto, UpdateNoteDto } from './note.dto';
import { NotesService } from './notes.service';

@ApiTags('notes')
@Controller()
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get('couples/:id/notes')
  @ApiOperation({ summary: "The couple's session notes with addenda (the couple's therapist only)" })
  async list(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ListResponse<SessionNoteView>> {
    const data = await this.notes.list(user, id, request);
    return { data, total: data.length };
  }

  @Post('couples/:id/notes')
  @ApiOperation({ summary: 'Start a draft note (SOAP, DAP or free text)' })
  create(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: CreateNoteDto,
    @Req() request: FastifyRequest,
  ): Promise<SessionNoteView> {
    return this.notes.create(user, id, body, request);
  }

  @Get('notes/:id')
  @ApiOperation({ summary: 'One note with its addenda' })
  get(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<SessionNoteView> {
    return this.notes.get(user, id, request);
  }

  @Patch('notes/:id')
  @ApiOperation({ summary: 'Edit a draft (signed notes are read-only: 409)' })
  update(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: UpdateNoteDto,
    @Req() request: FastifyRequest,
  ): Promise<SessionNoteView> {
    return this.notes.update(user, id, body, request);
  }

  @Post('notes/:id/sign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign a draft; it becomes read-only' })
  sign(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<SessionNoteView> {
    return this.notes.sign(user, id, request);
  }

  @Post('notes/:id/addenda')
  @ApiOperation({ summary: 'Add a signed correction to a signed note' })
  addendum(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Body() body: AddendumDto,
    @Req() request: FastifyRequest,
  ): Promise<SessionNoteView> {
    return this.notes.addAddendum(user, id, body, request);
  }

  @Delete('notes/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft (signed notes cannot be deleted)' })
  remove(
    @CurrentStaff() user: SessionUser,
    @Param('id', RecordIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.notes.deleteDraft(user, id, request);
  }
}
