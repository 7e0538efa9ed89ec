/**
 * Answers as read-only text: used when printing "my answers" (fields clip when printed) and by the
 * printable page. Pure: (worksheet, answers) -> markup. Text is always rendered as text, never HTML.
 */
import type { AnswerValue, Answers, EarlierAnswer, TableRow } from '../worksheets/answers';
import type { Prompt, Worksheet } from '../worksheets/schema';
import { t } from '../lib/strings';
import { ChartView } from './Charts';

function optionLabel(options: { value: string; label: string }[], v: string): string {
  return options.find((o) => o.value === v)?.label ?? v;
}

export function AnswerText({ prompt, value }: { prompt: Prompt; value: AnswerValue | undefined }) {
  if (value === undefined) return <p class="ws-answer ws-answer--empty">{t.noAnswer}</p>;
  switch (prompt.kind) {
    case 'text':
    case 'longtext':
      return <p class="ws-answer">{String(value)}</p>;
    case 'scale':
      return (
        <p class="ws-answer">
          {String(value)} on a scale from {prompt.min} ({prompt.minLabel}) to {prompt.max} ({prompt.maxLabel})
        </p>
      );
    case 'choice':
      return <p class="ws-answer">{optionLabel(prompt.options, String(value))}</p>;
    case 'checklist':
      return (
        <ul class="ws-answer">
          {(value as string[]).map((v) => (
            <li key={v}>{optionLabel(prompt.options, v)}</li>
          ))}
        </ul>
      );
    case 'ranked':
      return (
        <ol class="ws-answer">
          {(value as string[])
            .filter((s) => s.trim())
            .map((v, i) => (
              <li key={i}>{v}</li>
            ))}
        </ol>
      );
    case 'table':
      return (
        <table class="ws-answer ws-answer-table">
          <thead>
            <tr>
              {prompt.columns.map((c) => (
                <th scope="col" key={c.id}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(value as TableRow[]).map((row) => (
              <tr key={row.id}>
                {prompt.columns.map((c) => {
                  const v = row.cells[c.id];
                  const text = v === undefined ? '' : c.kind === 'choice' ? optionLabel(c.options, String(v)) : String(v);
                  return <td key={c.id}>{text}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

export function AnswersView({ ws, answers, earlier = [] }: { ws: Worksheet; answers: Answers; earlier?: EarlierAnswer[] }) {
  return (
    <div class="ws-answers">
      {ws.sections.map((s) => (
        <section key={s.id} class="ws-answers__section">
          <h3>{s.title}</h3>
          {s.prompts.map((p) => (
            <div class="ws-answers__item" key={p.id}>
              <p class="ws-answers__q">{p.label}</p>
              <AnswerText prompt={p} value={answers[p.id]} />
            </div>
          ))}
        </section>
      ))}
      {ws.charts.map((c) => (
        <ChartView ws={ws} chart={c} answers={answers} key={c.id} uid="print-" />
      ))}
      {earlier.length > 0 && (
        <section class="ws-answers__section">
          <h3>{t.earlierTitle}</h3>
          {earlier.map((e, i) => (
            <p class="ws-answer" key={`${e.id}-${i}`}>
              {e.text}
            </p>
          ))}
        </section>
      )}
    </div>
  );
}
