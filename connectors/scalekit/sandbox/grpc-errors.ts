/**
 * Scalekit's REST layer is a grpc-gateway: errors are a gRPC Status as JSON, whose `code` is the
 * gRPC code (not the HTTP status), with one ErrorInfo detail carrying the code's name.
 */
/** gRPC code name -> [number, HTTP status], grpc-gateway's standard mapping (the doc's §5.2 table). */
const CODES = {
  CANCELLED: [1, 499],
  UNKNOWN: [2, 500],
  INVALID_ARGUMENT: [3, 400],
  DEADLINE_EXCEEDED: [4, 504],
  NOT_FOUND: [5, 404],
  ALREADY_EXISTS: [6, 409],
  PERMISSION_DENIED: [7, 403],
  RESOURCE_EXHAUSTED: [8, 429],
  FAILED_PRECONDITION: [9, 400],
  ABORTED: [10, 409],
  OUT_OF_RANGE: [11, 400],
  UNIMPLEMENTED: [12, 501],
  INTERNAL: [13, 500],
  UNAVAILABLE: [14, 503],
  DATA_LOSS: [15, 500],
  UNAUTHENTICATED: [16, 401],
} as const;

export type GrpcName = keyof typeof CODES;

/** For fault switches that name an HTTP status: the most usual gRPC code behind it, UNKNOWN when none. */
export function grpcNameForHttp(status: number): GrpcName {
  if (status === 500) return 'INTERNAL';
  const names = Object.keys(CODES) as GrpcName[];
  return names.find((name) => CODES[name][1] === status) ?? 'UNKNOWN';
}

export interface FieldViolation {
  field: string;
  constraint: string;
  description: string;
}

/** A request the API refuses; the server turns it into the JSON body below. */
export class ApiError extends Error {
  constructor(
    readonly grpc: GrpcName,
    message: string,
    readonly violations: FieldViolation[] = [],
  ) {
    super(message);
  }

  get httpStatus(): number {
    return CODES[this.grpc][1];
  }
}

export function grpcBody(grpc: GrpcName, message: string, violations: FieldViolation[] = []): Record<string, unknown> {
  const detail: Record<string, unknown> = { '@type': 'type.googleapis.com/scalekit.v1.errdetails.ErrorInfo', error_code: grpc };
  if (violations.length > 0) detail['validation_error_info'] = { field_violations: violations };
  return { code: CODES[grpc][0], message, details: [detail] };
}

export const notFound = (what: string): ApiError => new ApiError('NOT_FOUND', `${what} not found`);

export const alreadyExists = (message: string): ApiError => new ApiError('ALREADY_EXISTS', message);

/** A broken protovalidate rule; the message copies protovalidate's wording. */
export function invalidField(field: string, constraint: string, description: string): ApiError {
  return new ApiError('INVALID_ARGUMENT', `validation error:\n - ${field}: ${description} [${constraint}]`, [
    { field, constraint, description },
  ]);
}
