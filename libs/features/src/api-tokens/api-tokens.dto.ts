import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '@trellis/contracts';
import { IsIsoDate } from '../http/iso-date';
import { trimText } from '../http/text-fields';

export class CreateApiTokenDto {
  @ApiProperty({ type: String, example: 'Billing export', description: 'What the token is for (1–100 characters)' })
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  name: string;

  @ApiProperty({
    enum: API_TOKEN_SCOPES,
    description: '`read`: GET only (any write is a 403); `read_write`: everything the creating admin may do',
  })
  @IsIn(API_TOKEN_SCOPES, { message: `must be one of ${API_TOKEN_SCOPES.join(', ')}` })
  scope: ApiTokenScope;

  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2027-06-30T00:00:00Z',
    description: 'When the token stops working: in the future, at most 366 days away',
  })
  @IsIsoDate('date-time', { message: 'must be an ISO 8601 date-time like 2027-06-30T00:00:00Z' })
  expiresAt: string;
}
