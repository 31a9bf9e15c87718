import { AwsError, awsErrorFromShape } from './aws.error';
import { errorFault, errorStatus, isKnownErrorName } from './error-status.table';

describe('error status table', () => {
  it.each([
    ['NotAuthorizedException', 400],
    ['UsernameExistsException', 400],
    ['UserNotFoundException', 400],
    ['ResourceNotFoundException', 400],
    ['TooManyRequestsException', 400],
    ['MissingAuthenticationTokenException', 400],
    ['SerializationException', 400],
    ['UnknownOperationException', 400],
    ['RequestEntityTooLargeException', 413],
    ['InternalErrorException', 500],
    ['ServiceUnavailable', 503],
    ['InvalidClientTokenId', 403],
    ['NoSuchEntity', 404],
    ['EntityAlreadyExists', 409],
    ['InvalidAuthenticationCode', 403],
    ['ReportNotPresent', 410],
    ['ReportExpired', 410],
    ['ReportInProgress', 404],
  ])('%s is sent as %i', (name, status) => {
    expect(errorStatus(name)).toBe(status);
  });

  it('defaults any AWS-style ...Exception to a 400 client fault', () => {
    expect(errorStatus('SomeNewCognitoException')).toBe(400);
    expect(isKnownErrorName('SomeNewCognitoException')).toBe(true);
  });

  it('treats anything else as a 500 and not as a known name', () => {
    expect(errorStatus('TypeError')).toBe(500);
    expect(isKnownErrorName('TypeError')).toBe(false);
    expect(isKnownErrorName('constructor')).toBe(false);
    expect(errorStatus('toString')).toBe(500);
  });

  it('derives the Query fault from the status', () => {
    expect(errorFault(400)).toBe('Sender');
    expect(errorFault(403)).toBe('Sender');
    expect(errorFault(500)).toBe('Receiver');
    expect(errorFault(503)).toBe('Receiver');
  });
});

describe('AwsError', () => {
  it('takes its status from the table unless overridden', () => {
    expect(new AwsError('InvalidParameterException', 'x').status).toBe(400);
    expect(new AwsError('InvalidParameterException', 'x', 404).status).toBe(404);
    expect(new AwsError('UserNotFoundException', 'x').name).toBe('UserNotFoundException');
  });

  it('masks a service error name outside the AWS vocabulary', () => {
    expect(
      awsErrorFromShape({ name: 'UsernameExistsException', message: 'User already exists' }),
    ).toMatchObject({
      errorName: 'UsernameExistsException',
      message: 'User already exists',
      status: 400,
    });
    expect(
      awsErrorFromShape({ name: 'QueryFailedError', message: 'relation "users" does not exist' }),
    ).toMatchObject({
      errorName: 'InternalErrorException',
      message: 'Internal server error',
      status: 500,
    });
  });
});
