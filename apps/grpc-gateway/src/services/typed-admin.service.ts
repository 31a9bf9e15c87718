import { Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { Root, Type } from 'protobufjs';
import { ADMIN_PROTO_APIS, awsToTyped, typedToAws } from '@idfed/aws-protocol';
import { CallContext } from '../grpc/call-context';
import { GrpcServiceBinding } from '../grpc/grpc-server';
import { protoRoot } from '../grpc/proto-files';
import { AdminService } from './admin.service';

/**
 * The typed admin services (ADR 0052): idfed.admin.cognitoidp.v1.CognitoIdentityProvider,
 * idfed.admin.cognitoidentity.v1.CognitoIdentity and idfed.admin.iam.v1.Iam, generated from
 * botocore's shapes. Each call's message becomes the operation's AWS JSON input and runs through
 * Admin.Invoke's path (validation, caller, errors); the JSON output becomes the response message.
 */
@Injectable()
export class TypedAdminService {
  private readonly root = typedRoot();

  constructor(@Inject(AdminService) private readonly admin: AdminService) {}

  bindings(): GrpcServiceBinding[] {
    return ADMIN_PROTO_APIS.map((a) => {
      const service = this.root.lookupService(`${a.pkg}.${a.service}`);
      const unary: NonNullable<GrpcServiceBinding['unary']> = {};
      for (const method of service.methodsArray) {
        const input = method.resolvedRequestType as Type;
        const output = method.resolvedResponseType as Type;
        unary[method.name] = async (request: object, ctx: CallContext) => {
          const json = typedToAws(input, request as Record<string, unknown>);
          const result = await this.admin.dispatch(a.api, method.name, json, ctx);
          return awsToTyped(output, result ?? {});
        };
      }
      return { service: `${a.pkg}.${a.service}`, unary };
    });
  }
}

let root: Root | undefined;

/** The typed admin protos as protobufjs reflects them, loaded once per process and only read. */
function typedRoot(): Root {
  if (root) return root;
  const dir = protoRoot();
  const loaded = new Root();
  loaded.resolvePath = (_origin, target) => (target.startsWith('google/') ? target : join(dir, target));
  loaded.loadSync(ADMIN_PROTO_APIS.map((a) => a.file));
  loaded.resolveAll();
  return (root = loaded);
}
