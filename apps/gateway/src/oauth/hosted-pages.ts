/**
 * The hosted pages' HTML: Cognito's classic hosted UI shape (one form posted with `username` and
 * `password`, a hidden `_csrf`), so scripts and password managers find the fields they expect.
 * Every value is escaped; the pages load nothing from elsewhere.
 *
 * A client's UI customization (SetUICustomization, else the pool's `ALL` one) is applied as
 * Cognito's classic hosted UI does: the elements carry Cognito's `*-customizable` classes, the
 * stored CSS follows the page's own style in a second `<style>` element, and the logo is an `<img>`
 * in a `banner-customizable` banner, served by idfed on the same origin.
 */
import { createHash } from 'node:crypto';
import type { ByScheme } from './managed-login-look';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}
main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 4px #0002}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.5rem}
button{margin-top:1.2rem;width:100%;padding:.6rem}.error{color:#b00020}.notice{color:#1b5e20}
.providers{list-style:none;padding:0}.idp{display:block;margin:.4rem 0;padding:.6rem;border:1px solid #888;border-radius:.3rem;text-align:center}
.links{margin-top:1rem;text-align:center}
@media (prefers-color-scheme:dark){.light-only{display:none}}@media (prefers-color-scheme:light){.dark-only{display:none}}`;

/** The look of a page: the customization's CSS and the URL of its logo (same origin). */
export interface PageLook {
  css?: string;
  logoUrl?: string;
  /** A managed login branding's rules (ADR 0082), built by idfed from its colours: in place of `css`. */
  brandingCss?: string;
  /** The branding's favicon, served by idfed on the same origin. */
  faviconUrl?: string;
  /** A browser-adaptive branding's logos and favicons when they differ by colour scheme (ADR 0092). */
  logoByScheme?: ByScheme;
  faviconByScheme?: ByScheme;
  /** The client's terms documents for the user's language (the sign-up page links to them). */
  terms?: { termsOfUse: string; privacyPolicy: string };
}

/**
 * The customization's CSS if it can go in a `<style>` element as is. SetUICustomization already
 * refuses anything but rules on the customizable classes (no `<`, `@`, `\\`, `url(`), so this
 * only guards the page should a stored value ever get past it: CSS with a `<` (the only way out
 * of a `<style>` element is `</style`) is dropped whole rather than rendered.
 */
export function safeCss(css: string | undefined): string | undefined {
  if (!css || /</.test(css)) return undefined;
  return css;
}

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The pages' Content-Security-Policy. Styles are allowed by the SHA-256 of each `<style>` element
 * (the page's own and the customization's), not 'unsafe-inline': a style element the page did not
 * write cannot apply, and no script can run (default-src 'none', no script-src). Hashes rather than
 * a nonce because the pages are not cached and the hash is what the page holds, whatever renders
 * it; rather than a CSS URL because that would cost the browser a request per page. Images: only
 * the logo idfed serves ('self').
 */
export function pageCsp(look?: PageLook): string {
  const css = safeCss(look?.css);
  const branding = safeCss(look?.brandingCss);
  const styles = [
    cspHash(STYLE),
    ...(css ? [cspHash(css)] : []),
    ...(branding ? [cspHash(branding)] : []),
  ].join(' ');
  return `default-src 'none'; style-src ${styles}; img-src 'self'; frame-ancestors 'none'; base-uri 'none'`;
}

/**
 * A browser-adaptive branding's logo (ADR 0092): the dark one for `prefers-color-scheme: dark`, by a
 * `<picture>` (no script); a logo of one scheme only is hidden in the other by the page's style.
 */
function schemedBanner(logos: ByScheme): string {
  const { light, dark } = logos;
  const src = light ?? dark;
  if (!src) return '';
  const only = light && dark ? '' : light ? ' light-only' : ' dark-only';
  const source =
    light && dark ? `<source media="(prefers-color-scheme: dark)" srcset="${escapeHtml(dark)}">` : '';
  return `<div class="banner-customizable${only}"><picture>${source}<img class="logo-customizable" src="${escapeHtml(src)}" alt="Logo"></picture></div>\n`;
}

function page(title: string, body: string, look?: PageLook): string {
  const css = safeCss(look?.css);
  const branding = safeCss(look?.brandingCss);
  const icon = look?.faviconUrl
    ? `<link rel="icon" href="${escapeHtml(look.faviconUrl)}">`
    : (['light', 'dark'] as const)
        .map((scheme) => {
          const href = look?.faviconByScheme?.[scheme];
          return href
            ? `<link rel="icon" href="${escapeHtml(href)}" media="(prefers-color-scheme: ${scheme})">`
            : '';
        })
        .join('');
  const banner = look?.logoUrl
    ? `<div class="banner-customizable"><img class="logo-customizable" src="${escapeHtml(look.logoUrl)}" alt="Logo"></div>\n`
    : look?.logoByScheme
      ? schemedBanner(look.logoByScheme)
      : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>${icon}<style>${STYLE}</style>${css ? `<style id="ui-customization">${css}</style>` : ''}${branding ? `<style id="managed-login-branding">${branding}</style>` : ''}</head>
<body><main class="background-customizable">${banner}${body}</main></body></html>
`;
}

const messageOf = (message: string | undefined) =>
  message
    ? `<p class="error errorMessage-customizable" id="loginErrorMessage" role="alert">${escapeHtml(message)}</p>`
    : '';

/** "Continue with <ProviderName>": one link per identity provider the client supports (ADR 0024). */
function providerChooser(providers: { name: string; href: string }[]): string {
  if (providers.length === 0) return '';
  const links = providers
    .map(
      (p) =>
        `<li><a class="idp idpButton-customizable" href="${escapeHtml(p.href)}" data-provider="${escapeHtml(p.name)}">Continue with ${escapeHtml(p.name)}</a></li>`,
    )
    .join('\n');
  return `<ul class="providers">\n${links}\n</ul>`;
}

export function signInPage(o: {
  look?: PageLook;
  action: string;
  csrf: string;
  clientName: string;
  message?: string;
  providers?: { name: string; href: string }[];
  /** false: the client does not support COGNITO, so no password form. */
  passwordSignIn?: boolean;
  /** Markup after the form (links to the other hosted pages), already escaped. */
  footer?: string;
  notice?: string;
}): string {
  const chooser = providerChooser(o.providers ?? []);
  if (o.passwordSignIn === false) {
    return page(
      'Sign in',
      `<h1>Sign in</h1><p class="textDescription-customizable">to ${escapeHtml(o.clientName)}</p>${messageOf(o.message)}\n${chooser}`,
      o.look,
    );
  }
  return page(
    'Sign in',
    `<h1>Sign in</h1><p class="textDescription-customizable">to ${escapeHtml(o.clientName)}</p>${o.notice ? noticeOf(o.notice) : ''}${messageOf(o.message)}${chooser}
<form name="cognitoSignInForm" method="post" action="${escapeHtml(o.action)}">
<input type="hidden" name="_csrf" value="${escapeHtml(o.csrf)}">
<label class="label-customizable" for="signInFormUsername">Username</label>
<input class="inputField-customizable" id="signInFormUsername" name="username" type="text" autocomplete="username" autocapitalize="none" required>
<label class="label-customizable" for="signInFormPassword">Password</label>
<input class="inputField-customizable" id="signInFormPassword" name="password" type="password" autocomplete="current-password" required>
<button class="submitButton-customizable" type="submit" name="signInSubmitButton">Sign in</button>
</form>${o.footer ?? ''}`,
    o.look,
  );
}

export function newPasswordPage(o: {
  look?: PageLook;
  action: string;
  csrf: string;
  session: string;
  username: string;
  message?: string;
}): string {
  return page(
    'Change password',
    `<h1>Change password</h1><p>Please enter a new password for ${escapeHtml(o.username)}.</p>${messageOf(o.message)}
<form name="cognitoNewPasswordForm" method="post" action="${escapeHtml(o.action)}">
<input type="hidden" name="_csrf" value="${escapeHtml(o.csrf)}">
<input type="hidden" name="session" value="${escapeHtml(o.session)}">
<input type="hidden" name="username" value="${escapeHtml(o.username)}" autocomplete="username">
<label class="label-customizable" for="new_password">New password</label>
<input class="inputField-customizable" id="new_password" name="new_password" type="password" autocomplete="new-password" required>
<button class="submitButton-customizable" type="submit" name="newPasswordSubmitButton">Send</button>
</form>`,
    o.look,
  );
}

export function errorPage(error: string, description: string): string {
  return page(
    'An error was encountered',
    `<h1>An error was encountered with the requested page.</h1>
<p class="error errorMessage-customizable" id="errorMessage">${escapeHtml(error)}: ${escapeHtml(description)}</p>`,
  );
}

// ---------------------------------------------------------------------------------------------
// Sign-up, confirmation, password reset and MFA pages (ADR 0026). Each is one form with a hidden
// `_csrf`, like the sign-in page; field names follow Cognito's classic hosted UI where it has them.
// ---------------------------------------------------------------------------------------------

const noticeOf = (notice: string | undefined) =>
  notice ? `<p class="notice" id="noticeMessage" role="status">${escapeHtml(notice)}</p>` : '';

const csrfField = (csrf: string) => `<input type="hidden" name="_csrf" value="${escapeHtml(csrf)}">`;

/** Links under a form, to the other pages of the same authorization request. */
export function pageLinks(links: { href: string; text: string }[]): string {
  return `<p class="links">${links
    .map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a>`)
    .join(' · ')}</p>`;
}

const ATTRIBUTE_LABELS: Record<string, { label: string; type: string; autocomplete: string }> = {
  email: { label: 'Email', type: 'email', autocomplete: 'email' },
  phone_number: { label: 'Phone number', type: 'tel', autocomplete: 'tel' },
  name: { label: 'Name', type: 'text', autocomplete: 'name' },
  given_name: { label: 'Given name', type: 'text', autocomplete: 'given-name' },
  family_name: { label: 'Family name', type: 'text', autocomplete: 'family-name' },
};

/** Cognito's classic field name for a sign-up attribute. */
export const attributeField = (name: string) => `requiredAttributes[${name}]`;

export function signUpPage(o: {
  look?: PageLook;
  action: string;
  csrf: string;
  clientName: string;
  attributes: string[];
  message?: string;
  footer?: string;
}): string {
  const fields = o.attributes
    .map((name) => {
      const known = ATTRIBUTE_LABELS[name] ?? { label: name, type: 'text', autocomplete: 'off' };
      const id = `signUpFormAttribute_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
      return `<label class="label-customizable" for="${escapeHtml(id)}">${escapeHtml(known.label)}</label>
<input class="inputField-customizable" id="${escapeHtml(id)}" name="${escapeHtml(attributeField(name))}" type="${known.type}" autocomplete="${known.autocomplete}" required>`;
    })
    .join('\n');
  return page(
    'Sign up',
    `<h1>Sign up</h1><p>with a new account for ${escapeHtml(o.clientName)}</p>${messageOf(o.message)}
<form name="cognitoSignUpForm" method="post" action="${escapeHtml(o.action)}">
${csrfField(o.csrf)}
<label class="label-customizable" for="signUpFormUsername">Username</label>
<input class="inputField-customizable" id="signUpFormUsername" name="username" type="text" autocomplete="username" autocapitalize="none" required>
${fields}
<label class="label-customizable" for="signUpFormPassword">Password</label>
<input class="inputField-customizable" id="signUpFormPassword" name="password" type="password" autocomplete="new-password" required>
${termsOf(o.look)}<button class="submitButton-customizable" type="submit" name="signUpButton">Sign up</button>
</form>${o.footer ?? ''}`,
    o.look,
  );
}

