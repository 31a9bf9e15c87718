/** ARNs of the IAM entities credential vending owns, all in the configured account. */
export class IamArns {
  constructor(readonly accountId: string) {}

  /** `arn:aws:iam::<account>:role/<path><name>`; the path starts and ends with '/'. */
  role(path: string, name: string): string {
    return `arn:aws:iam::${this.accountId}:role${path}${name}`;
  }

  /** `arn:aws:iam::<account>:user/<path><name>`. */
  user(path: string, name: string): string {
    return `arn:aws:iam::${this.accountId}:user${path}${name}`;
  }

  /** `arn:aws:iam::<account>:group/<path><name>`. */
  group(path: string, name: string): string {
    return `arn:aws:iam::${this.accountId}:group${path}${name}`;
  }

  policy(path: string, name: string): string {
    return `arn:aws:iam::${this.accountId}:policy${path}${name}`;
  }

  /** `arn:aws:iam::<account>:oidc-provider/<host/path of the issuer>`. */
  oidcProvider(urlKey: string): string {
    return `arn:aws:iam::${this.accountId}:oidc-provider/${urlKey}`;
  }

  /** The issuer part of one of our OIDC provider ARNs, or undefined for any other string. */
  oidcProviderUrlKey(arn: string): string | undefined {
    const prefix = `arn:aws:iam::${this.accountId}:oidc-provider/`;
    return arn.startsWith(prefix) && arn.length > prefix.length ? arn.slice(prefix.length) : undefined;
  }

  /** `arn:aws:iam::<account>:saml-provider/<Name>`. */
  samlProvider(name: string): string {
    return `arn:aws:iam::${this.accountId}:saml-provider/${name}`;
  }

  /** The name in one of our SAML provider ARNs, or undefined for any other string. */
  samlProviderName(arn: string): string | undefined {
    const m = /^arn:aws:iam::(\d{12}):saml-provider\/([\w._-]{1,128})$/.exec(arn);
    return m && m[1] === this.accountId ? m[2] : undefined;
  }

  /** The account root: the principal the admin key stands for. */
  root(): string {
    return `arn:aws:iam::${this.accountId}:root`;
  }

  /** A role ARN of this account split into path and name, or undefined. */
  parseRole(arn: string): { path: string; name: string } | undefined {
    const prefix = `arn:aws:iam::${this.accountId}:role/`;
    if (!arn.startsWith(prefix)) return undefined;
    const rest = arn.slice(prefix.length - 1);
    const cut = rest.lastIndexOf('/');
    const name = rest.slice(cut + 1);
    return name ? { path: rest.slice(0, cut + 1), name } : undefined;
  }

  /** A managed policy ARN of this account split into path and name, or undefined. */
  parsePolicy(arn: string): { path: string; name: string } | undefined {
    const prefix = `arn:aws:iam::${this.accountId}:policy/`;
    if (!arn.startsWith(prefix)) return undefined;
    const rest = arn.slice(prefix.length - 1);
    const cut = rest.lastIndexOf('/');
    const name = rest.slice(cut + 1);
    return name ? { path: rest.slice(0, cut + 1), name } : undefined;
  }
}
