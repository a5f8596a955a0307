import { useEffect, useRef, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { isForbidden } from '../lib/client';
import { useT } from '../lib/i18n';

/** A screen: its title in the tab and as the heading focus moves to on navigation. */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Innoport`;
    h1.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1} ref={h1}>{title}</h1>
        {actions && <div className="actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

export function Loading() {
  const t = useT();
  return <p className="muted" role="status" aria-live="polite">{t('Đang tải…', 'Loading…')}</p>;
}

/** A request's failure as the user can act on it: no access, offline, or the server's message. */
export function ErrorNotice({ error }: { error: CombinedError }) {
  const t = useT();
  if (isForbidden(error)) {
    return (
      <div className="notice error" role="alert">
        {t('Bạn không có quyền xem nội dung này với vai trò hiện tại.', 'Your role does not give you access to this.')}
      </div>
    );
  }
  if (error.networkError && !error.graphQLErrors.length) {
    return (
      <div className="notice error" role="alert">
        {t('Không kết nối được máy chủ. Hãy thử lại.', 'Could not reach the server. Please try again.')}
      </div>
    );
  }
  return (
    <div className="notice error" role="alert">
      {error.graphQLErrors.map((e, i) => <p key={i}>{e.message}</p>)}
    </div>
  );
}

export interface UserErrorLike {
  field?: readonly string[] | null;
  code: string;
  message: string;
}

/** The userErrors at one input path (["input", "answers", "q1", "text"] matches "answers.q1"). */
export function errorsAt(errors: readonly UserErrorLike[] | undefined, path: string): UserErrorLike[] {
  return (errors ?? []).filter((e) => {
    const f = (e.field ?? []).filter((p) => p !== 'input').join('.');
    return f === path || f.startsWith(`${path}.`);
  });
}

/** Errors no field on the form shows, listed above the form. */
export function FormErrors({ errors, shown }: { errors: readonly UserErrorLike[] | undefined; shown: string[] }) {
  const rest = (errors ?? []).filter((e) => !shown.some((p) => errorsAt([e], p).length));
  if (!rest.length) return null;
  return (
    <div className="notice error" role="alert">
      {rest.map((e, i) => <p key={i}>{e.message}</p>)}
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors: UserErrorLike[] }) {
  if (!errors.length) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {errors.map((e) => e.message).join(' ')}
    </span>
  );
}

/** A new idempotency key per attempt: a double click sends the same key twice, and the server applies it once. */
export function newKey(): string {
  return crypto.randomUUID();
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted empty">{children}</p>;
}
