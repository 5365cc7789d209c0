/** Failures below HTTP: no response arrived. */

export class NetworkError extends Error {
  readonly code: string | undefined;
  readonly attempts: number;
  constructor(message: string, code: string | undefined, attempts: number) {
    super(message);
    this.name = 'NetworkError';
    this.code = code;
    this.attempts = attempts;
  }
}

export class TimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`the request did not complete within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

export class AbortError extends Error {
  constructor() {
    super('the call was aborted');
    this.name = 'AbortError';
  }
}

/** No credentials could be found or loaded. */
export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}
