import { taggingActionOf } from './tagging-actions';

describe('taggingActionOf', () => {
  // IAM User Guide, "Permissions required for tagging IAM resources": creating a resource with tags
  // needs the create action and the resource's tagging action. (The API reference's CreateUser /
  // CreateRole pages only say "If any one of the tags is invalid ... the entire request fails and the
  // resource is not created", which the service already does.)
  it.each([
    ['CreateUser', 'iam:TagUser'],
    ['CreateRole', 'iam:TagRole'],
    ['CreatePolicy', 'iam:TagPolicy'],
    ['CreateOpenIDConnectProvider', 'iam:TagOpenIDConnectProvider'],
    ['CreateSAMLProvider', 'iam:TagSAMLProvider'],
  ])('%s with tags also needs %s', (operation, action) => {
    expect(taggingActionOf(operation, { Tags: [{ Key: 'team', Value: 'a' }] })).toBe(action);
  });

  it('needs nothing more without tags, with an empty list, or for other operations', () => {
    expect(taggingActionOf('CreateUser', { UserName: 'u' })).toBeUndefined();
    expect(taggingActionOf('CreateUser', { UserName: 'u', Tags: [] })).toBeUndefined();
    expect(taggingActionOf('TagUser', { Tags: [{ Key: 'a', Value: 'b' }] })).toBeUndefined();
    expect(taggingActionOf('CreateGroup', { Tags: [{ Key: 'a', Value: 'b' }] })).toBeUndefined();
    expect(taggingActionOf('CreateUser', null)).toBeUndefined();
  });
});
