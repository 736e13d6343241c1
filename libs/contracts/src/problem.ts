/** One invalid field, named the way the client sent it (dotted path for nested fields). */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}
