import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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

// Keys every object inherits: class-validator's whitelist treats them as known, so they would slip
// through as "allowed" instead of being refused like any other unknown field.
const INHERITED_KEYS = new Set(['constructor', 'prototype', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']);

function inheritedKeyPaths(value: unknown, path = '', depth = 0): string[] {
  if (depth > 20 || typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => {
    const here = path ? `${path}.${key}` : key;
    return [
      ...(INHERITED_KEYS.has(key) ? [here] : []),
      ...inheritedKeyPaths((value as Record<string, unknown>)[key], here, depth + 1),
    ];
  });
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const bad = inheritedKeyPaths(value);
      if (bad.length) throw validationProblem(bad.map((field) => ({ field, message: 'is not an allowed field' })));
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused (no mass assignment); valid bodies arrive as typed DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
  });
}
