import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { LambdaConfigType } from '@idfed/contracts';
import { MessageSender, MessageTrigger, OutgoingMessage } from '../delivery/message-sender';
import { LINK_PARAMETER, LINK_PLACEHOLDER, linkBodies } from '../users/confirmation-links';
import { LAMBDA_ENDPOINTS_CONFIG, LambdaEndpointsConfig, regionOfPool } from './lambda-endpoints';
import { TriggerCaller, TriggerErrors, TriggerEvent } from './trigger-caller';

/** The placeholders Cognito gives a CustomMessage function, replaced in its answer (ADR 0043). */
export const CODE_PARAMETER = '{####}';
export const USERNAME_PARAMETER = '{username}';

/** Cognito's limits on a message (MessageTemplateType): an email body, an SMS, a subject. */
const MAX_EMAIL_MESSAGE = 20_000;
const MAX_SMS_MESSAGE = 140;
const MAX_EMAIL_SUBJECT = 140;

/** Control characters: a subject carrying one could add mail headers, a body NUL bytes. */
// eslint-disable-next-line no-control-regex
const SUBJECT_CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const BODY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The version byte of a sealed custom sender code (ADR 0043). */
const SEALED_CODE_V1 = 1;

/**
 * The key a custom sender function decrypts its codes with (ADR 0043): HKDF-SHA256 of
 * `IDFED_LAMBDA_SECRET`, info `idfed custom sender code v1\n<function name>\n<KMSKeyID>`, 32 bytes.
 * Bound to the function and the pool's KMSKeyID: another function, or the same one under another
 * key id, cannot open it; distinct from the signing key (another `info`).
 */
export function customSenderCodeKey(secret: Buffer, functionName: string, kmsKeyId: string): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      secret,
      Buffer.alloc(0),
      `idfed custom sender code v1\n${functionName}\n${kmsKeyId}`,
      32,
    ),
  );
}

/** The additional data a sealed code is bound to: the event's pool, user and trigger source. */
export function customSenderCodeAad(userPoolId: string, userName: string, triggerSource: string): Buffer {
  return Buffer.from(`idfed custom sender code v1\n${userPoolId}\n${userName}\n${triggerSource}`, 'utf8');
}

/** base64(0x01 || 12-byte nonce || AES-256-GCM ciphertext || 16-byte tag). */
export function sealCustomSenderCode(key: Buffer, code: string, aad: Buffer): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([SEALED_CODE_V1]), nonce, sealed, cipher.getAuthTag()]).toString(
    'base64',
  );
}

function functionNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

type Json = Record<string, unknown>;

