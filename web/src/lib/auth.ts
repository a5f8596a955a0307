// The signed-in session: a bearer token the console sends with every
// request, from the demo sign-in (embedded mode), the OpenID Provider
// (Authorization Code with PKCE), or pasted by a developer.

export type Role =
  | 'ADMIN' | 'INCUBATOR_MANAGER' | 'FUND_MANAGER' | 'INVESTOR'
  | 'STARTUP_MEMBER' | 'REVIEWER' | 'REGULATOR' | 'TTO_MANAGER' | 'OFFICIAL';

export interface Session {
  token: string;
  expiresAt: number; // ms since the epoch
  subject: string;
  name: string;
  roles: Role[];
  org: string | null; // the global ID of the organisation the user acts for
}

export type AuthConfig =
  | { mode: 'demo' }
  | { mode: 'token' }
  | { mode: 'oidc'; issuer: string; clientId: string };

export interface Persona {
  subject: string;
  name: string;
  role: Role;
  organization?: string;
}

const storageKey = 'innoport.token';

/** Reads what the console needs from a JWT's payload, as the server reads it. */
export function sessionFromToken(token: string): Session {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  const c = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (ch) => ch.charCodeAt(0))));
  const roles: Role[] = (c.roles?.length ? c.roles : c.realm_access?.roles ?? []) as Role[];
  return {
    token,
    expiresAt: typeof c.exp === 'number' ? c.exp * 1000 : Date.now() + 3600_000,
    subject: String(c.sub ?? ''),
    name: String(c.name || c.preferred_username || c.sub || ''),
    roles,
    org: typeof c.org === 'string' && c.org ? c.org : null,
  };
}

export function loadSession(): Session | null {
  const raw = localStorage.getItem(storageKey);
  if (!raw) return null;
  try {
    const { token } = JSON.parse(raw) as { token: string };
    const s = sessionFromToken(token);
    return s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(token: string): Session {
  const s = sessionFromToken(token);
  localStorage.setItem(storageKey, JSON.stringify({ token }));
  return s;
}

export function clearSession() {
  localStorage.removeItem(storageKey);
}

export async function authConfig(): Promise<AuthConfig> {
  const r = await fetch('/auth/config');
  if (!r.ok) throw new Error(`auth config: HTTP ${r.status}`);
  return r.json();
}

export async function demoPersonas(): Promise<Persona[]> {
  const r = await fetch('/auth/demo/personas');
  if (!r.ok) throw new Error(`demo personas: HTTP ${r.status}`);
  return r.json();
}

export async function demoSignIn(subject: string): Promise<Session> {
  const r = await fetch('/auth/demo/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ subject }),
  });
  if (!r.ok) throw new Error(`demo sign-in: HTTP ${r.status}`);
  const { token } = (await r.json()) as { token: string };
  return saveSession(token);
}

// OpenID Connect through oidc-client-ts, loaded only when an issuer is set.
async function oidcManager(cfg: { issuer: string; clientId: string }) {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: cfg.issuer,
    client_id: cfg.clientId,
    redirect_uri: `${location.origin}/auth/callback`,
    post_logout_redirect_uri: `${location.origin}/signin`,
    response_type: 'code', // with PKCE, which oidc-client-ts always sends
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

export async function oidcSignIn(cfg: { issuer: string; clientId: string }, returnTo: string) {
  await (await oidcManager(cfg)).signinRedirect({ state: returnTo });
}

/** Completes the redirect back from the provider; the path to return to. */
export async function oidcCallback(cfg: { issuer: string; clientId: string }): Promise<string> {
  const user = await (await oidcManager(cfg)).signinRedirectCallback();
  saveSession(user.access_token);
  return typeof user.state === 'string' ? user.state : '/';
}
