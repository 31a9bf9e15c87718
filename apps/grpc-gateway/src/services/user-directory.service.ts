import { Inject, Injectable } from '@nestjs/common';
import { AwsError } from '@idfed/aws-protocol';
import { UserDirectoryOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { CallContext, commandMetaOf } from '../grpc/call-context';
import { GrpcServiceBinding } from '../grpc/grpc-server';

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
/** Pages of groups read for one user at most (60 each): AWS allows 10,000 groups per pool. */
const MAX_GROUP_PAGES = 200;

/** idfed.userdirectory.v1.UserDirectory: a user and their groups, from the user directory's own operations. */
@Injectable()
export class UserDirectoryService {
  constructor(@Inject(BusClient) private readonly bus: BusClient) {}

  binding(): GrpcServiceBinding {
    return {
      service: 'idfed.userdirectory.v1.UserDirectory',
      unary: {
        GetUser: (r: { userPoolId: string; username: string }, ctx: CallContext) => this.getUser(r, ctx),
      },
    };
  }

  private async getUser(r: { userPoolId: string; username: string }, ctx: CallContext): Promise<object> {
    if (!POOL_ID.test(r.userPoolId)) throw invalid('user_pool_id is not a user pool id.');
    if (r.username.length === 0 || r.username.length > 128) throw invalid('username: 1 to 128 characters.');
    const meta = commandMetaOf(ctx);
    const user = await this.bus.request(
      UserDirectoryOperations.AdminGetUser,
      { UserPoolId: r.userPoolId, Username: r.username },
      meta,
    );
    const groups: object[] = [];
    let next: string | undefined;
    for (let page = 0; page < MAX_GROUP_PAGES; page++) {
      const answer = await this.bus.request(
        UserDirectoryOperations.AdminListGroupsForUser,
        {
          UserPoolId: r.userPoolId,
          Username: user.Username,
          Limit: 60,
          ...(next ? { NextToken: next } : {}),
        },
        meta,
      );
      for (const g of answer.Groups ?? []) {
        groups.push({
          name: g.GroupName,
          description: g.Description ?? '',
          roleArn: g.RoleArn ?? '',
          ...(g.Precedence !== undefined ? { precedence: g.Precedence } : {}),
        });
      }
      next = answer.NextToken;
      if (!next) break;
    }
    return {
      username: user.Username,
      enabled: user.Enabled,
      status: user.UserStatus,
      attributes: user.UserAttributes.map((a) => ({ name: a.Name, value: a.Value ?? '' })),
      groups,
      createdAt: Math.floor(user.UserCreateDate),
      modifiedAt: Math.floor(user.UserLastModifiedDate),
    };
  }
}

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}
