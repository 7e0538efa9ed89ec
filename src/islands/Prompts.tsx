/**
 * One field per prompt kind. Each reads its own answer and reports changes through `onChange`;
 * none holds state of its own beyond what the browser keeps in a field.
 */
import type { AnswerValue, Cell, TableRow } from '../worksheets/answers';
import type { Prompt, TableColumn } from '../worksheets/schema';
import { useState } from 'preact/hooks';
import { t } from '../lib/strings';

export interface FieldProps<P extends Prompt = Prompt> {
  prompt: P;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  /** Id prefix, unique on the page. */
  uid: string;
}

type Of<K extends Prompt['kind']> = Extract<Prompt, { kind: K }>;

/** An id-safe form of an option value (plain-string options use their label as the value). */
export const optionId = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'option';

const helpId = (uid: string, p: Prompt) => (p.help ? `${uid}-${p.id}-help` : undefined);

function Help({ uid, prompt }: { uid: string; prompt: Prompt }) {
  return prompt.help ? (
    <p class="ws-help" id={helpId(uid, prompt)}>
      {prompt.help}
    </p>
  ) : null;
}

const inputValue = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement }) => e.currentTarget.value;

function TextField({ prompt, value, onChange, uid }: FieldProps<Of<'text'> | Of<'longtext'>>) {
  const id = `${uid}-${prompt.id}`;
  const common = {
    id,
    name: prompt.id,
    value: typeof value === 'string' ? value : '',
    'aria-describedby': helpId(uid, prompt),
    onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => onChange(inputValue(e)),
  };
  return (
    <div class="ws-field">
      <label class="ws-label" for={id}>
        {prompt.label}
      </label>
      <Help uid={uid} prompt={prompt} />
      {prompt.kind === 'longtext' ? <textarea {...common} rows={Math.min(prompt.lines, 8)} /> : <input type="text" {...common} />}
    </div>
  );
}

function ScaleField({ prompt, value, onChange, uid }: FieldProps<Of<'scale'>>) {
  const values = Array.from({ length: prompt.max - prompt.min + 1 }, (_, i) => prompt.min + i);
  return (
    <fieldset class="ws-field ws-scale" aria-describedby={helpId(uid, prompt)}>
      <legend class="ws-label">{prompt.label}</legend>
      <Help uid={uid} prompt={prompt} />
      <div class="ws-scale__row">
        <span class="ws-scale__end" aria-hidden="true">
          {prompt.minLabel}
        </span>
        {values.map((v) => {
          const id = `${uid}-${prompt.id}-${v}`;
          const extra = v === prompt.min ? `, ${prompt.minLabel}` : v === prompt.max ? `, ${prompt.maxLabel}` : '';
          return (
            <span class="ws-scale__option" key={v}>
              <input type="radio" id={id} name={`${uid}-${prompt.id}`} value={v} checked={value === v} onChange={() => onChange(v)} />
              <label for={id}>
                {v}
                {extra && <span class="visually-hidden">{extra}</span>}
              </label>
            </span>
          );
        })}
        <span class="ws-scale__end" aria-hidden="true">
          {prompt.maxLabel}
        </span>
      </div>
      {value !== undefined && (
        <button type="button" class="ws-link-button" onClick={() => onChange(undefined)}>
          {t.clearChoice}
          <span class="visually-hidden">: {prompt.label}</span>
        </button>
      )}
    </fieldset>
  );
}

