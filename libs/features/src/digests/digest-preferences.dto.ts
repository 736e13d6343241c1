import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

/** `PUT /digests/preferences`: the whole set of choices, each required. */
export class DigestPreferencesDto {
  @ApiProperty({ description: 'Email me the Monday digest of my couples’ week' })
  @IsBoolean()
  weekly!: boolean;
}
