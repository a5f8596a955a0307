import { useEffect, useState, type FormEvent } from 'react';
import {
  authConfig, demoPersonas, demoSignIn, loadSession, oidcCallback, oidcSignIn, saveSession,
  type AuthConfig, type Persona, type Session,
} from '../lib/auth';
import { useT } from '../lib/i18n';
import { label } from '../lib/labels';
import { navigate } from '../lib/router';
import { Loading, Page } from '../ui/common';

/** The personas by role, in the order the roles first appear. */
function groupByRole(personas: Persona[]): [Persona['role'], Persona[]][] {
  const groups = new Map<Persona['role'], Persona[]>();
  for (const p of personas) groups.set(p.role, [...(groups.get(p.role) ?? []), p]);
  return [...groups];
}

export function SignIn({ expired, onSignedIn }: { expired: boolean; onSignedIn: (s: Session) => void }) {
  const t = useT();
  const [cfg, setCfg] = useState<AuthConfig | null>(null);
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pasted, setPasted] = useState('');

  useEffect(() => {
    authConfig()
      .then(async (c) => {
        setCfg(c);
        if (c.mode === 'demo') setPersonas(await demoPersonas());
      })
      .catch(() => setFailure(t('Không kết nối được máy chủ.', 'Could not reach the server.')));
  }, []);

  const returnTo = location.pathname === '/signin' ? '/' : location.pathname + location.search;
  const done = (s: Session) => {
    onSignedIn(s);
    navigate(returnTo, true);
  };

  const pickPersona = async (p: Persona) => {
    setBusy(true);
    try {
      done(await demoSignIn(p.subject));
    } catch {
      setFailure(t('Không đăng nhập được. Hãy thử lại.', 'Could not sign in. Please try again.'));
      setBusy(false);
    }
  };

  const usePasted = (e: FormEvent) => {
    e.preventDefault();
    try {
      done(saveSession(pasted.trim()));
    } catch {
      setFailure(t('Mã truy cập không hợp lệ.', 'That is not a valid token.'));
    }
  };

  return (
    <Page title={t('Đăng nhập', 'Sign in')}>
      {expired && (
        <div className="notice warn" role="alert">
          {t('Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.', 'Your session has expired. Please sign in again.')}
        </div>
      )}
      {failure && <div className="notice error" role="alert">{failure}</div>}
      {!cfg && !failure && <Loading />}
      {cfg?.mode === 'oidc' && (
        <p>
          <button type="button" className="primary" onClick={() => oidcSignIn(cfg, returnTo)}>
            {t('Đăng nhập bằng tài khoản của tổ chức', 'Sign in with your organisation account')}
          </button>
        </p>
      )}
      {cfg?.mode === 'demo' && (
        <>
          <p>
            {t(
              'Bản trình diễn: chọn một người trong hệ sinh thái mẫu để đăng nhập (phiên dài 2 giờ).',
              'Demo: pick a person of the demo ecosystem to sign in as (the session lasts 2 hours).',
            )}
          </p>
          {!personas && <Loading />}
          {personas && groupByRole(personas).map(([role, group]) => (
            <section key={role} className="persona-group" aria-labelledby={`role-${role}`}>
              <h2 id={`role-${role}`}>{label(t, 'role', role)} <span className="muted">({group.length})</span></h2>
              <ul className="personas">
                {group.map((p) => (
                  <li key={p.subject}>
                    <button type="button" disabled={busy} onClick={() => pickPersona(p)} className="persona">
                      <span className="persona-name">{p.name}</span>
                      {p.organization && <span className="muted">{p.organization}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
      {cfg?.mode === 'token' && (
        <form onSubmit={usePasted} className="form">
          <p>
            {t(
              'Máy chủ này dùng mã truy cập do quản trị viên cấp (lệnh innoport token).',
              'This server uses tokens issued by its administrator (the innoport token command).',
            )}
          </p>
          <label htmlFor="token">{t('Mã truy cập', 'Token')}</label>
          <textarea id="token" rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} required />
          <button type="submit" className="primary">{t('Đăng nhập', 'Sign in')}</button>
        </form>
      )}
    </Page>
  );
}

export function AuthCallback({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const t = useT();
  const [failure, setFailure] = useState(false);
  useEffect(() => {
    authConfig()
      .then(async (c) => {
        if (c.mode !== 'oidc') throw new Error('not configured for OIDC');
        const to = await oidcCallback(c);
        const s = loadSession();
        if (!s) throw new Error('no session');
        onSignedIn(s);
        navigate(to, true);
      })
      .catch(() => setFailure(true));
  }, []);
  return (
    <Page title={t('Đang đăng nhập', 'Signing in')}>
      {failure
        ? <div className="notice error" role="alert">{t('Đăng nhập không thành công.', 'Sign-in failed.')} <a href="/signin">{t('Thử lại', 'Try again')}</a></div>
        : <Loading />}
    </Page>
  );
}
