import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../gql';
import type { ExpressionLanguage } from '../gql/graphql';
import { useT } from '../lib/i18n';
import { FieldErrors, type UserErrorLike } from './common';

const CheckExpression = graphql(`
  query CheckExpression($language: ExpressionLanguage!, $expression: String!) {
    checkExpression(language: $language, expression: $expression) { valid problems { line column message } }
  }
`);

interface Problem { line?: number | null; column?: number | null; message: string }

/**
 * A CEL rule's source, compiled by the server as the user types (300 ms
 * after the last key): each problem is listed with its line and column, and
 * the field is marked invalid until it compiles.
 */
export function ExpressionEditor({ id, label, value, onChange, language, errors }: {
  id: string; label: string; value: string; onChange: (v: string) => void;
  language: ExpressionLanguage; errors: UserErrorLike[];
}) {
  const t = useT();
  const client = useClient();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [checked, setChecked] = useState<string | null>(null);
  // The saved source compiled when it was saved: only an edit is checked, so
  // opening an editor of many rules is still one request.
  const saved = useRef(value);
  useEffect(() => {
    if (!value.trim() || value === saved.current) { setProblems([]); setChecked(null); return; }
    let live = true;
    const timer = setTimeout(async () => {
      const r = await client.query(CheckExpression, { language, expression: value }, { requestPolicy: 'network-only' }).toPromise();
      if (!live || !r.data?.checkExpression) return;
      setProblems(r.data.checkExpression.problems);
      setChecked(value);
    }, 300);
    return () => { live = false; clearTimeout(timer); };
  }, [value, language, client]);
  const invalid = problems.length > 0 || errors.length > 0;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="code" rows={3} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined} aria-describedby={`${id}-check ${id}-err`} />
      <div id={`${id}-check`} role="status" aria-live="polite">
        {problems.length > 0 && (
          <ul className="problems">
            {problems.map((p, i) => (
              <li key={i}>{p.line ? t(`Dòng ${p.line}, cột ${p.column}: `, `Line ${p.line}, column ${p.column}: `) : ''}{p.message}</li>
            ))}
          </ul>
        )}
        {checked === value && !problems.length && <span className="ok">{t('Biểu thức hợp lệ.', 'The expression compiles.')}</span>}
      </div>
      <FieldErrors id={`${id}-err`} errors={errors} />
    </div>
  );
}
