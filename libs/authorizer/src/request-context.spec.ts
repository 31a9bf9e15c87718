import { requestContext, withSignedRequestContext } from './request-context';

describe('request context of a decision', () => {
  it('gives aws:RequestedRegion the region the request was signed for', () => {
    expect(requestContext({ region: 'eu-west-1' })).toEqual({ 'aws:RequestedRegion': 'eu-west-1' });
  });

  it("keeps the asker's keys and sets the signed region over any it gave, in any case", () => {
    expect(
      withSignedRequestContext(
        {
          'aws:RequestedRegion': 'eu-west-1',
          'AWS:requestedregion': 'ap-southeast-2',
          'aws:SourceIp': '203.0.113.9',
          'docs:Folder': ['a', 'b'],
        },
        { region: 'us-east-1' },
      ),
    ).toEqual({
      'aws:RequestedRegion': 'us-east-1',
      'aws:SourceIp': '203.0.113.9',
      'docs:Folder': ['a', 'b'],
    });
  });

  it('gives the signed region when the asker gave no context', () => {
    expect(withSignedRequestContext(undefined, { region: 'eu-west-1' })).toEqual({
      'aws:RequestedRegion': 'eu-west-1',
    });
  });
});
