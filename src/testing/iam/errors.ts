/** IAM's and STS's error codes the emulation answers with: HTTP status and fault type as AWS sends them. */

export const IAM_ERRORS = {
  AccessDenied: { status: 403, type: 'Sender' },
  NoSuchEntity: { status: 404, type: 'Sender' },
  Throttling: { status: 400, type: 'Sender' },
  ServiceFailure: { status: 500, type: 'Receiver' },
  InvalidInput: { status: 400, type: 'Sender' },
  ValidationError: { status: 400, type: 'Sender' },
  InvalidAction: { status: 400, type: 'Sender' },
  InvalidClientTokenId: { status: 403, type: 'Sender' },
  MissingAuthenticationToken: { status: 403, type: 'Sender' },
} as const satisfies Readonly<Record<string, { readonly status: number; readonly type: 'Sender' | 'Receiver' }>>;

export type IamErrorCode = keyof typeof IAM_ERRORS;

/** An error the emulated IAM answers with; thrown by an action, turned into `<ErrorResponse>` by the handler. */
export class IamMockError extends Error {
  readonly code: IamErrorCode;
  constructor(code: IamErrorCode, message: string) {
    super(message);
    this.name = 'IamMockError';
    this.code = code;
  }
}

export const noSuchEntity = (message: string): IamMockError => new IamMockError('NoSuchEntity', message);
export const invalidInput = (message: string): IamMockError => new IamMockError('InvalidInput', message);
