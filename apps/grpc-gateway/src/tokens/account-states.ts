/** What the user directory's events said about one user, as token verification needs it. */
interface UserState {
  deleted: boolean;
  disabled: boolean;
  /**
   * When the disable or enable that set `disabled` happened (ms): events of the two kinds travel on
   * different topics, so a replay can bring them out of order; the later one wins.
   */
  statusAt: number;
  /** Tokens issued (iat, whole seconds) before it are revoked: sign-out, disable, delete. */
  tokensValidAfter: number;
  /** Sessions (origin_jti) ended one by one (RevokeToken) or by a sign-out that named them. */
  revokedSessions: Set<string>;
}

/** Why a token whose signature and claims are good is still refused; undefined when it is not. */
export type RevocationReason = string | undefined;

/**
 * The revocation state of users, built in memory from the user directory's events (sign-outs,
 * revoked sessions, disables, deletes, deleted pools) so verifying a token costs no bus hop. Over
 * Kafka a replica reads these events again from a day back when it starts (the longest a token
 * lives), so it knows what happened before it ran; in process it knows what happened since start.
 */
export class AccountStates {
  private readonly users = new Map<string, UserState>();
  private readonly deletedPools = new Set<string>();

  check(userPoolId: string, sub: string, issuedAt: number, originJti: string | undefined): RevocationReason {
    if (this.deletedPools.has(userPoolId)) return 'User pool does not exist.';
    const state = this.users.get(key(userPoolId, sub));
    if (!state) return undefined;
    if (state.deleted) return 'User does not exist.';
    if (state.disabled) return 'User is disabled.';
    if (issuedAt < state.tokensValidAfter) return 'Access Token has been revoked';
    if (originJti !== undefined && state.revokedSessions.has(originJti))
      return 'Access Token has been revoked';
    return undefined;
  }

  signedOut(
    userPoolId: string,
    sub: string,
    tokensValidAfter: string,
    sessions: readonly string[] = [],
  ): void {
    const state = this.state(userPoolId, sub);
    state.tokensValidAfter = Math.max(state.tokensValidAfter, seconds(tokensValidAfter));
    for (const s of sessions) state.revokedSessions.add(s);
  }

  sessionRevoked(userPoolId: string, sub: string, originJti: string): void {
    this.state(userPoolId, sub).revokedSessions.add(originJti);
  }

  disabled(userPoolId: string, sub: string, tokensValidAfter: string, occurredAt: string): void {
    const state = this.state(userPoolId, sub);
    state.tokensValidAfter = Math.max(state.tokensValidAfter, seconds(tokensValidAfter));
    this.setStatus(state, true, occurredAt);
  }

  enabled(userPoolId: string, sub: string, occurredAt: string): void {
    this.setStatus(this.state(userPoolId, sub), false, occurredAt);
  }

  deleted(userPoolId: string, sub: string): void {
    this.state(userPoolId, sub).deleted = true;
  }

  poolDeleted(userPoolId: string): void {
    this.deletedPools.add(userPoolId);
    for (const k of this.users.keys()) if (k.startsWith(`${userPoolId}/`)) this.users.delete(k);
  }

  get size(): number {
    return this.users.size;
  }

  private setStatus(state: UserState, disabled: boolean, occurredAt: string): void {
    const at = Date.parse(occurredAt);
    if (at < state.statusAt) return;
    state.statusAt = at;
    state.disabled = disabled;
  }

  private state(userPoolId: string, sub: string): UserState {
    const k = key(userPoolId, sub);
    let state = this.users.get(k);
    if (!state) {
      state = {
        deleted: false,
        disabled: false,
        statusAt: 0,
        tokensValidAfter: 0,
        revokedSessions: new Set(),
      };
      this.users.set(k, state);
    }
    return state;
  }
}

function key(userPoolId: string, sub: string): string {
  return `${userPoolId}/${sub}`;
}

/** Whole seconds, as `iat` is: a sign-in in the same second as the sign-out is a new session. */
function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
