import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IsOmittable } from '../../http/omittable';

export class TotpCodeDto {
  @ApiPropertyOptional({ example: '123456' })
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'must be the 6-digit code from your authenticator app' })
  code: string;
}

/** Either the current code or one recovery code. */
export class SecondFactorDto {
  @ApiPropertyOptional({ example: '123456' })
  @IsOmittable()
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'must be the 6-digit code from your authenticator app' })
  code?: string;

  @ApiPropertyOptional({ example: 'k7mq-3xr9-tb2p' })
  @IsOmittable()
  @Matches(/^[A-Za-z0-9 -]{12,20}$/, { message: 'must be one of your recovery codes, like k7mq-3xr9-tb2p' })
  recoveryCode?: string;
}
