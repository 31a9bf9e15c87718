/** ManagedLoginBrandingIdType and TermsIdType: a version 4 UUID. */
export const BRANDING_ID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
