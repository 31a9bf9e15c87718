import type { RateLimitCategory } from '@idfed/config';
import { CommandContract } from '../command';
import { ServiceName } from '../services';
import { AwsApiName, AwsOperationName, ModelErrorName, ModelErrorOf, modelErrorsOf } from './aws-errors';
import {
  JSON_FRAMEWORK_ERRORS,
  JsonFrameworkError,
  QUERY_FRAMEWORK_ERRORS,
  QueryFrameworkError,
} from './framework-errors';

/** Any error name a service may raise: one AWS documents, or a framework one. A typo is a compile error. */
export type AwsErrorName = ModelErrorName | JsonFrameworkError | QueryFrameworkError;

/**
 * Who may call an operation. The gateway authenticates (public operations ignore any signature);
 * the service checks again from the caller in the command's metadata, so a command put on the bus
 * by anything but a gateway that verified it gets no further.
 * - `public`: anyone (Cognito's unauthenticated operations, AssumeRoleWithWebIdentity).
 * - `admin`: the admin key only.
 * - `signed`: any valid signature, the admin key or temporary credentials (STS AssumeRole).
 * - `internal`: services and gateways only; no wire surface reaches it.
 */
export type OperationAccess = 'public' | 'admin' | 'signed' | 'internal';

/** How clients reach an operation through the gateway. */
export type OperationSurface =
  | { protocol: 'json'; api: 'cognito-idp' | 'cognito-identity'; targetPrefix: string }
  | {
      protocol: 'query';
      api: 'sts' | 'iam';
      /** Members Query sends as text that the operation takes as integers. */
      integers: readonly string[];
      /** Whether the answer has an `<Action>Result` element (IAM's write actions have none). */
      hasResult: boolean;
    }
  | RestJsonSurface
  | { protocol: 'bus' };

/**
 * An operation of a REST-JSON API (Cognito Sync): its HTTP method and path template, and where each
 * member travels besides the path (botocore's `location`: `uri`, `querystring`, `header`); the
 * members left over travel in the JSON body.
 */
export interface RestJsonSurface {
  protocol: 'rest-json';
  api: 'cognito-sync';
  method: 'GET' | 'POST' | 'DELETE';
  /** botocore's `requestUri`: `/identitypools/{IdentityPoolId}/identities/{IdentityId}`. */
  path: string;
  /** Member -> query parameter name. */
  query: Readonly<Record<string, string>>;
  /** Member -> header name. */
  headers: Readonly<Record<string, string>>;
}

/**
 * One operation, declared once: its bus pattern and payload types (CommandContract), how clients
 * reach it, who may call it, its rate-limit category and the error names it may answer. The
 * gateway routes from these, services dispatch from them and check the caller against them.
 */
export interface OperationContract<
  Request,
  Result,
  ErrorName extends string = AwsErrorName,
> extends CommandContract<Request, Result> {
  /** The AWS operation name (idfed's own operations have names in the same style). */
  readonly name: string;
  readonly surface: OperationSurface;
  readonly access: OperationAccess;
  readonly rateLimit?: RateLimitCategory;
  readonly errors: readonly ErrorName[];
}

// `any` is what lets one list hold operations of different payload types: each contract keeps its
// own precise types where it is declared and used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = OperationContract<any, any, string>;
export type RequestOf<C> = C extends OperationContract<infer Q, unknown, string> ? Q : never;
export type ResultOf<C> = C extends OperationContract<unknown, infer R, string> ? R : never;
export type ErrorOf<C> = C extends OperationContract<unknown, unknown, infer E> ? E : never;

interface OperationOptions<Extra extends AwsErrorName> {
  rateLimit?: RateLimitCategory;
  /** Errors idfed answers beyond what AWS documents for the operation, each with a reason in a comment. */
  extraErrors?: readonly Extra[];
}

/**
 * The operations of one AWS JSON 1.1 API a service serves. Curried so the payload types are given
 * and the operation name is inferred: `api.operation<Req, Res>()('InitiateAuth', 'public')`.
 */
export function jsonApi<A extends 'cognito-idp' | 'cognito-identity'>(
  service: ServiceName,
  api: A,
  targetPrefix: string,
) {
  return {
    operation:
      <Request, Result>() =>
      <N extends AwsOperationName<A>, Extra extends AwsErrorName = never>(
        name: N,
        access: Exclude<OperationAccess, 'internal'>,
        options: OperationOptions<Extra> = {},
      ): OperationContract<Request, Result, ModelErrorOf<A, N> | JsonFrameworkError | Extra> =>
        define<Request, Result, ModelErrorOf<A, N> | JsonFrameworkError | Extra>(
          service,
          name,
          { protocol: 'json', api, targetPrefix },
          access,
          options,
          JSON_FRAMEWORK_ERRORS,
          api,
        ),
  };
}

