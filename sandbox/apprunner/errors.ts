// App Runner's documented errors. awsJson1_0 sends the code in `__type` and `x-amzn-ErrorType`; all of
// them are HTTP 400 except InternalServiceErrorException (a fault, 500) and ThrottlingException (429).
export type AppRunnerErrorCode =
  | 'InvalidRequestException'
  | 'ResourceNotFoundException'
  | 'InvalidStateException'
  | 'ServiceQuotaExceededException'
  | 'InternalServiceErrorException'
  | 'ThrottlingException';

const STATUS: Record<AppRunnerErrorCode, number> = {
  InvalidRequestException: 400,
  ResourceNotFoundException: 400,
  InvalidStateException: 400,
  ServiceQuotaExceededException: 400,
  InternalServiceErrorException: 500,
  ThrottlingException: 429,
};

export class AppRunnerError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppRunnerErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const invalidRequest = (message: string) => new AppRunnerError('InvalidRequestException', message);
export const notFound = (message: string) => new AppRunnerError('ResourceNotFoundException', message);
export const invalidState = (message: string) => new AppRunnerError('InvalidStateException', message);