/**
 * The client's terms documents under the sign-up form, as managed login links them (CreateTerms):
 * the links were checked as https when stored and again when the look was read, and are escaped.
 */
function termsOf(look: PageLook | undefined): string {
  if (!look?.terms) return '';
  const link = (href: string, id: string, text: string) =>
    `<a id="${id}" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${text}</a>`;
  return `<p class="legalText-customizable" id="termsLinks">By signing up, you agree to the ${link(look.terms.termsOfUse, 'termsOfUseLink', 'Terms of use')} and the ${link(look.terms.privacyPolicy, 'privacyPolicyLink', 'Privacy policy')}.</p>\n`;
}

export function confirmPage(o: {
  look?: PageLook;
  action: string;
  csrf: string;
  username: string;
  session: string;
  destination?: string;
  message?: string;
}): string {
  const sent = o.destination
    ? `<p>We have sent a code to ${escapeHtml(o.destination)}. Enter it to confirm your account.</p>`
    : '<p>Enter the code we sent you to confirm your account.</p>';
  return page(
    'Confirm your account',
    `<h1>Confirm your account</h1>${sent}${messageOf(o.message)}
<form name="cognitoConfirmForm" method="post" action="${escapeHtml(o.action)}">
${csrfField(o.csrf)}
<input type="hidden" name="session" value="${escapeHtml(o.session)}">
<label class="label-customizable" for="confirmFormUsername">Username</label>
<input class="inputField-customizable" id="confirmFormUsername" name="username" type="text" autocomplete="username" value="${escapeHtml(o.username)}" required>
<label class="label-customizable" for="verification_code">Verification code</label>
<input class="inputField-customizable" id="verification_code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code">
<button class="submitButton-customizable" type="submit" name="confirm" value="1">Confirm account</button>
<button class="submitButton-customizable" type="submit" name="resend" value="1" class="secondary submitButton-customizable">Resend code</button>
</form>`,
    o.look,
  );
}

