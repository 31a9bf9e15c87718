/**
 * A browser app as a developer writes one with Amplify v6 (bundled by esbuild in
 * `e2e/support/amplify-page.ts`): configured from `window.idfedAmplifyConfig`, it exposes
 * signInWithRedirect, fetchAuthSession and signOut to the spec as `window.idfedApp`. The OAuth
 * listener completes a redirect back from the hosted UI when the page loads.
 */
import { Amplify, type ResourcesConfig } from 'aws-amplify';
import { fetchAuthSession, signInWithRedirect, signOut } from 'aws-amplify/auth';
import 'aws-amplify/auth/enable-oauth-listener';
import { Hub } from 'aws-amplify/utils';

/** The page's globals (the project's TypeScript has no DOM library: `window` is `globalThis`). */
const page = globalThis as unknown as {
  idfedAmplifyConfig: ResourcesConfig;
  idfedApp: unknown;
  idfedAuthEvents: string[];
};

page.idfedAuthEvents = [];
Hub.listen('auth', ({ payload }) => {
  const data = (payload as { data?: { message?: string } }).data;
  page.idfedAuthEvents.push(data?.message ? `${payload.event}: ${data.message}` : payload.event);
});
Amplify.configure(page.idfedAmplifyConfig);

page.idfedApp = {
  signIn: () => signInWithRedirect(),
  /** What fetchAuthSession hands the app: the tokens' claims and the identity pool's credentials. */
  session: async () => {
    const session = await fetchAuthSession();
    return {
      idToken: session.tokens?.idToken?.toString(),
      accessToken: session.tokens?.accessToken?.toString(),
      idClaims: session.tokens?.idToken?.payload,
      accessClaims: session.tokens?.accessToken?.payload,
      identityId: session.identityId,
      credentials: session.credentials && {
        accessKeyId: session.credentials.accessKeyId,
        secretAccessKey: session.credentials.secretAccessKey,
        sessionToken: session.credentials.sessionToken,
      },
    };
  },
  signOut: () => signOut(),
};
