import { randomBytes } from 'node:crypto';
import { dataPath, readOrCreateSecretFile } from './data-dir';

export interface ConfiguredKeyOptions {
  /** The value from configuration, when the operator set one. */
  configured?: Buffer;
  dataDir: string;
  /** File name under the data directory used when nothing is configured. */
  file: string;
  /** The variable that sets it, named in the message printed when a key is generated. */
  variable: string;
  log: (message: string) => void;
}

/**
 * A 32-byte key from configuration, or else generated once into a 0600 file of the data
 * directory. Every process of one deployment must see the same key: distributed deployments set
 * the variable; one machine shares the file.
 */
export function loadConfiguredKey(options: ConfiguredKeyOptions): Buffer {
  if (options.configured) return options.configured;
  const path = dataPath(options.dataDir, options.file);
  const { value, created } = readOrCreateSecretFile(path, () => randomBytes(32).toString('base64'));
  if (created) options.log(`generated ${path} (set ${options.variable} to manage it yourself)`);
  return Buffer.from(value, 'base64');
}