/**
 * After sign-up in a pool that confirms by link (ADR 0071): the email carries a link that confirms
 * the account, so there is no code to enter. The same page whether or not the name was new.
 */
export function confirmByLinkPage(o: { look?: PageLook; destination?: string; footer?: string }): string {
  const to = o.destination ? ` to ${escapeHtml(o.destination)}` : '';
  return page(
    'Check your email',
    `<h1>Check your email</h1>
<p id="confirmByLink">We have sent a link${to}. Follow the link in the email to confirm your account, then sign in.</p>${o.footer ?? ''}`,
    o.look,
  );
}

export function forgotPasswordPage(o: {
  look?: PageLook;
  action: string;
  csrf: string;
  message?: string;
}): string {
  return page(
    'Forgot your password?',
    `<h1>Forgot your password?</h1><p>Enter your username and we will send a code to reset your password.</p>${messageOf(o.message)}
<form name="cognitoForgotPasswordForm" method="post" action="${escapeHtml(o.action)}">
${csrfField(o.csrf)}
<label class="label-customizable" for="forgotFormUsername">Username</label>
<input class="inputField-customizable" id="forgotFormUsername" name="username" type="text" autocomplete="username" autocapitalize="none" required>
<button class="submitButton-customizable" type="submit" name="reset_my_password">Reset my password</button>
</form>`,
    o.look,
  );
}

