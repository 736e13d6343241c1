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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text a database can store: PostgreSQL refuses NUL in text and jsonb, and jsonb refuses a lone
 * UTF-16 surrogate (JSON lets `"\ud800"` through). Checked here once, for every string the pipe sees.
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/**
 * The paths of every string (value or key) in a body or query that is not storable text, nested
 * answers and sections included. Iterative: depth is bounded by `registerJsonDepthLimit`, but this
 * walk must not be the thing that overflows the stack if it ever is not.
 */
export function unstorableTextPaths(value: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [here, path] = stack.pop() as [unknown, string];
    if (typeof here === 'string') {
      if (!isStorableText(here)) found.push(path || 'body');
    } else if (typeof here === 'object' && here !== null) {
      for (const [key, child] of Object.entries(here)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) found.push(childPath);
        else stack.push([child, childPath]);
      }
    }
  }
  return found.sort();
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const bad = inheritedKeyPaths(value);
      if (bad.length) throw validationProblem(bad.map((field) => ({ field, message: 'is not an allowed field' })));
      const unstorable = unstorableTextPaths(value);
      if (unstorable.length)
        throw validationProblem(unstorable.map((field) => ({ field, message: UNSTORABLE_TEXT_MESSAGE })));
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
