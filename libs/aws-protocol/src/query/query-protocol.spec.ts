import { AwsError } from '../aws.error';
import { parseQueryRequest, queryList, queryStructList, isFormContentType } from './query-request.parser';
import { QUERY_NAMESPACES, queryErrorResponse, queryResponse } from './query-response.encoder';
import { escapeXml, xmlElement, XmlMap } from './xml.writer';

describe('Query request', () => {
  it('reads Action, Version and flattened parameters', () => {
    const req = parseQueryRequest(
      'Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=app+user&WebIdentityToken=a%2Bb%3D',
    );
    expect(req.action).toBe('AssumeRoleWithWebIdentity');
    expect(req.version).toBe('2011-06-15');
    expect(req.params.get('RoleSessionName')).toBe('app user');
    expect(req.params.get('WebIdentityToken')).toBe('a+b=');
  });

  it('accepts a Buffer body and recognises the form content type', () => {
    expect(parseQueryRequest(Buffer.from('Action=GetCallerIdentity')).version).toBeUndefined();
    expect(isFormContentType('application/x-www-form-urlencoded; charset=utf-8')).toBe(true);
    expect(isFormContentType('application/json')).toBe(false);
  });

  it('refuses a missing or malformed Action and repeated parameters', () => {
    const code = (text: string) => {
      try {
        parseQueryRequest(text);
      } catch (err) {
        return (err as AwsError).errorName;
      }
      return 'none';
    };
    expect(code('Version=2011-06-15')).toBe('MissingAction');
    expect(code('Action=%3Cscript%3E')).toBe('InvalidAction');
    expect(code('Action=GetCallerIdentity&Action=AssumeRole')).toBe('InvalidParameterValue');
  });

  it('reads member lists and lists of structures', () => {
    const { params } = parseQueryRequest(
      'Action=X&PolicyArns.member.1.arn=a1&PolicyArns.member.2.arn=a2&Ids.member.1=x&Ids.member.2=y&Ids.member.4=gap' +
        '&Tags.member.1.Key=k&Tags.member.1.Value=v',
    );
    expect(queryList(params, 'Ids')).toEqual(['x', 'y']);
    expect(queryStructList(params, 'PolicyArns')).toEqual([{ arn: 'a1' }, { arn: 'a2' }]);
    expect(queryStructList(params, 'Tags')).toEqual([{ Key: 'k', Value: 'v' }]);
    expect(queryList(params, 'Missing')).toEqual([]);
  });
});

describe('Query request parameters in both the query string and the body (POST)', () => {
  it('counts both, leaving out the X-Amz-* signing parameters of the query string', () => {
    const req = parseQueryRequest(
      'RoleName=r&Version=2010-05-08',
      'Action=GetRole&X-Amz-Signature=abc&X-Amz-Credential=k%2Fd',
    );
    expect(req.action).toBe('GetRole');
    expect(Object.fromEntries(req.params)).toEqual({
      Action: 'GetRole',
      RoleName: 'r',
      Version: '2010-05-08',
    });
  });

  it.each([
    ['Action=CreateRole&RoleName=x', 'Action=GetCallerIdentity'],
    ['Action=GetRole&RoleName=a', 'RoleName=b'],
    ['Action=GetRole&RoleName=a', 'RoleName=a'],
  ])('refuses %j with %j in the query string as InvalidParameterValue', (body, query) => {
    expect(() => parseQueryRequest(body, query)).toThrow(
      expect.objectContaining({ errorName: 'InvalidParameterValue', status: 400 }),
    );
  });
});