export function resetPasswordPage(o: {
  look?: PageLook;
  action: string;
  csrf: string;
  username: string;
  notice?: string;
  message?: string;
}): string {
  return page(
    'Reset your password',
    `<h1>Reset your password</h1>${noticeOf(o.notice)}${messageOf(o.message)}
<form name="cognitoResetPasswordForm" method="post" action="${escapeHtml(o.action)}">
${csrfField(o.csrf)}
<label class="label-customizable" for="resetFormUsername">Username</label>
<input class="inputField-customizable" id="resetFormUsername" name="username" type="text" autocomplete="username" value="${escapeHtml(o.username)}" required>
<label class="label-customizable" for="forgot_password_code">Code</label>
<input class="inputField-customizable" id="forgot_password_code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required>
<label class="label-customizable" for="new_password">New password</label>
<input class="inputField-customizable" id="new_password" name="password" type="password" autocomplete="new-password" required>
<button class="submitButton-customizable" type="submit" name="change_password">Change password</button>
</form>`,
    o.look,
  );
}

const FACTOR_NAMES: Record<string, string> = {
  SOFTWARE_TOKEN_MFA: 'Authenticator app',
  SMS_MFA: 'Text message (SMS)',
  EMAIL_OTP: 'Email',
};

export function mfaPage(o: {
  look?: PageLook;
  action: string;
  csrf: string;
  challenge: string;
  session: string;
  username: string;
  destination?: string;
  options?: string[];
  secretCode?: string;
  otpauthUri?: string;
  message?: string;
}): string {
  const hidden = `${csrfField(o.csrf)}
<input type="hidden" name="challenge" value="${escapeHtml(o.challenge)}">
<input type="hidden" name="session" value="${escapeHtml(o.session)}">
<input type="hidden" name="username" value="${escapeHtml(o.username)}">`;
  const codeField = `<label class="label-customizable" for="totpCodeInput">Code</label>
<input class="inputField-customizable" id="totpCodeInput" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required>`;
  let title: string;
  let body: string;
  switch (o.challenge) {
    case 'SELECT_MFA_TYPE':
      title = 'Choose how to sign in';
      body = (o.options ?? [])
        .map(
          (f, i) =>
            `<label><input type="radio" name="mfaType" value="${escapeHtml(f)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(FACTOR_NAMES[f] ?? f)}</label>`,
        )
        .join('\n');
      break;
    case 'MFA_SETUP':
      title = 'Set up an authenticator app';
      body = `<p>Add this secret to your authenticator app, then enter the code it shows.</p>
<p>Secret: <code id="totpSecret">${escapeHtml(o.secretCode ?? '')}</code></p>
<p>Or the URI: <code id="totpUri">${escapeHtml(o.otpauthUri ?? '')}</code></p>
${codeField}`;
      break;
    case 'SOFTWARE_TOKEN_MFA':
      title = 'Multi-factor authentication';
      body = `<p>Enter the code from your authenticator app.</p>\n${codeField}`;
      break;
    default:
      title = 'Multi-factor authentication';
      body = `<p>We have sent a code to ${escapeHtml(o.destination ?? 'you')}. Enter it to sign in.</p>\n${codeField}`;
  }
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>${messageOf(o.message)}
<form name="cognitoMfaForm" method="post" action="${escapeHtml(o.action)}">
${hidden}
${body}
<button class="submitButton-customizable" type="submit" name="signInSubmitButton">Sign in</button>
</form>`,
    o.look,
  );
}

/** The page a confirmation link opens (ADR 0062): confirmed, or why not. */
export function confirmLinkPage(o: { confirmed: boolean; message?: string; look?: PageLook }): string {
  return o.confirmed
    ? page('Registration confirmed', `<h1>Your registration has been confirmed!</h1>`, o.look)
    : page('Confirmation failed', `<h1>Confirmation failed</h1>${messageOf(o.message)}`, o.look);
}
