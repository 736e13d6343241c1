import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@trellis/contracts';
import { validationProblem } from './problem.exception';

/** Flattens class-validator's tree into `[{ field: 'partners.0.email', message }]`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? 'is not an allowed field' : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Unknown fields are refused (no mass assignment); valid bodies arrive as typed DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
  });
}
