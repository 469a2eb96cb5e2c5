// ECS's documented errors for the Express operations (botocore ecs model): awsJson1_1 sends the code in
// `__type` and `x-amzn-ErrorType` and the text in `message`; all are HTTP 400 but ServerException (a fault, 500).
export type EcsErrorCode =
  | 'InvalidParameterException'
  | 'ClientException'
  | 'ClusterNotFoundException'
  | 'ResourceNotFoundException'
  | 'ServiceNotFoundException'
  | 'ServiceNotActiveException'
  | 'AccessDeniedException'
  | 'ServerException';

export class EcsError extends Error {
  readonly status: number;
  constructor(
    readonly code: EcsErrorCode,
    message: string,
  ) {
    super(message);
    this.status = code === 'ServerException' ? 500 : 400;
  }
}
