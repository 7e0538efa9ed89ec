/**
 * Answers as read-only text, drawn from the document model (worksheets/document.ts): used when printing
 * "my answers" (fields clip when printed), by the worked examples and by the conflict message. Pure:
 * (worksheet, answers) -> markup. Text is always rendered as text, never HTML.
 */
import type { Answers, EarlierAnswer } from '../worksheets/answers';
import { worksheetDocument } from '../worksheets/document';
import { scaleText, type Display } from '../worksheets/kinds';
import type { Worksheet } from '../worksheets/schema';
import { t } from '../lib/strings';
import { ChartView } from './Charts';
import { DocTableView } from './Rounds';
import type { Round } from '../worksheets/rounds';

/** One answer in its display form. Switches on the display form, never on the prompt's kind. */
export function DisplayView({ display: d }: { display: Display }) {
  switch (d.type) {
    case 'empty':
      return <p class="ws-answer ws-answer--empty">{t.noAnswer}</p>;
    case 'text':
      return <p class="ws-answer">{d.text}</p>;
    case 'scale':
      return <p class="ws-answer">{scaleText(d)}</p>;
    case 'choice':
      return <p class="ws-answer">{d.label}</p>;
    case 'list': {
      const items = d.items.map((item, i) => <li key={i}>{item}</li>);
      return d.ordered ? <ol class="ws-answer">{items}</ol> : <ul class="ws-answer">{items}</ul>;
    }
    case 'table':
      return (
        <table class="ws-answer ws-answer-table">
          <thead>
            <tr>
              {d.columns.map((c) => (
                <th scope="col" key={c.id}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.rows.map((row) => (
              <tr key={row.id}>
                {row.cells.map((c, i) => (
                  <td key={d.columns[i]!.id}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

export function AnswersView({
  ws,
  answers,
  earlier = [],
  rounds = [],
}: {
  ws: Worksheet;
  answers: Answers;
  earlier?: EarlierAnswer[];
  rounds?: readonly Round[];
}) {
  const doc = worksheetDocument(ws, answers, { earlier, rounds });
  return (
    <div class="ws-answers">
      {doc.sections.map((s) => (
        <section key={s.id} class="ws-answers__section">
          <h3>{s.title}</h3>
          {s.prompts.map((p) => (
            <div class="ws-answers__item" key={p.id} data-answer={p.id}>
              <p class="ws-answers__q">{p.label}</p>
              <DisplayView display={p.display} />
            </div>
          ))}
        </section>
      ))}
      {ws.charts.map((c) => (
        <ChartView ws={ws} chart={c} answers={answers} key={c.id} uid="print-" rounds={rounds} />
      ))}
      {doc.rounds && (
        <section class="ws-answers__section">
          <h3>{doc.rounds.title}</h3>
          {doc.rounds.note && <p>{doc.rounds.note}</p>}
          {doc.rounds.values && <DocTableView table={doc.rounds.values} />}
          <DocTableView table={doc.rounds.changes} />
        </section>
      )}
      {doc.earlier.length > 0 && (
        <section class="ws-answers__section">
          <h3>{t.earlierTitle}</h3>
          {doc.earlier.map((e, i) => (
            <p class="ws-answer" key={`${e.id}-${i}`}>
              {e.text}
            </p>
          ))}
        </section>
      )}
    </div>
  );
}
