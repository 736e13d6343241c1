import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '../http/omittable';
import { STAFF_ROLES, type StaffRole } from '@trellis/contracts';
import { trimText } from '../http/text-fields';

export class InviteStaffDto {
  @ApiProperty({ example: 'robin@clinic.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email: string;

  @ApiProperty({ example: 'Robin Hale' })
  @Transform(trimText)
  @IsString({ message: 'must be text' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `must be one of ${STAFF_ROLES.join(', ')}` })
  role: StaffRole;
}

export class UpdateStaffDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOmittable()
  @IsIn(STAFF_ROLES, { message: `must be one of ${STAFF_ROLES.join(', ')}` })
  role?: StaffRole;

  @ApiPropertyOptional({ enum: ['active', 'deactivated'] })
  @IsOmittable()
  @IsIn(['active', 'deactivated'], { message: 'must be active or deactivated' })
  status?: 'active' | 'deactivated';

  @ApiPropertyOptional({ description: 'When deactivating a therapist with couples: who takes them over' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a staff id' })
  reassignCouplesTo?: string;
}
