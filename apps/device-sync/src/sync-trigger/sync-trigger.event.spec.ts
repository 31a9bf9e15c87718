import { readTriggerAnswer, SyncTriggerEvent } from './sync-trigger.event';
import { patchesAfter } from './sync-trigger';

const sent: SyncTriggerEvent = {
  version: 2,
  eventType: 'SyncTrigger',
  region: 'us-east-1',
  identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000001',
  identityId: 'us-east-1:00000000-0000-0000-0000-00000000000a',
  datasetName: 'game',
  datasetRecords: {
    score: { oldValue: '10', newValue: '100', op: 'replace' },
    cheat: { oldValue: null, newValue: 'on', op: 'replace' },
  },
};

const answer = (change: Record<string, unknown>) => JSON.stringify({ ...sent, ...change });

describe("reading a sync trigger's answer", () => {
  it('takes the records as the trigger changed them: replaced, removed, added, left out', () => {
    const records = readTriggerAnswer(
      sent,
      answer({
        datasetRecords: {
          score: { oldValue: '10', newValue: '99', op: 'replace' },
          badge: { newValue: 'gold', op: 'replace' },
          old: { op: 'remove' },
        },
      }),
    );
    expect([...records]).toEqual([
      ['score', { op: 'replace', newValue: '99' }],
      ['badge', { op: 'replace', newValue: 'gold' }],
      ['old', { op: 'remove', newValue: null }],
    ]);
    const patches = patchesAfter(
      [
        { Op: 'replace', Key: 'score', Value: '100', SyncCount: 4, DeviceLastModifiedDate: 7 },
        { Op: 'replace', Key: 'cheat', Value: 'on', SyncCount: 0 },
      ],
      records,
    );
    expect(patches).toEqual([
      { Op: 'replace', Key: 'score', Value: '99', SyncCount: 4, DeviceLastModifiedDate: 7 },
      { Op: 'replace', Key: 'badge', Value: 'gold', SyncCount: 0, unchecked: true },
      { Op: 'remove', Key: 'old', SyncCount: 0, unchecked: true },
    ]);
  });

  it.each([
    ['not JSON', 'oops', /not JSON/],
    ['an array', '[]', /not an object/],
    [
      'another identity',
      answer({ identityId: 'us-east-1:00000000-0000-0000-0000-00000000000b' }),
      /identityId/,
    ],
    [
      'another pool',
      answer({ identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000002' }),
      /identityPoolId/,
    ],
    ['another dataset', answer({ datasetName: 'other' }), /datasetName/],
    ['another version', answer({ version: 1 }), /version/],
    ['no records', answer({ datasetRecords: null }), /datasetRecords/],
    ['an unknown op', answer({ datasetRecords: { k: { op: 'delete' } } }), /op "delete"/],
    ['a replace without a value', answer({ datasetRecords: { k: { op: 'replace' } } }), /without a string/],
    ['a record that is not an object', answer({ datasetRecords: { k: 'v' } }), /not an object/],
    ['an empty key', answer({ datasetRecords: { '': { op: 'remove' } } }), /record key of 0/],
  ])('refuses %s as InvalidLambdaFunctionOutputException', (_what, text, message) => {
    let error: unknown;
    try {
      readTriggerAnswer(sent, text);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ errorName: 'InvalidLambdaFunctionOutputException' });
    expect((error as Error).message).toMatch(message);
  });
});
