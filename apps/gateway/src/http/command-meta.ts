import type { Request } from 'express';
import { Caller, CommandMeta } from '@idfed/contracts';

/**
 * What travels with a command besides its payload. The source address is the socket's peer:
 * X-Forwarded-For is not trusted until a deployment says which proxies to believe.
 */
export function commandMeta(req: Request, requestId: string, caller: Caller, region?: string): CommandMeta {
  const userAgent = req.headers['user-agent'];
  return {
    requestId,
    caller,
    ...(region ? { region } : {}),
    ...(req.socket.remoteAddress ? { sourceIp: req.socket.remoteAddress } : {}),
    ...(userAgent ? { userAgent: userAgent.slice(0, 512) } : {}),
  };
}
