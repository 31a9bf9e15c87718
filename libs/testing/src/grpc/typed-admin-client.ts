import { join } from 'node:path';
import { Root, Type } from 'protobufjs';
import { CallOptions, IdfedGrpcClient } from './idfed-grpc-client';

const PROTO_ROOT = join(__dirname, '../../../../proto');

/** The typed admin services' packages (ADR 0052), by AWS API. */
const SERVICES = {
  'cognito-idp': {
    file: 'idfed/admin/cognitoidp/v1/cognito_idp.proto',
    service: 'idfed.admin.cognitoidp.v1.CognitoIdentityProvider',
  },
  'cognito-identity': {
    file: 'idfed/admin/cognitoidentity/v1/cognito_identity.proto',
    service: 'idfed.admin.cognitoidentity.v1.CognitoIdentity',
  },
  iam: { file: 'idfed/admin/iam/v1/iam.proto', service: 'idfed.admin.iam.v1.Iam' },
} as const;

export type TypedAdminApi = keyof typeof SERVICES;

/**
 * A client of the typed admin services built from the checked-in protos at run time (protobufjs
 * reflection, as a dynamic-language app would; their static code would be megabytes): messages in
 * protobufjs's camelCase, signed and sent by IdfedGrpcClient.
 */
export class TypedAdminClient {
  private readonly root: Root;

  constructor(private readonly client: IdfedGrpcClient) {
    this.root = new Root();
    this.root.resolvePath = (_origin, target) =>
      target.startsWith('google/') ? target : join(PROTO_ROOT, target);
    this.root.loadSync(
      Object.values(SERVICES).map((s) => s.file),
      { keepCase: false },
    );
    this.root.resolveAll();
  }

  /** The request and response types of an operation. */
  types(api: TypedAdminApi, operation: string): { request: Type; response: Type } {
    const method = this.root.lookupService(SERVICES[api].service).methods[operation];
    if (!method) throw new Error(`no rpc ${operation} in ${SERVICES[api].service}`);
    return { request: method.resolvedRequestType as Type, response: method.resolvedResponseType as Type };
  }

  /** One typed call; resolves with the response as a plain object (64-bit as numbers, bytes as Buffers). */
  async call(
    api: TypedAdminApi,
    operation: string,
    request: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<Record<string, unknown>> {
    const { request: req, response: res } = this.types(api, operation);
    const invalid = req.verify(request);
    if (invalid) throw new Error(`${operation}: ${invalid}`);
    const { response } = await this.client.unary(
      `/${SERVICES[api].service}/${operation}`,
      req,
      res,
      req.fromObject(request),
      options,
    );
    return res.toObject(response, { longs: Number });
  }
}
