import { useT } from '../lib/i18n';

interface AnswerLike {
  questionKey: string; text?: string | null; number?: number | null;
  choices?: readonly string[] | null; documentRef?: string | null;
}

/** An application's answers under the call's questions, as the fund and its reviewers read them. */
export function Answers({ questions, answers }: { questions: readonly { key: string; label: string }[]; answers: readonly AnswerLike[] }) {
  const t = useT();
  const shown = (a?: AnswerLike) =>
    a?.text ?? (a?.number != null ? String(a.number) : null) ?? a?.choices?.join(', ') ?? a?.documentRef ?? '—';
  return (
    <>
      <h2>{t('Trả lời', 'Answers')}</h2>
      <dl className="answers">
        {questions.map((q) => (
          <div key={q.key}>
            <dt>{q.label}</dt>
            <dd>{shown(answers.find((x) => x.questionKey === q.key))}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
