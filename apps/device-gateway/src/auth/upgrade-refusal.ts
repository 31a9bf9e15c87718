/** Why a websocket upgrade was refused: answered as a plain HTTP response, never as a socket. */
export class UpgradeRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 426 | 503,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'UpgradeRefusal';
  }
}
