/**
 * One field per prompt kind. Each reads its own answer and reports changes through `onChange`;
 * none holds state of its own beyond what the browser keeps in a field.
 */
import type { AnswerValue, Cell, TableRow } from '../worksheets/answers';
import type { Prompt, TableColumn } from '../worksheets/schema';
import { createContext, type RefObject } from 'preact';
import { useContext, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { t } from '../lib/strings';

/**
 * Says what an action did, politely, through the form's one live region ("Trust moved to 1 of 3").
 * Outside a mounted form (server rendering, the print copy) it says nothing.
 */
export const Announce = createContext<(message: string) => void>(() => undefined);

/**
 * Focus that survives a re-render: `focusAfter(find)` runs `find` once the next render is on the page
 * and focuses what it returns, so an action whose button goes away never drops focus to the page.
 */
export function useFocusAfter(): (find: () => HTMLElement | null | undefined) => void {
  const pending = useRef<(() => HTMLElement | null | undefined) | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const find = pending.current;
    if (!find) return;
    pending.current = null;
    find()?.focus();
  });
  return (find) => {
    pending.current = find;
    rerender(undefined);
  };
}

export interface FieldProps<P extends Prompt = Prompt> {
  prompt: P;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  /** Id prefix, unique on the page. */
  uid: string;
  /** Switched off: the server's copy, until the page's script makes it live (nothing typed there is lost). */
  off?: boolean | undefined;
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

function TextField({ prompt, value, onChange, uid, off }: FieldProps<Of<'text'> | Of<'longtext'>>) {
  const id = `${uid}-${prompt.id}`;
  const common = {
    id,
    disabled: off,
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

/**
 * "Clear this answer" for a group of radios. The button goes with the answer, so the group (which
 * stays) moves focus to its first radio, and the clearing is announced.
 */
function useClearChoice(prompt: Prompt, onChange: FieldProps['onChange']) {
  const group = useRef<HTMLFieldSetElement>(null);
  const focusAfter = useFocusAfter();
  const announce = useContext(Announce);
  const clear = () => {
    onChange(undefined);
    focusAfter(() => group.current?.querySelector<HTMLInputElement>('input[type="radio"]'));
    announce(t.answerCleared(prompt.label));
  };
  return { group, clear };
}

function ClearChoice({ prompt, onClear }: { prompt: Prompt; onClear: () => void }) {
  return (
    <button type="button" class="ws-link-button" onClick={onClear}>
      {t.clearChoice}
      <span class="visually-hidden">: {prompt.label}</span>
    </button>
  );
}

function ScaleField({ prompt, value, onChange, uid, off }: FieldProps<Of<'scale'>>) {
  const { group, clear } = useClearChoice(prompt, onChange);
  const values = Array.from({ length: prompt.max - prompt.min + 1 }, (_, i) => prompt.min + i);
  return (
    <fieldset class="ws-field ws-scale" aria-describedby={helpId(uid, prompt)} ref={group} disabled={off}>
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
              <input
                type="radio"
                id={id}
                name={`${uid}-${prompt.id}`}
                value={String(v)}
                checked={value === v}
                onChange={() => onChange(v)}
              />
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
      {value !== undefined && <ClearChoice prompt={prompt} onClear={clear} />}
    </fieldset>
  );
}

function ChoiceField({ prompt, value, onChange, uid, off }: FieldProps<Of<'choice'>>) {
  const { group, clear } = useClearChoice(prompt, onChange);
  return (
    <fieldset class="ws-field" aria-describedby={helpId(uid, prompt)} ref={group} disabled={off}>
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
      {value !== undefined && <ClearChoice prompt={prompt} onClear={clear} />}
    </fieldset>
  );
}

function ChecklistField({ prompt, value, onChange, uid, off }: FieldProps<Of<'checklist'>>) {
  const checked = Array.isArray(value) ? (value as string[]) : [];
  return (
    <fieldset class="ws-field" aria-describedby={helpId(uid, prompt)} disabled={off}>
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

/** Move up, move down and remove, for one row of a table or one item of a ranked list, named by the row. */
function RowActions({ index: i, count, label, onMove, onRemove }: ListItemActions & { index: number; count: number; label: string }) {
  return (
    <>
      <button
        type="button"
        class="ws-icon"
        data-action="up"
        disabled={i === 0}
        aria-label={t.moveItemUp(label)}
        onClick={() => onMove(i, i - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        class="ws-icon"
        data-action="down"
        disabled={i === count - 1}
        aria-label={t.moveItemDown(label)}
        onClick={() => onMove(i, i + 1)}
      >
        ↓
      </button>
      <button type="button" class="ws-icon" data-action="remove" aria-label={t.removeItem(label)} onClick={() => onRemove(i)}>
        ×
      </button>
    </>
  );
}

interface ListItemActions {
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/**
 * Moving and removing rows of a table or items of a ranked list, with focus kept and the result
 * announced. Rows are found on the page by their stable key (`data-key`), never by position: a moved
 * row keeps focus on its own button (the other one when it reached an end); a removed row hands focus
 * to the next row's Remove, or to the Add button when it was the last.
 */
function useListActions<T>({
  list,
  keyOf,
  labelOf,
  commit,
  root,
  onReorder,
}: {
  list: T[];
  keyOf: (i: number) => string;
  labelOf: (i: number) => string;
  commit: (next: T[]) => void;
  root: RefObject<HTMLElement>;
  /** Keeps keys held beside the list in step; called with the same change as the list. */
  onReorder?: (change: (keys: string[]) => string[]) => void;
}): ListItemActions & { focusAfter: ReturnType<typeof useFocusAfter>; announce: (message: string) => void } {
  const focusAfter = useFocusAfter();
  const announce = useContext(Announce);
  const row = (key: string) => root.current?.querySelector<HTMLElement>(`[data-key="${key}"]`);
  const add = () => root.current?.querySelector<HTMLElement>('[data-action="add"]');
  return {
    focusAfter,
    announce,
    onMove(from, to) {
      const key = keyOf(from);
      const label = labelOf(from);
      const dir = to < from ? 'up' : 'down';
      onReorder?.((keys) => move(keys, from, to));
      commit(move(list, from, to));
      focusAfter(() => {
        const own = row(key)?.querySelector<HTMLButtonElement>(`[data-action="${dir}"]`);
        return own && !own.disabled ? own : row(key)?.querySelector<HTMLButtonElement>(`[data-action="${dir === 'up' ? 'down' : 'up'}"]`);
      });
      announce(t.itemMoved(label, to + 1, list.length));
    },
    onRemove(i) {
      const next = i + 1 < list.length ? keyOf(i + 1) : undefined;
      const label = labelOf(i);
      onReorder?.((keys) => keys.filter((_, j) => j !== i));
      commit(list.filter((_, j) => j !== i));
      focusAfter(() => (next ? row(next)?.querySelector<HTMLElement>('[data-action="remove"]') : undefined) ?? add());
      announce(t.itemRemoved(label));
    },
  };
}

function CellInput({
  col,
  value,
  onChange,
  id,
  label,
  describedBy,
}: {
  col: TableColumn;
  value: Cell | undefined;
  onChange: (v: Cell | undefined) => void;
  id: string;
  label: string;
  /** The column's help, which the label alone would hide. */
  describedBy: string | undefined;
}) {
  if (col.kind === 'text')
    return (
      <input
        type="text"
        id={id}
        aria-label={label}
        aria-describedby={describedBy}
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
      aria-describedby={describedBy}
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

/** The first text column of a table: what a row is called by ("Chief inspector"), when filled in. */
const labelColumn = (prompt: Of<'table'>) => prompt.columns.find((c) => c.kind === 'text')?.id;

function TableField({ prompt, value, onChange, uid, off }: FieldProps<Of<'table'>>) {
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
  const labelCol = labelColumn(prompt);
  const labelOf = (i: number) => {
    const text = labelCol ? rows[i]?.cells[labelCol] : undefined;
    return t.itemLabel(name, i + 1, typeof text === 'string' ? text : undefined);
  };
  const root = useRef<HTMLFieldSetElement>(null);
  const actions = useListActions({ list: rows, keyOf: (i) => rows[i]!.id, labelOf, commit, root });
  const legendId = `${uid}-${prompt.id}-legend`;
  const colHelpId = (c: TableColumn) => (c.help ? `${uid}-${prompt.id}-col-${c.id}-help` : undefined);
  return (
    <fieldset class="ws-field ws-table" aria-describedby={helpId(uid, prompt)} ref={root} disabled={off}>
      <legend class="ws-label" id={legendId}>
        {prompt.label}
      </legend>
      <Help uid={uid} prompt={prompt} />
      <div class="ws-table__scroll">
        <table aria-labelledby={legendId}>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">{name}</span>#
              </th>
              {prompt.columns.map((c) => (
                <th scope="col" key={c.id}>
                  {c.label}
                  {c.help && (
                    <span class="ws-col-help" id={colHelpId(c)}>
                      {c.help}
                    </span>
                  )}
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.id} data-key={row.id}>
                <th scope="row">{i + 1}</th>
                {prompt.columns.map((c) => (
                  <td key={c.id}>
                    <CellInput
                      col={c}
                      id={`${uid}-${prompt.id}-${i}-${c.id}`}
                      label={`${c.label}, ${t.rowLabel(name, i + 1)}`}
                      describedBy={colHelpId(c)}
                      value={row.cells[c.id]}
                      onChange={(v) => setCell(i, c.id, v)}
                    />
                  </td>
                ))}
                <td class="ws-row-actions">
                  <RowActions index={i} count={rows.length} label={labelOf(i)} onMove={actions.onMove} onRemove={actions.onRemove} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        class="button"
        data-action="add"
        onClick={() => {
          const row = { id: newRowId(), cells: {} };
          commit([...rows, row]);
          actions.focusAfter(() => root.current?.querySelector<HTMLElement>(`[data-key="${row.id}"] :is(input, select)`));
          actions.announce(t.itemAdded(t.itemLabel(name, rows.length + 1)));
        }}
      >
        {t.addRow(name)}
      </button>
    </fieldset>
  );
}

function RankedField({ prompt, value, onChange, uid, off }: FieldProps<Of<'ranked'>>) {
  const stored = Array.isArray(value) ? (value as string[]) : [];
  const items = stored.length ? stored : [''];
  // Stable keys for the items, held beside the stored list (which stays plain strings) and kept in
  // step with it, so a moved item keeps its element, its focus and its place in the reading order.
  const keys = useRef<string[]>([]);
  while (keys.current.length < items.length) keys.current.push(newRowId());
  if (keys.current.length > items.length) keys.current.length = items.length;
  const commit = (next: string[]) => onChange(next.some((s) => s.trim()) ? next : undefined);
  const name = prompt.itemName;
  const labelOf = (i: number) => t.itemLabel(name, i + 1, items[i]);
  const root = useRef<HTMLFieldSetElement>(null);
  const actions = useListActions({
    list: items,
    keyOf: (i) => keys.current[i]!,
    labelOf,
    commit,
    root,
    onReorder: (change) => {
      keys.current = change(keys.current);
    },
  });
  return (
    <fieldset class="ws-field ws-ranked" aria-describedby={helpId(uid, prompt)} ref={root} disabled={off}>
      <legend class="ws-label">{prompt.label}</legend>
      <Help uid={uid} prompt={prompt} />
      <ol class="ws-ranked__list">
        {items.map((item, i) => (
          <li key={keys.current[i]} data-key={keys.current[i]}>
            <input
              type="text"
              aria-label={t.rowLabel(name, i + 1)}
              id={`${uid}-${prompt.id}-${i}`}
              value={item}
              onInput={(e) => commit(items.map((x, j) => (j === i ? inputValue(e) : x)))}
            />
            <RowActions index={i} count={items.length} label={labelOf(i)} onMove={actions.onMove} onRemove={actions.onRemove} />
          </li>
        ))}
      </ol>
      {items.length < prompt.max ? (
        <button
          type="button"
          class="button"
          data-action="add"
          onClick={() => {
            const key = newRowId();
            keys.current = [...keys.current, key];
            onChange([...items, '']);
            // The new item's field: also when this Add was the last one allowed and gives way to a message.
            actions.focusAfter(() => root.current?.querySelector<HTMLElement>(`[data-key="${key}"] input`));
            actions.announce(t.itemAdded(t.itemLabel(name, items.length + 1)));
          }}
        >
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
