/** A call's input does not fit its operation; nothing was sent. */
export class ValidationError extends Error {
  readonly operation: string;
  /** The input member at fault (`ApplicationId`), or `(input)` for the input as a whole. */
  readonly member: string;
  readonly expected: string;
  constructor(operation: string, member: string, expected: string, got: string) {
    super(`${operation}: input.${member}: expected ${expected}, got ${got}`);
    this.name = 'ValidationError';
    this.operation = operation;
    this.member = member;
    this.expected = expected;
  }
}
