import { Provider, Type } from '@nestjs/common';
import { DevicePasswordVerifierChallenge, DeviceSrpAuthChallenge } from '../../devices/device-challenges';
import { NewPasswordChallenge } from '../new-password-challenge';
import { UserSrpAuth } from '../user-srp-auth';
import { AdminUserPasswordAuthFlow } from './admin-user-password-auth.flow';
import { AUTH_FLOW_STRATEGIES, AuthFlowStrategy, CHALLENGE_HANDLERS, ChallengeHandler } from './auth-flow';
import { AuthFlows } from './auth-flows';
import { PasswordSignIn } from './password-sign-in';
import { MfaSetupChallenge } from './mfa-setup.challenge';
import { PasswordVerifierChallenge } from './password-verifier.challenge';
import { FirstFactors } from './first-factors';
import { UserAuthFactors } from '../user-auth-factors';
import { EmailOtpChallenge, SmsMfaChallenge, SmsOtpChallenge } from './one-time-code.challenges';
import { CodeSignInVerification } from './code-sign-in-verification';
import { RefreshTokenAuthFlow } from './refresh-token-auth.flow';
import { SelectChallengeChallenge } from './select-challenge.challenge';
import { SelectMfaTypeChallenge } from './select-mfa-type.challenge';
import { SoftwareTokenMfaChallenge } from './software-token-mfa.challenge';
import { UserAuthFlow } from './user-auth.flow';
import { WebAuthnChallenge } from './web-authn.challenge';
import { UserPasswordAuthFlow } from './user-password-auth.flow';
import { UserSrpAuthFlow } from './user-srp-auth.flow';
import { CustomAuth } from './custom-auth';
import { CustomAuthFlow } from './custom-auth.flow';
import { CustomChallengeChallenge } from './custom-challenge.challenge';

/**
 * The sign-in flows InitiateAuth and AdminInitiateAuth serve, one strategy each. A new flow (custom
 * auth, passwordless) is one more class here.
 */
export const AUTH_FLOW_STRATEGY_CLASSES: Type<AuthFlowStrategy>[] = [
  UserPasswordAuthFlow,
  AdminUserPasswordAuthFlow,
  UserSrpAuthFlow,
  RefreshTokenAuthFlow,
  UserAuthFlow,
  CustomAuthFlow,
];

/** The challenges RespondToAuthChallenge answers, one handler each (MFA and devices come here). */
export const CHALLENGE_HANDLER_CLASSES: Type<ChallengeHandler>[] = [
  PasswordVerifierChallenge,
  NewPasswordChallenge,
  SoftwareTokenMfaChallenge,
  MfaSetupChallenge,
  SmsMfaChallenge,
  EmailOtpChallenge,
  SelectMfaTypeChallenge,
  DeviceSrpAuthChallenge,
  DevicePasswordVerifierChallenge,
  SelectChallengeChallenge,
  SmsOtpChallenge,
  WebAuthnChallenge,
  CustomChallengeChallenge,
];

/** Collects instances of the classes above under one token, so AuthFlows receives the list. */
function listOf<T>(token: symbol, classes: Type<T>[]): Provider {
  return { provide: token, inject: classes, useFactory: (...instances: T[]) => instances };
}

/** Everything the sign-in flows need as providers: the strategies, their helpers and the dispatcher. */
export const authFlowProviders: Provider[] = [
  ...AUTH_FLOW_STRATEGY_CLASSES,
  ...CHALLENGE_HANDLER_CLASSES,
  listOf(AUTH_FLOW_STRATEGIES, AUTH_FLOW_STRATEGY_CLASSES),
  listOf(CHALLENGE_HANDLERS, CHALLENGE_HANDLER_CLASSES),
  PasswordSignIn,
  UserSrpAuth,
  FirstFactors,
  // GetUserAuthFactors answers from FirstFactors, so it is provided beside it.
  UserAuthFactors,
  CustomAuth,
  AuthFlows,
  CodeSignInVerification,
];