function ChoiceField({ prompt, value, onChange, uid }: FieldProps<Of<'choice'>>) {
  return (
    <fieldset class="ws-field" aria-describedby={helpId(uid, prompt)}>
      <legend class="ws-label">{prompt.label}</legend>
      <Help uid={uid} prompt={prompt} />
      <div class="ws-options">
        {prompt.options.map((o) => {
          const id = `${uid}-${prompt.id}-${optionId(o.value)}`;
          return (
            <div class="ws-option" key={o.value}>
              <input
                type="radio"
                id={id}
                name={`${uid}-${prompt.id}`}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              <label for={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
      {value !== undefined && (
        <button type="button" class="ws-link-button" onClick={() => onChange(undefined)}>
          {t.clearChoice}
          <span class="visually-hidden">: {prompt.label}</span>
        </button>
      )}
    </fieldset>
  );
}

function ChecklistField({ prompt, value, onChange, uid }: FieldProps<Of<'checklist'>>) {
  const checked = Array.isArray(value) ? (value as string[]) : [];
  return (
    <fieldset class="ws-field" aria-describedby={helpId(uid, prompt)}>
      <legend class="ws-label">{prompt.label}</legend>
      <Help uid={uid} prompt={prompt} />
      <div class="ws-options">
        {prompt.options.map((o) => {
          const id = `${uid}-${prompt.id}-${optionId(o.value)}`;
          return (
            <div class="ws-option" key={o.value}>
              <input
                type="checkbox"
                id={id}
                value={o.value}
                checked={checked.includes(o.value)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  const next = prompt.options.map((x) => x.value).filter((v) => (v === o.value ? on : checked.includes(v)));
                  onChange(next);
                }}
              />
              <label for={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

let rowSeq = 0;
const newRowId = () => `r${Date.now().toString(36)}${(rowSeq++).toString(36)}`;

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Move up, move down and remove, for one row of a table or one item of a ranked list. */
function RowActions<T>({ list, index: i, name, commit }: { list: T[]; index: number; name: string; commit: (next: T[]) => void }) {
  return (
    <>
      <button
        type="button"
        class="ws-icon"
        disabled={i === 0}
        aria-label={t.moveUp(name, i + 1)}
        onClick={() => commit(move(list, i, i - 1))}
      >
        ↑
      </button>
      <button
        type="button"
        class="ws-icon"
        disabled={i === list.length - 1}
        aria-label={t.moveDown(name, i + 1)}
        onClick={() => commit(move(list, i, i + 1))}
      >
        ↓
      </button>
      <button type="button" class="ws-icon" aria-label={t.removeRow(name, i + 1)} onClick={() => commit(list.filter((_, j) => j !== i))}>
        ×
      </button>
    </>
  );
}

function CellInput({
  col,
  value,
  onChange,
  id,
  label,
}: {
  col: TableColumn;
  value: Cell | undefined;
  onChange: (v: Cell | undefined) => void;
  id: string;
  label: string;
}) {
  if (col.kind === 'text')
    return (
      <input
        type="text"
        id={id}
        aria-label={label}
        value={typeof value === 'string' ? value : ''}
        onInput={(e) => onChange(inputValue(e) || undefined)}
      />
    );
  const options =
    col.kind === 'scale'
      ? Array.from({ length: col.max - col.min + 1 }, (_, i) => {
          const v = col.min + i;
          return { value: String(v), label: v === col.min ? `${v} ${col.minLabel}` : v === col.max ? `${v} ${col.maxLabel}` : String(v) };
        })
      : col.options;
  return (
    <select
      id={id}
      aria-label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(e) => {
        const v = inputValue(e);
        onChange(v === '' ? undefined : col.kind === 'scale' ? Number(v) : v);
      }}
    >
      <option value="">{t.choose}</option>
      {options.map((o) => (
        <option value={o.value} key={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function TableField({ prompt, value, onChange, uid }: FieldProps<Of<'table'>>) {
  const stored = Array.isArray(value) ? (value as TableRow[]) : [];
  // Empty rows to type into, with ids made once, so typing the first letter keeps the row (and focus).
  const [placeholders] = useState<TableRow[]>(() =>
    Array.from({ length: Math.min(prompt.rows, 3) }, () => ({ id: newRowId(), cells: {} })),
  );
  const rows: TableRow[] = stored.length ? stored : placeholders;
  const commit = (next: TableRow[]) => onChange(next.length ? next : undefined);
  const setCell = (i: number, col: string, v: Cell | undefined) => {
    const next = rows.map((r, j) => {
      if (j !== i) return r;
      const cells = { ...r.cells };
      if (v === undefined) delete cells[col];
      else cells[col] = v;
      return { id: r.id, cells };
    });
    commit(next);
  };
  const name = prompt.rowName;
  return (
    <fieldset class="ws-field ws-table" aria-describedby={helpId(uid, prompt)}>
      <legend class="ws-label">{prompt.label}</legend>
      <Help uid={uid} prompt={prompt} />
      <div class="ws-table__scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">{name}</span>#
              </th>
              {prompt.columns.map((c) => (
                <th scope="col" key={c.id}>
                  {c.label}
                  {c.help && <span class="ws-col-help">{c.help}</span>}
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.id}>
                <th scope="row">{i + 1}</th>
                {prompt.columns.map((c) => (
                  <td key={c.id}>
                    <CellInput
                      col={c}
                      id={`${uid}-${prompt.id}-${i}-${c.id}`}
                      label={`${c.label}, ${t.rowLabel(name, i + 1)}`}
                      value={row.cells[c.id]}
                      onChange={(v) => setCell(i, c.id, v)}
                    />
                  </td>
                ))}
                <td class="ws-row-actions">
                  <RowActions list={rows} index={i} name={name} commit={commit} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" class="button" onClick={() => commit([...rows, { id: newRowId(), cells: {} }])}>
        {t.addRow(name)}
      </button>
    </fieldset>
  );
}

function RankedField({ prompt, value, onChange, uid }: FieldProps<Of<'ranked'>>) {
  const stored = Array.isArray(value) ? (value as string[]) : [];
  const items = stored.length ? stored : [''];
  const commit = (next: string[]) => onChange(next.some((s) => s.trim()) ? next : undefined);
  const name = prompt.itemName;
  return (
    <fieldset class="ws-field ws-ranked" aria-describedby={helpId(uid, prompt)}>
      <legend class="ws-label">{prompt.label}</legend>
      <Help uid={uid} prompt={prompt} />
      <ol class="ws-ranked__list">
        {items.map((item, i) => (
          <li key={i}>
            <input
              type="text"
              aria-label={t.rowLabel(name, i + 1)}
              id={`${uid}-${prompt.id}-${i}`}
              value={item}
              onInput={(e) => commit(items.map((x, j) => (j === i ? inputValue(e) : x)))}
            />
            <RowActions list={items} index={i} name={name} commit={commit} />
          </li>
        ))}
      </ol>
      {items.length < prompt.max ? (
        <button type="button" class="button" onClick={() => onChange([...items, ''])}>
          {t.addRow(name)}
        </button>
      ) : (
        <p class="ws-help">{t.maxItems(prompt.max, name)}</p>
      )}
    </fieldset>
  );
}

export function Field(props: FieldProps) {
  const p = props.prompt;
  switch (p.kind) {
    case 'text':
    case 'longtext':
      return <TextField {...props} prompt={p} />;
    case 'scale':
      return <ScaleField {...props} prompt={p} />;
    case 'choice':
      return <ChoiceField {...props} prompt={p} />;
    case 'checklist':
      return <ChecklistField {...props} prompt={p} />;
    case 'table':
      return <TableField {...props} prompt={p} />;
    case 'ranked':
      return <RankedField {...props} prompt={p} />;
  }
}
