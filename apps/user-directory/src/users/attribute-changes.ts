import { CognitoErrors } from '../common/cognito-errors';
import { PoolConfig } from '../pools/pool-config';
import { aliasKey as toAliasKey } from './user-keys';
import { isVerified } from './verified-flag';

/** The two attributes Cognito verifies with a code, and their flags. */
export const VERIFIABLE = ['email', 'phone_number'] as const;
export type VerifiableAttribute = (typeof VERIFIABLE)[number];

export interface UserAttributeState {
  attributes: Record<string, string>;
  aliasKey: string | null;
  /** New values waiting for verification (AttributesRequireVerificationBeforeUpdate), by attribute. */
  pendingAttributes?: Record<string, string> | null;
}

/**
 * Whether a change of `name` waits for verification: the pool says so
 * (UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate) and the user has a
 * verified value to keep meanwhile (ADR 0044).
 */
function keepsOldValue(config: PoolConfig, state: UserAttributeState, name: VerifiableAttribute): boolean {
  const settings = config.userAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  return (
    settings.includes(name) &&
    state.attributes[name] !== undefined &&
    isVerified(state.attributes[`${name}_verified`])
  );
}

export interface AttributeChangeResult extends UserAttributeState {
  /** Email or phone changed to a value nobody has verified yet, in a pool that verifies it: send a code. */
  toVerify: VerifiableAttribute[];
}

/** Which attribute, if any, the user's sign-in alias is (email- or phone-as-username pools). */
function aliasAttribute(state: UserAttributeState): VerifiableAttribute | undefined {
  if (state.aliasKey === null) return undefined;
  return VERIFIABLE.find(
    (a) => state.attributes[a] !== undefined && toAliasKey(state.attributes[a]) === state.aliasKey,
  );
}

function isMutable(config: PoolConfig, name: string): boolean {
  return config.schema.find((a) => a.Name === name)?.Mutable !== false;
}

/**
 * Applies already-validated updates (UpdateUserAttributes, AdminUpdateUserAttributes, the
 * NEW_PASSWORD_REQUIRED answer) as Cognito does: immutable attributes are refused ("user.email:
 * Attribute cannot be updated.", as AWS answers, amplify-swift#3981), a changed
 * email or phone number is no longer verified unless an administrator says so in the same call
 * (and then needs a code when the pool verifies it), and the sign-in alias follows its attribute.
 */
export function applyAttributeChanges(
  config: PoolConfig,
  state: UserAttributeState,
  updates: Record<string, string>,
): AttributeChangeResult {
  const attributes = { ...state.attributes };
  const alias = aliasAttribute(state);
  let aliasKey = state.aliasKey;
  const toVerify: VerifiableAttribute[] = [];
  const pending: Record<string, string> = { ...(state.pendingAttributes ?? {}) };
  for (const [name, value] of Object.entries(updates)) {
    if (attributes[name] === value) continue;
    // An immutable attribute is set at sign-up or AdminCreateUser only, never added later.
    if (!isMutable(config, name)) {
      throw CognitoErrors.invalidParameter(`user.${name}: Attribute cannot be updated.`);
    }
    attributes[name] = value;
  }
  for (const name of VERIFIABLE) {
    if (!(name in updates)) continue;
    // Set back to the value in force, or verified by an administrator: nothing waits any more.
    if (updates[name] === state.attributes[name]) {
      delete pending[name];
      continue;
    }
    const flag = `${name}_verified`;
    if (isVerified(updates[flag])) {
      delete pending[name];
      continue;
    }
    if (keepsOldValue(config, state, name)) {
      // The old value, its flag and its alias stay until the new one is verified; the code goes to it.
      attributes[name] = state.attributes[name];
      attributes[flag] = state.attributes[flag];
      pending[name] = updates[name];
      toVerify.push(name);
      continue;
    }
    delete pending[name];
    attributes[flag] = 'false';
    if (config.autoVerifiedAttributes.includes(name)) toVerify.push(name);
    if (alias === name) aliasKey = toAliasKey(updates[name]);
  }
  return { attributes, aliasKey, toVerify, pendingAttributes: Object.keys(pending).length ? pending : null };
}

/** AdminDeleteUserAttributes / DeleteUserAttributes: removes attributes, never sub, required ones or the alias. */
export function deleteAttributes(
  config: PoolConfig,
  state: UserAttributeState,
  names: string[],
): UserAttributeState {
  const attributes = { ...state.attributes };
  const pending: Record<string, string> = { ...(state.pendingAttributes ?? {}) };
  const alias = aliasAttribute(state);
  for (const name of names) {
    if (name === 'sub' || !isMutable(config, name)) {
      throw CognitoErrors.invalidParameter(`Cannot modify the non-mutable attribute ${name}`);
    }
    if (config.schema.some((a) => a.Name === name && a.Required)) {
      throw CognitoErrors.invalidParameter(`Cannot delete the required attribute ${name}`);
    }
    if (name === alias) {
      throw CognitoErrors.invalidParameter(`Cannot delete ${name}: the user signs in with it.`);
    }
    delete attributes[name];
    delete pending[name];
    if ((VERIFIABLE as readonly string[]).includes(name)) delete attributes[`${name}_verified`];
  }
  return {
    attributes,
    aliasKey: state.aliasKey,
    pendingAttributes: Object.keys(pending).length ? pending : null,
  };
}
