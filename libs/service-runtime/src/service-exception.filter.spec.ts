import { ArgumentsHost } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { QueryFailedError } from 'typeorm';
import { BusContext } from '@idfed/messaging';
import { ServiceExceptionFilter } from './service-exception.filter';

/** What Nest hands a filter for a bus message: the payload and the message's context. */
function hostOf(delivery: 'command' | 'event'): ArgumentsHost {
  const args = [{}, new BusContext({ delivery, topic: 't', key: '', headers: {} })];
  return { getArgByIndex: (i: number) => args[i] } as ArgumentsHost;
}

async function answerTo(exception: unknown, delivery: 'command' | 'event' = 'command'): Promise<unknown> {
  try {
    await firstValueFrom(new ServiceExceptionFilter().catch(exception, hostOf(delivery)));
  } catch (answer) {
    return answer;
  }
  throw new Error('the filter did not answer with an error');
}

describe('ServiceExceptionFilter', () => {
  it('answers a lost database as ServiceUnavailable', async () => {
    const lost = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(await answerTo(new QueryFailedError('UPDATE users SET x = $1', ['secret'], lost))).toEqual({
      name: 'ServiceUnavailable',
      message: 'The service database is unavailable.',
    });
    expect(await answerTo(new Error('Connection terminated unexpectedly'))).toMatchObject({
      name: 'ServiceUnavailable',
    });
  });

  it('keeps a domain error as it is', async () => {
    const domain = new RpcException({ name: 'UserNotFoundException', message: 'User does not exist.' });
    expect(await answerTo(domain)).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });

  it('keeps any other failure an internal error', async () => {
    expect(await answerTo(new TypeError('x is undefined'))).toEqual({
      status: 'error',
      message: 'Internal server error',
    });
  });

  it("leaves an event's error as it is, for its transport to retry, wait on or dead-letter", async () => {
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });
    expect(await answerTo(lost, 'event')).toBe(lost);
    const bug = new TypeError('x is undefined');
    expect(await answerTo(bug, 'event')).toBe(bug);
  });
});
