import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'dana@demo.trellis.test' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'trellis-demo-2026' })
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'is required' })
  @MaxLength(1024, { message: 'must be at most 1024 characters' })
  password: string;
}