/** A response member that must be a string when present (null and absent are "not set"). */
function optionalString(response: Json, name: string): string | undefined {
  const value = response[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw TriggerErrors.invalidResponse();
  return value;
}

/**
 * The message triggers of a user pool (issue 11 section 4, ADR 0043), called as ADR 0030's
 * triggers:
 * - CustomMessage (`CustomMessage_<source>`): told the placeholders (`codeParameter` `{####}`,
 *   `usernameParameter` `{username}` for AdminCreateUser, `linkParameter` `{##Click Here##}` for a
 *   link pool's sign-up confirmation, ADR 0071; null when not given, as Cognito's event has them),
 *   its `smsMessage` / `emailMessage` /
 *   `emailSubject` replace the pool's message; an answer member that is not a string is
 *   InvalidLambdaResponseException, a body without the code (or, for an invitation, the
 *   username; for a link message, without the code or a `{##text##}` link) or over Cognito's limits, and a subject with a line break or too long, leave the
 *   pool's own message in its place (what Cognito sends then);
 * - CustomEmailSender / CustomSMSSender (`CustomEmailSender_<source>`, `customEmailSenderRequestV1`):
 *   called instead of sending, with the code sealed for the function (never in clear in the event).
 */
@Injectable()
export class MessageTriggers {
  private readonly logger = new Logger('MessageTriggers');

  constructor(
    @Inject(TriggerCaller) private readonly caller: TriggerCaller,
    @Inject(LAMBDA_ENDPOINTS_CONFIG) private readonly config: LambdaEndpointsConfig,
  ) {}

  private event(
    message: OutgoingMessage,
    trigger: MessageTrigger,
    source: string,
    request: Json,
    response: Json,
  ) {
    const event: TriggerEvent<Json, Json> = {
      version: '1',
      triggerSource: source,
      region: regionOfPool(message.userPoolId),
      userPoolId: message.userPoolId,
      userName: message.username,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: trigger.clientId },
      request,
      response,
    };
    return event;
  }

  /** The message as the pool's CustomMessage function words it (or the pool's own, see above). */
  async customMessage(
    message: OutgoingMessage,
    trigger: MessageTrigger,
    functionArn: string,
  ): Promise<OutgoingMessage> {
    const invitation = trigger.source === 'AdminCreateUser';
    const link = message.medium === 'EMAIL' ? trigger.link : undefined;
    const event = this.event(
      message,
      trigger,
      `CustomMessage_${trigger.source}`,
      {
        userAttributes: trigger.userAttributes,
        codeParameter: CODE_PARAMETER,
        usernameParameter: invitation ? USERNAME_PARAMETER : null,
        linkParameter: link ? LINK_PARAMETER : null,
        ...(trigger.clientMetadata ? { clientMetadata: trigger.clientMetadata } : {}),
      },
      { smsMessage: null, emailMessage: null, emailSubject: null },
    );
    const response = (await this.caller.invoke('CustomMessage', functionArn, event)) as Json;
    const smsMessage = optionalString(response, 'smsMessage');
    const emailMessage = optionalString(response, 'emailMessage');
    const emailSubject = optionalString(response, 'emailSubject');
    const email = message.medium === 'EMAIL';
    const body = email ? emailMessage : smsMessage;
    let text = message.text;
    let html = message.html;
    if (body !== undefined) {
      const usable =
        (body.includes(CODE_PARAMETER) || (link !== undefined && new RegExp(LINK_PLACEHOLDER).test(body))) &&
        (!invitation || body.includes(USERNAME_PARAMETER)) &&
        body.length <= (email ? MAX_EMAIL_MESSAGE : MAX_SMS_MESSAGE) &&
        !BODY_CONTROL.test(body);
      if (usable && link !== undefined) {
        // A link message stays HTML with its plain-text alternative, the function's link an anchor.
        ({ text, html } = linkBodies(body, link, message.username, trigger.code));
      } else if (usable) {
        // The code last: a username that looks like `{####}` cannot move it.
        text = body.split(USERNAME_PARAMETER).join(message.username).split(CODE_PARAMETER).join(trigger.code);
      } else {
        this.logger.warn(
          `CustomMessage_${trigger.source} of pool ${message.userPoolId} answered a message without the code, too long or with control characters: the pool's message is sent`,
        );
      }
    }
    let subject = message.subject;
    if (email && emailSubject !== undefined) {
      if (
        emailSubject.length >= 1 &&
        emailSubject.length <= MAX_EMAIL_SUBJECT &&
        !SUBJECT_CONTROL.test(emailSubject)
      )
        subject = emailSubject;
      else
        this.logger.warn(
          `CustomMessage_${trigger.source} of pool ${message.userPoolId} answered an unusable subject: the pool's is sent`,
        );
    }
    return { ...message, text, subject, ...(html !== undefined ? { html } : {}) };
  }

  /** Hands the message to the pool's custom sender function instead of sending it. */
  async customSender(message: OutgoingMessage, trigger: MessageTrigger, functionArn: string): Promise<void> {
    const email = message.medium === 'EMAIL';
    const name = email ? 'CustomEmailSender' : 'CustomSMSSender';
    const source = `${name}_${trigger.source}`;
    const kmsKeyId = trigger.lambdaConfig.KMSKeyID;
    // CreateUserPool and UpdateUserPool refuse a custom sender without KMSKeyID; one stored before
    // that check cannot be sealed for, so nothing is sent in clear.
    if (!kmsKeyId || !this.config.secret) throw TriggerErrors.unexpected(name, 'KMSInvalidStateException');
    const key = customSenderCodeKey(this.config.secret, functionNameOf(functionArn), kmsKeyId);
    const code = sealCustomSenderCode(
      key,
      trigger.code,
      customSenderCodeAad(message.userPoolId, message.username, source),
    );
    const event = this.event(
      message,
      trigger,
      source,
      {
        type: email ? 'customEmailSenderRequestV1' : 'customSMSSenderRequestV1',
        code,
        userAttributes: trigger.userAttributes,
        ...(trigger.clientMetadata ? { clientMetadata: trigger.clientMetadata } : {}),
      },
      {},
    );
    // Cognito reads nothing from a custom sender's answer; its failure fails the operation.
    await this.caller.invoke(name, functionArn, event);
  }
}

/**
 * The sender every operation uses (MESSAGE_SENDER): a message of a pool with message triggers goes
 * through them (a custom sender instead of delivery; CustomMessage before it), every message
 * leaves without its `trigger` part, so the code is never written anywhere but the message.
 */
export class TriggeredMessageSender implements MessageSender {
  constructor(
    private readonly inner: MessageSender,
    private readonly triggers: MessageTriggers,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const { trigger, ...plain } = message;
    if (!trigger) return this.inner.send(plain);
    const config = trigger.lambdaConfig;
    const sender = plain.medium === 'EMAIL' ? config.CustomEmailSender : config.CustomSMSSender;
    if (sender?.LambdaArn) return this.triggers.customSender(plain, trigger, sender.LambdaArn);
    if (typeof config.CustomMessage === 'string')
      return this.inner.send(await this.triggers.customMessage(plain, trigger, config.CustomMessage));
    return this.inner.send(plain);
  }
}

/**
 * Why a LambdaConfig's custom senders cannot be called, or undefined: a custom sender needs the
 * pool's `KMSKeyID` (its codes are sealed under a key derived with it, ADR 0043) and
 * `LambdaVersion` `V1_0`, the one event version Cognito has. Checked by CreateUserPool and
 * UpdateUserPool (InvalidParameterException), so no code is ever sent in clear.
 */
export function customSenderConfigProblem(config: LambdaConfigType | undefined): string | undefined {
  for (const name of ['CustomEmailSender', 'CustomSMSSender'] as const) {
    const sender = config?.[name];
    if (!sender) continue;
    if (sender.LambdaVersion !== 'V1_0') return `${name}'s LambdaVersion must be V1_0.`;
    if (!config?.KMSKeyID) return `A KMSKeyID is required when ${name} is set.`;
  }
  return undefined;
}
