/**
 * The hosted pages' HTML: Cognito's classic hosted UI shape (one form posted with `username` and
 * `password`, a hidden `_csrf`), so scripts and password managers find the fields they expect.
 * Every value is escaped; the pages load nothing from elsewhere.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}
main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 4px #0002}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.5rem}
button{margin-top:1.2rem;width:100%;padding:.6rem}.providers{list-style:none;padding:0}.idp{display:block;margin:.4rem 0;padding:.6rem;border:1px solid #888;border-radius:.3rem;text-align:center}.error{color:#b00020}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>
`;
}

const messageOf = (message: string | undefined) =>
  message ? `<p class="error" id="loginErrorMessage" role="alert">${escapeHtml(message)}</p>` : '';

/** "Continue with <ProviderName>": one link per identity provider the client supports (ADR 0024). */
function providerChooser(providers: { name: string; href: string }[]): string {
  if (providers.length === 0) return '';
  const links = providers
    .map(
      (p) =>
        `<li><a class="idp" href="${escapeHtml(p.href)}" data-provider="${escapeHtml(p.name)}">Continue with ${escapeHtml(p.name)}</a></li>`,
    )
    .join('\n');
  return `<ul class="providers">\n${links}\n</ul>`;
}

export function signInPage(o: {
  action: string;
  csrf: string;
  clientName: string;
  message?: string;
  providers?: { name: string; href: string }[];
  /** false: the client does not support COGNITO, so no password form. */
  passwordSignIn?: boolean;
}): string {
  const chooser = providerChooser(o.providers ?? []);
  if (o.passwordSignIn === false) {
    return page(
      'Sign in',
      `<h1>Sign in</h1><p>to ${escapeHtml(o.clientName)}</p>${messageOf(o.message)}\n${chooser}`,
    );
  }
  return page(
    'Sign in',
    `<h1>Sign in</h1><p>to ${escapeHtml(o.clientName)}</p>${messageOf(o.message)}${chooser}
<form name="cognitoSignInForm" method="post" action="${escapeHtml(o.action)}">
<input type="hidden" name="_csrf" value="${escapeHtml(o.csrf)}">
<label for="signInFormUsername">Username</label>
<input id="signInFormUsername" name="username" type="text" autocomplete="username" autocapitalize="none" required>
<label for="signInFormPassword">Password</label>
<input id="signInFormPassword" name="password" type="password" autocomplete="current-password" required>
<button type="submit" name="signInSubmitButton">Sign in</button>
</form>`,
  );
}

export function newPasswordPage(o: {
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
<label for="new_password">New password</label>
<input id="new_password" name="new_password" type="password" autocomplete="new-password" required>
<button type="submit" name="newPasswordSubmitButton">Send</button>
</form>`,
  );
}

export function errorPage(error: string, description: string): string {
  return page(
    'An error was encountered',
    `<h1>An error was encountered with the requested page.</h1>
<p class="error" id="errorMessage">${escapeHtml(error)}: ${escapeHtml(description)}</p>`,
  );
}
