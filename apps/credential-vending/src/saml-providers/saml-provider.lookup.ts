import { Inject, Injectable, Optional } from '@nestjs/common';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { RequestValidator } from '../common/validate';
import { SamlProviderEntity } from '../database/entities';
import { SamlPrivateKeys } from './saml-private-keys';
import { SamlProvidersRepository } from './saml-providers.repository';

/** Finds the IAM SAML provider an operation names by ARN. */
@Injectable()
export class SamlProviderLookup {
  constructor(
    @Inject(SamlProvidersRepository) private readonly providers: SamlProvidersRepository,
    @Inject(IamArns) private readonly arns: IamArns,
    @Optional() @Inject(SamlPrivateKeys) private readonly keys?: SamlPrivateKeys,
  ) {}

  /**
   * How an assertion for the provider is decrypted (ADR 0055): its private keys opened, and whether
   * a plain assertion is refused (`Required`). Undefined when it has neither keys nor a mode.
   */
  decryptionOf(provider: SamlProviderEntity): { privateKeys: string[]; required: boolean } | undefined {
    const stored = provider.privateKeys ?? [];
    if (!stored.length && !provider.assertionEncryptionMode) return undefined;
    const keys = this.keys;
    return {
      privateKeys: keys ? stored.map((k) => keys.open(provider.arn, k)) : [],
      required: provider.assertionEncryptionMode === 'Required',
    };
  }

  /** The provider, or NoSuchEntity (also for an ARN of another account: this account has no such provider). */
  async require(arn: string): Promise<SamlProviderEntity> {
    RequestValidator.of({ SAMLProviderArn: arn })
      .string('SAMLProviderArn', { required: true, min: 20, max: 2048 })
      .check();
    if (!/^arn:aws:iam::\d{12}:saml-provider\/.+$/.test(arn))
      throw IamErrors.invalidInput(`ARN ${arn} is not valid.`);
    const provider = this.arns.samlProviderName(arn) ? await this.providers.findByArn(arn) : undefined;
    if (!provider) throw IamErrors.noSuchSamlProvider(arn);
    return provider;
  }

  /** The provider of that ARN in this account, or undefined (STS's lookup of PrincipalArn). */
  async find(arn: string): Promise<SamlProviderEntity | undefined> {
    return this.arns.samlProviderName(arn) ? this.providers.findByArn(arn) : undefined;
  }
}
