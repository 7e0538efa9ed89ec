/**
 * "Save this round" and the list of saved rounds on a worksheet page: rename, delete (with a confirmation
 * and one Undo), the change table. Focus after each action goes to what the reader will want next, and each
 * action is announced in the form's one polite live region (the `Announce` context).
 */
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Answers } from '../worksheets/answers';
import type { Worksheet } from '../worksheets/schema';
import type { DocTable } from '../worksheets/document';
import { worksheetDocument } from '../worksheets/document';
import { browserStorage } from '../worksheets/storage';
import {
  cleanName,
  createRoundsStorage,
  createRoundsStore,
  defaultRoundName,
  hasRounds,
  roundDate,
  type Round,
  type RoundsState,
  type RoundsStore,
} from '../worksheets/rounds';
import { KEYS } from '../lib/storage-keys';
import { rounds as words, t } from '../lib/strings';
import { Announce, useFocusAfter } from './Prompts';

/** The worksheet's rounds store, made once per form (none when the worksheet keeps no rounds). */
export function roundsStoreFor(ws: Worksheet): RoundsStore | undefined {
  return hasRounds(ws) ? createRoundsStore(ws, createRoundsStorage(browserStorage)) : undefined;
}

/**
 * The current state of a form's rounds store. With `follow` (one part of the form does it), a change made in
 * another tab is read in too.
 */
export function useRounds(
  ws: Worksheet,
  store: RoundsStore | undefined,
  follow = false,
  win: Window | undefined = typeof window === 'undefined' ? undefined : window,
): RoundsState | undefined {
  const [state, setState] = useState<RoundsState | undefined>(() => store?.get());
  useEffect(() => {
    if (!store) return;
    setState(store.get());
    const off = store.subscribe(setState);
    const onStorage = (e: StorageEvent) => {
      if (e.key === null || e.key === KEYS.rounds(ws.id)) store.external();
    };
    if (follow) win?.addEventListener('storage', onStorage);
    return () => {
      off();
      if (follow) win?.removeEventListener('storage', onStorage);
    };
  }, [store, follow, win]);
  return state;
}

/** A table of the document model (a caption, a header row, row headers). */
export function DocTableView({ table, attr }: { table: DocTable; attr?: string }) {
  return (
    <div class="table-wrap">
      <table class="chart__table" data-table={attr}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th scope="col" key={i}>
                {h || '\u00a0'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.header}>
              <th scope="row">{r.header}</th>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The change table (and, without a radar, the values table) of saved rounds. */
export function RoundsTables({ ws, answers, rounds }: { ws: Worksheet; answers: Answers; rounds: readonly Round[] }) {
  const doc = worksheetDocument(ws, answers, { rounds }).rounds;
  if (!doc) return null;
  return (
    <>
      {doc.note && <p data-rounds-note>{doc.note}</p>}
      {doc.values && <DocTableView table={doc.values} attr="rounds-values" />}
      <h3>{words.changesTitle}</h3>
      <DocTableView table={doc.changes} attr="rounds-changes" />
    </>
  );
}

const STATUS_TEXT: Partial<Record<RoundsState['status'], string>> = {
  unavailable: words.unavailable,
  'too-new': words.tooNew,
  quarantined: words.quarantined,
  blocked: words.blocked,
};

type Pending = { kind: 'rename' | 'delete'; id: string } | null;

function CancelButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" class="button" onClick={onClick}>
      {t.cancel}
    </button>
  );
}

