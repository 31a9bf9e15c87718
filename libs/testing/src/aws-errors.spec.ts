import { awsErrorMismatch, expectAwsError, wireStatusOf } from './aws-errors';

/** An error shaped as the AWS SDK v3 throws it. */
function sdkError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}

/** An error shaped as amazon-cognito-identity-js reports it. */
function identityJsError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: code, code });
}

describe('expectAwsError', () => {
  it('returns the error when name, status and message are those expected', async () => {
    const err = sdkError('NotAuthorizedException', 'Incorrect username or password.', 400);
    await expect(expectAwsError(Promise.reject(err), 'NotAuthorizedException', /Incorrect/)).resolves.toBe(
      err,
    );
    await expect(
      expectAwsError(Promise.reject(err), 'NotAuthorizedException', 'Incorrect username or password.'),
    ).resolves.toBe(err);
  });

  it('fails on another name, another status or another message', async () => {
    const err = sdkError('UserNotFoundException', 'User does not exist.', 400);
    await expect(expectAwsError(Promise.reject(err), 'NotAuthorizedException')).rejects.toThrow(
      'expected NotAuthorizedException, got name "UserNotFoundException"',
    );
    await expect(
      expectAwsError(Promise.reject(sdkError('AccessDenied', 'no', 400)), 'AccessDenied'),
    ).rejects.toThrow('HTTP status 400 instead of 403');
    await expect(expectAwsError(Promise.reject(err), 'UserNotFoundException', /exists\./)).rejects.toThrow(
      'message "User does not exist." instead of /exists\\./',
    );
  });

  it('takes a status given for the case, and checks the code of amazon-cognito-identity-js', async () => {
    const teapot = sdkError('NotAuthorizedException', 'x', 418);
    await expect(
      expectAwsError(Promise.reject(teapot), 'NotAuthorizedException', { status: 418 }),
    ).resolves.toBe(teapot);
    const srp = identityJsError('NotAuthorizedException', 'Incorrect username or password.');
    await expect(expectAwsError(Promise.reject(srp), 'NotAuthorizedException')).resolves.toBe(srp);
    expect(
      awsErrorMismatch({ ...srp, name: 'NotAuthorizedException', code: 'Other' }, 'NotAuthorizedException'),
    ).toBe('expected NotAuthorizedException, got code "Other"');
  });

  it('fails when the call succeeds, or fails with something that is not an AWS answer', async () => {
    await expect(
      expectAwsError(Promise.resolve({ Username: 'a' }), 'NotAuthorizedException'),
    ).rejects.toThrow('expected NotAuthorizedException, but the call succeeded with {"Username":"a"}');
    await expect(
      expectAwsError(Promise.reject(new TypeError('fetch failed')), 'NotAuthorizedException'),
    ).rejects.toThrow(/name "TypeError".*not an AWS answer/);
  });

  it('knows the statuses AWS sends beside 400', () => {
    expect(wireStatusOf('NotAuthorizedException')).toBe(400);
    expect(wireStatusOf('ResourceNotFoundException')).toBe(400);
    expect(wireStatusOf('InvalidClientTokenId')).toBe(403);
    expect(wireStatusOf('NoSuchEntityException')).toBe(404);
    expect(wireStatusOf('DeleteConflictException')).toBe(409);
  });
});
