import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandEnvelope,
  CreateUserPoolClientRequest,
  DescribeUserPoolClientRequest,
  ListUserPoolClientsRequest,
  UserDirectoryCommands as C,
} from '@idfed/contracts';
import { ClientsService } from './clients.service';

@Controller()
export class ClientsHandlers {
  constructor(@Inject(ClientsService) private readonly clients: ClientsService) {}

  @MessagePattern(C.createUserPoolClient.pattern)
  create(@Payload() e: CommandEnvelope<CreateUserPoolClientRequest>) {
    return this.clients.create(e.payload);
  }

  @MessagePattern(C.describeUserPoolClient.pattern)
  describe(@Payload() e: CommandEnvelope<DescribeUserPoolClientRequest>) {
    return this.clients.describe(e.payload);
  }

  @MessagePattern(C.listUserPoolClients.pattern)
  list(@Payload() e: CommandEnvelope<ListUserPoolClientsRequest>) {
    return this.clients.list(e.payload);
  }
}
