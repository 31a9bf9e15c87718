import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminGroupMembershipRequest,
  AdminListGroupsForUserRequest,
  CommandEnvelope,
  CreateGroupRequest,
  GroupRequest,
  ListGroupsRequest,
  ListUsersInGroupRequest,
  UpdateGroupRequest,
  UserDirectoryCommands as C,
} from '@idfed/contracts';
import { GroupsUseCases } from './groups.use-cases';

@Controller()
export class GroupsHandlers {
  constructor(@Inject(GroupsUseCases) private readonly groups: GroupsUseCases) {}

  @MessagePattern(C.createGroup.pattern)
  create(@Payload() e: CommandEnvelope<CreateGroupRequest>) {
    return this.groups.create(e.payload);
  }

  @MessagePattern(C.getGroup.pattern)
  get(@Payload() e: CommandEnvelope<GroupRequest>) {
    return this.groups.get(e.payload);
  }

  @MessagePattern(C.updateGroup.pattern)
  update(@Payload() e: CommandEnvelope<UpdateGroupRequest>) {
    return this.groups.update(e.payload);
  }

  @MessagePattern(C.deleteGroup.pattern)
  delete(@Payload() e: CommandEnvelope<GroupRequest>) {
    return this.groups.delete(e.payload);
  }

  @MessagePattern(C.listGroups.pattern)
  list(@Payload() e: CommandEnvelope<ListGroupsRequest>) {
    return this.groups.list(e.payload);
  }

  @MessagePattern(C.adminAddUserToGroup.pattern)
  addUser(@Payload() e: CommandEnvelope<AdminGroupMembershipRequest>) {
    return this.groups.addUser(e.payload);
  }

  @MessagePattern(C.adminRemoveUserFromGroup.pattern)
  removeUser(@Payload() e: CommandEnvelope<AdminGroupMembershipRequest>) {
    return this.groups.removeUser(e.payload);
  }

  @MessagePattern(C.adminListGroupsForUser.pattern)
  groupsForUser(@Payload() e: CommandEnvelope<AdminListGroupsForUserRequest>) {
    return this.groups.groupsForUser(e.payload);
  }

  @MessagePattern(C.listUsersInGroup.pattern)
  usersInGroup(@Payload() e: CommandEnvelope<ListUsersInGroupRequest>) {
    return this.groups.usersInGroup(e.payload);
  }
}