export function RoundsPanel({ ws, store, state, answers }: { ws: Worksheet; store: RoundsStore; state: RoundsState; answers: Answers }) {
  const [name, setName] = useState('');
  const [pending, setPending] = useState<Pending>(null);
  const [draft, setDraft] = useState('');
  const [undo, setUndo] = useState<{ run: () => void; name: string } | null>(null);
  const [message, setMessage] = useState('');
  const root = useRef<HTMLElement>(null);
  const focusAfter = useFocusAfter();
  const announce = useContext(Announce);
  const focus = (sel: string) => focusAfter(() => root.current?.querySelector<HTMLElement>(sel));
  const say = (text: string) => {
    setMessage(text);
    announce(text);
  };
  /** Leaves a rename or a delete unfinished: focus goes back to the button that began it. */
  const back = (r: Round, action: 'rename' | 'delete', message: string) => {
    setPending(null);
    say(message);
    focus(`[data-round="${r.id}"] [data-rounds="${action}"]`);
  };
  const chart = ws.charts.some((c) => c.kind === 'radar');

  function onSave(e: Event) {
    e.preventDefault();
    const round = store.add(answers, name);
    if (!round) {
      say(words.nothingRated);
      focus('[data-rounds="save"]');
      return;
    }
    setName('');
    setUndo(null);
    say(words.saved(round.name));
    focus(`[data-round-name="${round.id}"]`);
  }

  return (
    <section class="ws-rounds" aria-labelledby={`${ws.id}-rounds-title`} ref={root} data-rounds-panel>
      <h2 id={`${ws.id}-rounds-title`}>{words.title}</h2>
      <p>{chart ? words.intro : words.introTable}</p>
      {STATUS_TEXT[state.status] && (
        <p class="ws-warning" data-rounds-warning={state.status}>
          {STATUS_TEXT[state.status]}
        </p>
      )}
      {state.save === 'quota' && (
        <p class="ws-warning" data-rounds-warning="quota">
          {words.quota}
        </p>
      )}
      <form class="ws-rounds__form" onSubmit={onSave}>
        <div class="ws-field">
          <label class="ws-label" for={`${ws.id}-round-name`}>
            {words.nameLabel}
          </label>
          <input
            id={`${ws.id}-round-name`}
            type="text"
            maxLength={120}
            value={name}
            placeholder={defaultRoundName(new Date())}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button--primary" data-rounds="save">
          {words.save}
        </button>
      </form>
      <p class="ws-rounds__status" data-rounds-status>
        {message}{' '}
        {undo && (
          <button
            type="button"
            class="button"
            data-rounds="undo"
            onClick={() => {
              const { run, name: n } = undo;
              run();
              setUndo(null);
              say(words.undone(n));
              focus('[data-rounds="save"]');
            }}
          >
            {t.undo}
          </button>
        )}
      </p>
      <h3>{words.listTitle}</h3>
      {state.rounds.length === 0 ? (
        <p data-rounds-none>{words.none}</p>
      ) : (
        <ul class="ws-rounds__list">
          {state.rounds.map((r) => (
            <li key={r.id} data-round={r.id}>
              {pending?.kind === 'rename' && pending.id === r.id ? (
                <form
                  class="ws-rounds__form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (!draft.trim()) return;
                    store.rename(r.id, draft);
                    setPending(null);
                    say(words.renamed(cleanName(draft)));
                    focus(`[data-round-name="${r.id}"]`);
                  }}
                >
                  <div class="ws-field">
                    <label class="ws-label" for={`${ws.id}-rename-${r.id}`}>
                      {words.renameLabel(r.name)}
                    </label>
                    <input
                      id={`${ws.id}-rename-${r.id}`}
                      type="text"
                      maxLength={120}
                      required
                      value={draft}
                      data-rounds="rename-input"
                      onInput={(e) => setDraft(e.currentTarget.value)}
                    />
                  </div>
                  <button type="submit" class="button button--primary">
                    {words.renameSave}
                  </button>
                  <CancelButton onClick={() => back(r, 'rename', words.renameCancelled)} />
                </form>
              ) : pending?.kind === 'delete' && pending.id === r.id ? (
                <div role="group" aria-label={words.delete}>
                  <p tabIndex={-1} data-rounds="delete-question">
                    {words.deleteConfirm(r.name)}
                  </p>
                  <button
                    type="button"
                    class="button button--danger"
                    data-rounds="delete-yes"
                    onClick={() => {
                      const run = store.remove(r.id);
                      setPending(null);
                      setUndo({ run, name: r.name });
                      say(words.deleted(r.name));
                      focus('[data-rounds="undo"]');
                    }}
                  >
                    {words.deleteYes}
                  </button>{' '}
                  <CancelButton onClick={() => back(r, 'delete', words.deleteCancelled)} />
                </div>
              ) : (
                <>
                  <span class="ws-rounds__name" tabIndex={-1} data-round-name={r.id}>
                    {r.name}
                  </span>
                  <span>{words.savedOn(roundDate(r))}</span>
                  <span class="ws-rounds__actions">
                    <button
                      type="button"
                      class="button"
                      data-rounds="rename"
                      aria-label={`${words.rename} ${r.name}`}
                      onClick={() => {
                        setDraft(r.name);
                        setPending({ kind: 'rename', id: r.id });
                        focus('[data-rounds="rename-input"]');
                      }}
                    >
                      {words.rename}
                    </button>
                    <button
                      type="button"
                      class="button button--danger"
                      data-rounds="delete"
                      aria-label={`${words.delete} ${r.name}`}
                      onClick={() => {
                        setPending({ kind: 'delete', id: r.id });
                        announce(words.deleteConfirm(r.name));
                        focus('[data-rounds="delete-question"]');
                      }}
                    >
                      {words.delete}
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <RoundsTables ws={ws} answers={answers} rounds={state.rounds} />
    </section>
  );
}
