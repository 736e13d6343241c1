import { ValidateIf } from 'class-validator';

/**
 * A body field that may be left out — but not sent as null. class-validator's @IsOptional() also
 * waves null through, which silently turns `"partners": null` into "no change" instead of a 400.
 */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);
