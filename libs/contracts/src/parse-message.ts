import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class InvalidMessageError extends Error {
  override name = 'InvalidMessageError';
}

/**
 * Consumers never trust a message's shape: parse it into its class and validate before acting.
 * Unknown fields are kept (forward compatibility: a newer producer may add optional fields).
 */
export function parseMessage<T extends object>(type: new () => T, value: unknown): T {
  const instance = plainToInstance(type, value);
  if (typeof instance !== 'object' || instance === null) {
    throw new InvalidMessageError(`${type.name}: expected an object`);
  }
  const errors = validateSync(instance as object, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new InvalidMessageError(`${type.name}: ${detail.join('; ')}`);
  }
  return instance;
}
