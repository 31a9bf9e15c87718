/** A login the broker has verified: who the user is at which provider, and what the token said. */
export interface VerifiedLogin {
  /** The provider as this identity pool names it; stored with the link. */
  provider: string;
  /** The user's id at the provider (`sub`, Facebook's or Amazon's user id). */
  subject: string;
  /** The token's claims, for role-mapping rules. */
  claims: Record<string, unknown>;
  /** The RoleMappings key: the provider, or `<provider>:<clientId>` for user pools. */
  mappingKey: string;
  /** What the broker's OpenID token says in `amr` about this login. */
  amr: string[];
  /**
   * False for the broker's own token presented under `cognito-identity.amazonaws.com` (the
   * developer-authenticated enhanced flow): it proves the identity but is not a login to link.
   */
  linkable?: false;
}
