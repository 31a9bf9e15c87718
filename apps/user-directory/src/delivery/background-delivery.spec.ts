import { BackgroundDelivery } from './background-delivery';
import { MessageSender, OutgoingMessage } from './message-sender';

const message = (code: string): OutgoingMessage => ({
  medium: 'EMAIL',
  to: 'ann@example.com',
  subject: 'Your code',
  text: `Your code is ${code}`,
  userPoolId: 'us-east-1_Pool1',
  username: 'ann',
});

describe('BackgroundDelivery', () => {
  it('issues a code after the caller has answered, then sends the message made of it (ADR 0068)', async () => {
    const steps: string[] = [];
    const sender: MessageSender = {
      send: jest.fn(async (m: OutgoingMessage) => {
        steps.push(`sent: ${m.text}`);
      }),
    };
    const delivery = new BackgroundDelivery(sender);
    delivery.enqueueIssued(
      'EMAIL',
      'us-east-1_Pool1',
      async () => {
        steps.push('stored');
        return '135790';
      },
      message,
    );
    // Nothing on the caller's path: the work starts only once the caller's turn is over.
    await Promise.resolve();
    steps.push('answered');
    await delivery.onModuleDestroy();
    expect(steps).toEqual(['answered', 'stored', 'sent: Your code is 135790']);
  });

  it('sends nothing when the code could not be stored', async () => {
    const send = jest.fn(async () => undefined);
    const delivery = new BackgroundDelivery({ send });
    delivery.enqueueIssued(
      'EMAIL',
      'us-east-1_Pool1',
      async () => {
        throw new Error('the user is gone');
      },
      message,
    );
    await delivery.onModuleDestroy();
    expect(send).not.toHaveBeenCalled();
  });
});
