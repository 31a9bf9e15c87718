import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryDispatcher } from './query.dispatcher';

/**
 * `GET /?Action=...`: the Query protocol in a URL, as presigned STS requests use it
 * (GetCallerIdentity URLs handed to another party to prove who signed them). POST requests reach
 * the same dispatcher from JsonRpcController, which owns `POST /`.
 */
@Controller()
export class QueryController {
  constructor(@Inject(QueryDispatcher) private readonly dispatcher: QueryDispatcher) {}

  @Get()
  async handle(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.dispatcher.dispatch(req, res, Buffer.alloc(0));
  }
}