interface RestJsonOptions<Extra extends AwsErrorName> extends OperationOptions<Extra> {
  method: RestJsonSurface['method'];
  path: string;
  query?: Readonly<Record<string, string>>;
  headers?: Readonly<Record<string, string>>;
}

/**
 * The operations of one AWS REST-JSON API a service serves, each with its route as botocore's model
 * gives it: `api.operation<Req, Res>()('ListRecords', 'signed', { method: 'GET', path: ... })`.
 */
export function restJsonApi<A extends 'cognito-sync'>(service: ServiceName, api: A) {
  return {
    operation:
      <Request, Result>() =>
      <N extends AwsOperationName<A>, Extra extends AwsErrorName = never>(
        name: N,
        access: Exclude<OperationAccess, 'internal'>,
        options: RestJsonOptions<Extra>,
      ): OperationContract<Request, Result, ModelErrorOf<A, N> | JsonFrameworkError | Extra> =>
        define<Request, Result, ModelErrorOf<A, N> | JsonFrameworkError | Extra>(
          service,
          name,
          {
            protocol: 'rest-json',
            api,
            method: options.method,
            path: options.path,
            query: options.query ?? {},
            headers: options.headers ?? {},
          },
          access,
          options,
          JSON_FRAMEWORK_ERRORS,
          api,
        ),
  };
}

interface QueryOptions<Extra extends AwsErrorName> extends OperationOptions<Extra> {
  integers?: readonly string[];
  hasResult: boolean;
}

/** The operations of one AWS Query API (STS, IAM) a service serves. */
export function queryApi<A extends 'sts' | 'iam'>(service: ServiceName, api: A) {
  const declare = <Request, Result, N extends string, E extends string, Extra extends AwsErrorName>(
    name: N,
    access: Exclude<OperationAccess, 'internal'>,
    options: QueryOptions<Extra>,
    modelApi: A | undefined,
  ): OperationContract<Request, Result, E> =>
    define<Request, Result, E>(
      service,
      name,
      { protocol: 'query', api, integers: options.integers ?? [], hasResult: options.hasResult },
      access,
      options,
      QUERY_FRAMEWORK_ERRORS,
      modelApi,
    );
  return {
    operation:
      <Request, Result>() =>
      <N extends AwsOperationName<A>, Extra extends AwsErrorName = never>(
        name: N,
        access: Exclude<OperationAccess, 'internal'>,
        options: QueryOptions<Extra>,
      ) =>
        declare<Request, Result, N, ModelErrorOf<A, N> | QueryFrameworkError | Extra, Extra>(
          name,
          access,
          options,
          api,
        ),
    /** An operation idfed adds to the API (no AWS model): its errors are all listed here. */
    ownOperation:
      <Request, Result>() =>
      <N extends string, Extra extends AwsErrorName>(
        name: N,
        access: Exclude<OperationAccess, 'internal'>,
        options: QueryOptions<Extra> & { extraErrors: readonly Extra[] },
      ) =>
        declare<Request, Result, N, QueryFrameworkError | Extra, Extra>(name, access, options, undefined),
  };
}

/**
 * An operation only services and gateways call, over the bus. One that serves a client's HTTP request
 * (the OAuth endpoints and hosted pages) has a rate limit category like the API operation it stands
 * for, and may then be refused with TooManyRequestsException (the gateway renders it as the
 * endpoint answers: JSON or an error page, status 429).
 */
export function internalOperation<Request, Result>() {
  return <Extra extends AwsErrorName = never>(
    service: ServiceName,
    name: string,
    extraErrors: readonly Extra[] = [],
    options: { rateLimit?: RateLimitCategory } = {},
  ): OperationContract<
    Request,
    Result,
    Extra | 'InternalErrorException' | 'ServiceUnavailable' | 'TooManyRequestsException'
  > => ({
    service,
    pattern: `${service}.${name}`,
    name,
    surface: { protocol: 'bus' },
    access: 'internal',
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    errors: [
      ...extraErrors,
      ...(options.rateLimit ? (['TooManyRequestsException'] as const) : []),
      'InternalErrorException',
      'ServiceUnavailable',
    ],
  });
}

function define<Request, Result, E extends string>(
  service: ServiceName,
  name: string,
  surface: OperationSurface,
  access: OperationAccess,
  options: OperationOptions<AwsErrorName>,
  frameworkErrors: readonly string[],
  modelApi: AwsApiName | undefined,
): OperationContract<Request, Result, E> {
  const errors = new Set([
    ...(modelApi ? modelErrorsOf(modelApi, name) : []),
    ...frameworkErrors,
    ...(options.extraErrors ?? []),
  ]);
  return {
    service,
    pattern: `${service}.${name}`,
    name,
    surface,
    access,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    errors: [...errors].sort() as E[],
  };
}
