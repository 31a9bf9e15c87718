import { ServiceError } from '@idfed/messaging';
import { likePrefix, parseUserFilter } from './list-users-filter';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return ((err as ServiceError).getError() as { message: string }).message;
  }
  return 'no error';
}

describe('ListUsers filter', () => {
  it.each([
    ['email = "ann@example.com"', { attribute: 'email', prefix: false, value: 'ann@example.com' }],
    ['username ^= "an"', { attribute: 'username', prefix: true, value: 'an' }],
    [
      'cognito:user_status="CONFIRMED"',
      { attribute: 'cognito:user_status', prefix: false, value: 'CONFIRMED' },
    ],
    ['  status = "Disabled"  ', { attribute: 'status', prefix: false, value: 'Disabled' }],
    ['name = "say \\"hi\\" \\\\ bye"', { attribute: 'name', prefix: false, value: 'say "hi" \\ bye' }],
    ['given_name = ""', { attribute: 'given_name', prefix: false, value: '' }],
  ])('parses %s', (filter, expected) => {
    expect(parseUserFilter(filter)).toEqual(expected);
  });

  it('treats an empty filter as none', () => {
    expect(parseUserFilter(undefined)).toBeUndefined();
    expect(parseUserFilter('  ')).toBeUndefined();
  });

  it.each(['email', 'email = ann', 'email == "a"', 'email = "a" and name = "b"', 'email ~ "a"'])(
    'refuses %s',
    (filter) => {
      expect(messageOf(() => parseUserFilter(filter))).toBe('Error while parsing filter.');
    },
  );

  it('refuses attributes that cannot be searched', () => {
    expect(messageOf(() => parseUserFilter('custom:team = "x"'))).toBe(
      'Invalid search attribute: custom:team',
    );
    expect(messageOf(() => parseUserFilter('locale = "en"'))).toBe('Invalid search attribute: locale');
  });

  it('escapes LIKE wildcards in a prefix', () => {
    expect(likePrefix('a%b_c\\')).toBe('a\\%b\\_c\\\\%');
  });
});
