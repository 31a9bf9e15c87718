import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * samlify, the SAML library both the user directory (a pool's SAML service provider) and credential
 * vending (AssumeRoleWithSAML, identity pools' SAML logins) use, typed with the part of its API
 * idfed calls. Its declarations reference the DOM library, which would retype Node's fetch for the
 * whole program, so it is loaded untyped.
 */
export interface SamlifyEntity {
  getMetadata(): string;
  createLoginRequest(
    idp: SamlifyEntity,
    binding: 'redirect' | 'post',
    options: { relayState: string },
  ): { id: string; context: string; relayState?: string; entityEndpoint?: string };
  parseLoginResponse(
    idp: SamlifyEntity,
    binding: 'post',
    request: { body: Record<string, string> },
  ): Promise<{ samlContent: string; extract: Record<string, unknown> }>;
}
export interface SamlifyMetadata {
  getEntityID(): unknown;
  getSingleSignOnService(binding: string): unknown;
  getSingleLogoutService(binding: string): unknown;
  getX509Certificate(use: string): unknown;
  isWantAuthnRequestsSigned(): unknown;
}
export interface Samlify {
  ServiceProvider(settings: Record<string, unknown>): SamlifyEntity;
  IdentityProvider(settings: Record<string, unknown>): SamlifyEntity;
  IdPMetadata(xml: string): SamlifyMetadata;
  setSchemaValidator(v: { validate: (xml: string) => Promise<unknown> }): void;
  SamlLib: { decryptAssertion(self: SamlifyEntity, xml: string): Promise<[string, string]> };
  Extractor: { extract(xml: string, fields: Record<string, unknown>[]): Record<string, unknown> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const samlify = require('samlify') as Samlify;

export const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
export const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/**
 * Every SAML message samlify reads is checked against the SAML 2.0 schemas first: libxml2's
 * xmllint (WebAssembly) with the schemas @authenio/samlify-xmllint-wasm ships, called directly
 * (that package's own `validate` logs the document it refuses, and an assertion is a credential).
 * samlify's validator is process-wide; it is installed once, when this module loads.
 */
const validatorRequire = createRequire(require.resolve('@authenio/samlify-xmllint-wasm'));
const { validateXML } = validatorRequire('xmllint-wasm') as {
  validateXML: (o: Record<string, unknown>) => Promise<{ valid: boolean }>;
};
const SCHEMA_DIR = join(dirname(require.resolve('@authenio/samlify-xmllint-wasm')), 'schemas');
let schemas: { main: string; preload: { fileName: string; contents: string }[] } | undefined;

function loadSchemas() {
  if (!schemas) {
    const read = (f: string) => ({ fileName: f, contents: readFileSync(join(SCHEMA_DIR, f), 'utf8') });
    schemas = {
      main: read('saml-schema-protocol-2.0.xsd').contents,
      preload: [
        'datatypes.dtd',
        'saml-schema-assertion-2.0.xsd',
        'xmldsig-core-schema.xsd',
        'XMLSchema.dtd',
        'xenc-schema.xsd',
      ].map(read),
    };
  }
  return schemas;
}

samlify.setSchemaValidator({
  validate: async (xml: string) => {
    const s = loadSchemas();
    const result = await validateXML({
      xml: [{ fileName: 'message.xml', contents: xml }],
      extension: 'schema',
      schema: [s.main],
      preload: s.preload,
    });
    if (!result.valid) throw new Error('ERR_SCHEMA_INVALID');
    return true;
  },
});

/** A certificate's base64 body (as metadata summaries store it) as PEM. */
export function certificatePem(cert: string): string {
  return `-----BEGIN CERTIFICATE-----\n${cert.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;
}
