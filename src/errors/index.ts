export { ValidationError } from './validation.js';
export {
  PinpointServiceError, BadRequestException, ForbiddenException, NotFoundException, MethodNotAllowedException, ConflictException,
  PayloadTooLargeException, TooManyRequestsException, InternalServerErrorException,
} from './service.js';
export { AccessDeniedError, UncertainDecisionError, EndOfSupportError, AccountResolutionError } from './guard.js';
export { NetworkError, TimeoutError, AbortError, CredentialsError, InvalidResponseError, ResponseTooLargeError } from './transport.js';
