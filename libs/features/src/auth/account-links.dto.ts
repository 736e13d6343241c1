import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export class TokenDto {
  @ApiProperty({ description: 'The token from the emailed link' })
  @IsString({ message: 'must be text' })
  @Matches(TOKEN_SHAPE, { message: 'is not a valid link token' })
  token: string;
}

export class SetPasswordDto extends TokenDto {
  @ApiProperty({ description: 'At least 12 characters; not a common password; not your name or email' })
  @IsString({ message: 'must be text' })
  @MaxLength(1024, { message: 'must be at most 1024 characters' })
  password: string;
}

export class PasswordResetRequestDto {
  @ApiProperty()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  email: string;
}