describe('XML writer', () => {
  it('writes a map as the Query protocol does: <entry><key/><value/></entry> pairs, in order', () => {
    expect(
      xmlElement(
        'SummaryMap',
        new XmlMap([
          ['Users', 3],
          ['Groups', 0],
        ]),
      ),
    ).toBe(
      '<SummaryMap><entry><key>Users</key><value>3</value></entry><entry><key>Groups</key><value>0</value></entry></SummaryMap>',
    );
  });

  it('escapes markup, quotes and carriage returns', () => {
    expect(escapeXml(`<a href="x">'&'</a>\r\n`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;&#xD;\n',
    );
  });

  it('replaces characters XML cannot carry', () => {
    expect(escapeXml('a\u0000b\u0007c\uD800d\uFFFEe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(escapeXml('tab\tok 😀')).toBe('tab\tok 😀');
  });

  it('writes objects, member lists, timestamps and skips empty values', () => {
    expect(
      xmlElement('Credentials', {
        AccessKeyId: 'ASIA1',
        Expiration: new Date('2030-01-02T03:04:05.678Z'),
        Missing: undefined,
        Nothing: null,
        Count: 2,
        Flag: false,
        Arns: ['a', 'b<'],
      }),
    ).toBe(
      '<Credentials><AccessKeyId>ASIA1</AccessKeyId><Expiration>2030-01-02T03:04:05Z</Expiration>' +
        '<Count>2</Count><Flag>false</Flag><Arns><member>a</member><member>b&lt;</member></Arns></Credentials>',
    );
  });

  it('writes a map as <entry> items with key and value, and an empty map as an empty element', () => {
    expect(
      xmlElement('EvalDecisionDetails', {
        entry: [
          { key: 'IAM Policy', value: 'allowed' },
          { key: 'Resource Policy', value: 'implicitDeny' },
        ],
      }),
    ).toBe(
      '<EvalDecisionDetails><entry><key>IAM Policy</key><value>allowed</value></entry>' +
        '<entry><key>Resource Policy</key><value>implicitDeny</value></entry></EvalDecisionDetails>',
    );
    expect(xmlElement('EvalDecisionDetails', { entry: [] })).toBe(
      '<EvalDecisionDetails></EvalDecisionDetails>',
    );
    // A structure that merely has an entry member beside others stays a structure.
    expect(xmlElement('S', { entry: ['x'], other: 'y' })).toBe(
      '<S><entry><member>x</member></entry><other>y</other></S>',
    );
  });

  it('refuses element names that would break the markup', () => {
    expect(() => xmlElement('a><b', 'x')).toThrow(/invalid XML element name/);
    expect(() => xmlElement('Ok', { 'bad name': 'x' })).toThrow(/invalid XML element name/);
  });
});

describe('Query responses', () => {
  it('wraps a result in the response envelope', () => {
    const res = queryResponse(
      'GetCallerIdentity',
      QUERY_NAMESPACES.sts,
      { Account: '000000000000' },
      'req-1',
    );
    expect(res.status).toBe(200);
    expect(res.headers).toEqual({ 'content-type': 'text/xml', 'x-amzn-RequestId': 'req-1' });
    expect(res.body).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">' +
        '<GetCallerIdentityResult><Account>000000000000</Account></GetCallerIdentityResult>' +
        '<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
    );
  });

  it('omits the Result element for actions without output', () => {
    expect(queryResponse('DeleteRole', QUERY_NAMESPACES.iam, undefined, 'r').body).toBe(
      '<DeleteRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">' +
        '<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteRoleResponse>',
    );
    expect(() => queryResponse('Bad>Action', QUERY_NAMESPACES.iam, undefined, 'r')).toThrow();
  });

  it('writes the error envelope with Sender or Receiver and escapes the message', () => {
    const sender = queryErrorResponse(
      new AwsError('InvalidIdentityToken', 'Token <aud> mismatch & more'),
      QUERY_NAMESPACES.sts,
      'req-2',
    );
    expect(sender.status).toBe(400);
    expect(sender.body).toBe(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
        '<Code>InvalidIdentityToken</Code><Message>Token &lt;aud&gt; mismatch &amp; more</Message></Error>' +
        '<RequestId>req-2</RequestId></ErrorResponse>',
    );
    const receiver = queryErrorResponse(new AwsError('ServiceFailure', 'x'), QUERY_NAMESPACES.iam, 'r');
    expect(receiver.status).toBe(500);
    expect(receiver.body).toContain('<Type>Receiver</Type>');
  });
});
