import { ServiceError } from '@idfed/messaging';
import { CognitoErrors } from './cognito-errors';

describe('CognitoErrors', () => {
  it('gives each factory its literal AWS name, so an operation’s declared errors can be checked', () => {
    // Compile-time: the type names the one error, not any AWS name.
    const notFound: ServiceError<'UserNotFoundException'> = CognitoErrors.userNotFound();
    // @ts-expect-error a factory's error is not assignable to another name
    const wrong: ServiceError<'UsernameExistsException'> = CognitoErrors.userNotFound();
    expect([notFound.errorName, wrong.errorName]).toEqual(['UserNotFoundException', 'UserNotFoundException']);
    expect(CognitoErrors.poolNotFound('eu-west-1_x').getError()).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool eu-west-1_x does not exist.',
    });
  });
});
