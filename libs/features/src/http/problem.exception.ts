import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError } from '@trellis/contracts';

/** An HTTP error that carries field errors into the problem+json body. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly detail: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(detail, status);
  }
}

export function validationProblem(errors: FieldError[]): ProblemException {
  const fields = errors.map((e) => e.field).join(', ');
  return new ProblemException(HttpStatus.BAD_REQUEST, `Some fields are invalid: ${fields}`, errors);
}
