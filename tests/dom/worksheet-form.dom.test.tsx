/**
 * The worksheet form in a DOM: every prompt kind has a labelled control, the static form says saving
 * needs JavaScript, and with a store every control changes the answers. AnswersView renders hostile
 * text as text.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswersView } from '../../src/islands/AnswersView';
import { WorksheetForm, formParts, makeLive } from '../../src/islands/WorksheetForm';
import { KEYS } from '../../src/lib/storage-keys';
import { t } from '../../src/lib/strings';
import { createWorksheetStore } from '../../src/stores/worksheet';
import type { Answers, EarlierAnswer, TableRow } from '../../src/worksheets/answers';
import { allPrompts, parseWorksheet, type Prompt, type Worksheet } from '../../src/worksheets/schema';
import { createWorksheetStorage, emptyRecord, encode, type StoredRecord } from '../../src/worksheets/storage';
import { MemoryStorage, allKindsInput, blockedStorage, loadExample, loadWorksheet, worksheetFiles } from '../unit/worksheet-files';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Lets the store's batched re-render (a zero-delay timeout in useStore) reach the DOM. */
const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Matches an accessible name. happy-dom gives a <span> no computed display, so dom-accessibility-api
 * treats it as a block and adds a space before it ("1 , Risky" where a browser says "1, Risky").
 */
const nameIs = (expected: string) => (name: string) => name.replace(/\s+([,:])/g, '$1') === expected;

/** Renders the connected form for a worksheet, over storage holding `answers` (if any). */
function renderForm(id: string, answers?: Answers, earlier: EarlierAnswer[] = []) {
  const ws = loadWorksheet(id);
  const storage = new MemoryStorage();
  if (answers)
    storage.setItem(KEYS.worksheet(id), encode({ ...emptyRecord(ws), rev: 1, updated: '2026-11-21T09:30:00.000Z', answers, earlier }));
  const store = createWorksheetStore(
    ws,
    createWorksheetStorage(() => storage),
  );
  store.load();
  const view = render(<WorksheetForm ws={ws} store={store} />);
  return { ws, store, storage, view, stored: () => JSON.parse(storage.getItem(KEYS.worksheet(id))!) as StoredRecord };
}

/** The wrapper of one prompt's field. */
function promptBox(container: ParentNode, id: string): HTMLElement {
  const box = container.querySelector<HTMLElement>(`[data-prompt="${id}"]`);
  if (!box) throw new Error(`no field for prompt ${id}`);
  return box;
}

/** Asserts the prompt has a control a screen reader can name, by its kind. */
function expectLabelledControl(container: ParentNode, p: Prompt) {
  const box = within(promptBox(container, p.id));
  switch (p.kind) {
    case 'text':
    case 'longtext': {
      const control = box.getByLabelText(p.label, { exact: true });
      expect(control.tagName).toBe(p.kind === 'text' ? 'INPUT' : 'TEXTAREA');
      return;
    }
    case 'scale': {
      const group = within(box.getByRole('group', { name: p.label }));
      expect(group.getAllByRole('radio')).toHaveLength(p.max - p.min + 1);
      group.getByRole('radio', { name: nameIs(`${p.min}, ${p.minLabel}`) });
      group.getByRole('radio', { name: nameIs(`${p.max}, ${p.maxLabel}`) });
      return;
    }
    case 'choice':
    case 'checklist': {
      const group = within(box.getByRole('group', { name: p.label }));
      const role = p.kind === 'choice' ? 'radio' : 'checkbox';
      expect(group.getAllByRole(role)).toHaveLength(p.options.length);
      for (const o of p.options) group.getByRole(role, { name: o.label });
      return;
    }
    case 'table': {
      const group = within(box.getByRole('group', { name: p.label }));
      for (const c of p.columns) {
        const cell = group.getByLabelText(`${c.label}, ${cap(p.rowName)} 1`);
        expect(cell.tagName).toBe(c.kind === 'text' ? 'INPUT' : 'SELECT');
      }
      group.getByRole('button', { name: t.addRow(p.rowName) });
      return;
    }
    case 'ranked': {
      const group = within(box.getByRole('group', { name: p.label }));
      group.getByRole('textbox', { name: `${cap(p.itemName)} 1` });
      group.getByRole('button', { name: t.addRow(p.itemName) });
      return;
    }
  }
}

const ids = worksheetFiles().map((f) => f.replace(/\.yaml$/, ''));

describe('the static form, before JavaScript runs', () => {
  it.each(ids)('gives every prompt of %s a labelled control', (id) => {
    const ws = loadWorksheet(id);
    const { container } = render(<WorksheetForm ws={ws} />);
    for (const p of allPrompts(ws)) expectLabelledControl(container, p);
  });

  it('says that saving answers needs JavaScript', () => {
    render(<WorksheetForm ws={loadWorksheet('trust-inventory')} />);
    expect(screen.getByText(/Saving answers needs JavaScript/).textContent).toBe(t.jsNeeded);
  });

  it('gives every prompt kind a labelled control, in a worksheet with one of each', () => {
    const ws = parseWorksheet(allKindsInput(), 'all-kinds');
    const { container } = render(<WorksheetForm ws={ws} />);
    for (const p of allPrompts(ws)) expectLabelledControl(container, p);
  });

  it.each(ids)('uses each element id once, and every label and description of %s points at an element', (id) => {
    const { container } = render(<WorksheetForm ws={loadWorksheet(id)} />);
    const all = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(all.filter((x, i) => all.indexOf(x) !== i)).toEqual([]);
    for (const label of container.querySelectorAll('label[for]')) expect(all).toContain(label.getAttribute('for'));
    for (const el of container.querySelectorAll('[aria-describedby]'))
      for (const ref of el.getAttribute('aria-describedby')!.split(/\s+/)) expect(all).toContain(ref);
  });
});

describe('the connected form', () => {
  it('does not show the JavaScript warning', () => {
    renderForm('trust-inventory');
    expect(screen.queryByText(/Saving answers needs JavaScript/)).toBeNull();
  });

  it.each(ids)('uses each element id once in %s, with the print copy and charts, when fully answered', (id) => {
    const example = loadExample(`${id}.complete.json`);
    const { view } = renderForm(id, example.answers);
    const all = [...view.container.querySelectorAll('[id]')].map((e) => e.id);
    expect(all.filter((x, i) => all.indexOf(x) !== i)).toEqual([]);
  });

  it('shows stored answers in the fields', () => {
    const example = loadExample('trust-inventory.complete.json');
    renderForm('trust-inventory', example.answers);
    expect(screen.getByLabelText<HTMLInputElement>('One thing you will do this month to build trust').value).toBe(
      example.answers['commitment'],
    );
    const safe = within(screen.getByRole('group', { name: 'How safe is it to report bad news where you work?' }));
    expect(safe.getByRole<HTMLInputElement>('radio', { name: '2' }).checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Person or role, Relationship 3').value).toBe('District nurse supervisors');
    expect(screen.getByLabelText<HTMLSelectElement>('Trust today, Relationship 2').value).toBe('2');
  });

  it('updates the store as the user types into a text prompt', async () => {
    const { store } = renderForm('trust-inventory');
    const input = screen.getByLabelText<HTMLInputElement>('One thing you will do this month to build trust');
    fireEvent.input(input, { target: { value: 'Call the budget officer' } });
    expect(store.$answers.get()['commitment']).toBe('Call the budget officer');
    await settle();
    expect(screen.getByLabelText<HTMLInputElement>('One thing you will do this month to build trust').value).toBe(
      'Call the budget officer',
    );
  });

  it('updates the store from a long text prompt', () => {
    const { store } = renderForm('trust-inventory');
    fireEvent.input(screen.getByLabelText('What pattern do you see?'), { target: { value: 'Line one\nLine two' } });
    expect(store.$answers.get()['trust-pattern']).toBe('Line one\nLine two');
  });

  it('stores the number of the scale radio chosen, and clears it on request', async () => {
    const { store } = renderForm('trust-inventory');
    const group = () => within(screen.getByRole('group', { name: 'How safe is it to report bad news where you work?' }));
    fireEvent.click(group().getByRole('radio', { name: '4' }));
    expect(store.$answers.get()['bad-news-safe']).toBe(4);
    await settle();
    expect(group().getByRole<HTMLInputElement>('radio', { name: '4' }).checked).toBe(true);
    fireEvent.click(group().getByRole('button', { name: nameIs(`${t.clearChoice}: How safe is it to report bad news where you work?`) }));
    expect(store.$answers.get()).not.toHaveProperty('bad-news-safe');
  });

  it('stores the value of the option chosen, not its label', () => {
    const { store } = renderForm('trust-inventory');
    const group = within(screen.getByRole('group', { name: 'How does accountability mostly work around you now?' }));
    fireEvent.click(group.getByRole('radio', { name: 'A shared goal that people work on together' }));
    expect(store.$answers.get()['accountability-now']).toBe('shared');
  });

  it('stores checked boxes in the order the worksheet lists them, and unchecks', async () => {
    const { store } = renderForm('coalition-map');
    const group = () => within(screen.getByRole('group', { name: 'Which of these are true of your coalition today?' }));
    fireEvent.click(group().getByRole('checkbox', { name: 'No one trusted by all sides to convene' }));
    await settle();
    fireEvent.click(group().getByRole('checkbox', { name: 'Frontline staff are missing' }));
    await settle();
    expect(store.$answers.get()['coalition-gaps']).toEqual(['frontline-missing', 'no-broker']);
    expect(group().getByRole<HTMLInputElement>('checkbox', { name: 'Frontline staff are missing' }).checked).toBe(true);
    fireEvent.click(group().getByRole('checkbox', { name: 'No one trusted by all sides to convene' }));
    await settle();
    expect(store.$answers.get()['coalition-gaps']).toEqual(['frontline-missing']);
  });

  describe('a table', () => {
    const rows = (answers: Answers) => (answers['relationships'] as TableRow[]).map((r) => r.cells['person'] ?? null);

    it('stores a row once something is typed into it, with scale cells as numbers', async () => {
      const { store } = renderForm('trust-inventory');
      fireEvent.input(screen.getByLabelText('Person or role, Relationship 1'), { target: { value: 'Budget officer' } });
      await settle();
      fireEvent.change(screen.getByLabelText('Trust today, Relationship 1'), { target: { value: '2' } });
      await settle();
      const stored = store.$answers.get()['relationships'] as TableRow[];
      expect(stored[0]!.cells).toEqual({ person: 'Budget officer', 'trust-today': 2 });
      expect(stored[0]!.id).toMatch(/^[a-z0-9-]{1,40}$/i);
    });

    it('keeps focus in the cell being typed into when a row is first stored', async () => {
      renderForm('trust-inventory');
      const first = screen.getByLabelText<HTMLInputElement>('Person or role, Relationship 1');
      first.focus();
      fireEvent.input(first, { target: { value: 'B' } });
      await settle();
      expect(document.activeElement).toBe(screen.getByLabelText('Person or role, Relationship 1'));
      const second = screen.getByLabelText<HTMLInputElement>('Person or role, Relationship 2');
      second.focus();
      fireEvent.input(second, { target: { value: 'F' } });
      await settle();
      expect(document.activeElement).toBe(screen.getByLabelText('Person or role, Relationship 2'));
    });

    it('adds, moves and removes rows', async () => {
      const { store } = renderForm('trust-inventory', {
        relationships: [
          { id: 'r1', cells: { person: 'A' } },
          { id: 'r2', cells: { person: 'B' } },
        ],
      });
      fireEvent.click(screen.getByRole('button', { name: 'Add a relationship' }));
      await settle();
      fireEvent.input(screen.getByLabelText('Person or role, Relationship 3'), { target: { value: 'C' } });
      await settle();
      expect(rows(store.$answers.get())).toEqual(['A', 'B', 'C']);

      fireEvent.click(screen.getByRole('button', { name: 'Move “C” up' }));
      await settle();
      expect(rows(store.$answers.get())).toEqual(['A', 'C', 'B']);
      expect(screen.getByLabelText<HTMLInputElement>('Person or role, Relationship 2').value).toBe('C');

      fireEvent.click(screen.getByRole('button', { name: 'Move “A” down' }));
      await settle();
      expect(rows(store.$answers.get())).toEqual(['C', 'A', 'B']);

      fireEvent.click(screen.getByRole('button', { name: 'Remove “A”' }));
      await settle();
      expect(rows(store.$answers.get())).toEqual(['C', 'B']);
      expect(screen.queryByLabelText('Person or role, Relationship 3')).toBeNull();
    });

    it('disables moving the first row up and the last row down', () => {
      renderForm('trust-inventory', {
        relationships: [
          { id: 'r1', cells: { person: 'A' } },
          { id: 'r2', cells: { person: 'B' } },
        ],
      });
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move “A” up' }).disabled).toBe(true);
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move “B” down' }).disabled).toBe(true);
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move “A” down' }).disabled).toBe(false);
    });

    it('removes the answer when the last row is removed', async () => {
      const { store } = renderForm('trust-inventory', { relationships: [{ id: 'r1', cells: { person: 'A' } }] });
      fireEvent.click(screen.getByRole('button', { name: 'Remove “A”' }));
      await settle();
      expect(store.$answers.get()).not.toHaveProperty('relationships');
    });
  });

  describe('a ranked list', () => {
    const label = 'The first conversations to have';

    it('adds, reorders and removes items', async () => {
      const { store } = renderForm('coalition-map');
      const group = () => within(screen.getByRole('group', { name: label }));
      fireEvent.input(group().getByRole('textbox', { name: 'Conversation 1' }), { target: { value: 'Mayor' } });
      await settle();
      fireEvent.click(group().getByRole('button', { name: 'Add a conversation' }));
      await settle();
      fireEvent.input(group().getByRole('textbox', { name: 'Conversation 2' }), { target: { value: 'Union' } });
      await settle();
      expect(store.$answers.get()['first-conversations']).toEqual(['Mayor', 'Union']);

      fireEvent.click(group().getByRole('button', { name: 'Move “Union” up' }));
      await settle();
      expect(store.$answers.get()['first-conversations']).toEqual(['Union', 'Mayor']);
      expect(group().getByRole<HTMLInputElement>('textbox', { name: 'Conversation 1' }).value).toBe('Union');

      fireEvent.click(group().getByRole('button', { name: 'Move “Union” down' }));
      await settle();
      expect(store.$answers.get()['first-conversations']).toEqual(['Mayor', 'Union']);

      fireEvent.click(group().getByRole('button', { name: 'Remove “Mayor”' }));
      await settle();
      expect(store.$answers.get()['first-conversations']).toEqual(['Union']);
      expect(group().queryByRole('textbox', { name: 'Conversation 2' })).toBeNull();
    });

    it('offers no more items than the worksheet allows, and says so', () => {
      renderForm('coalition-map', { 'first-conversations': ['A', 'B', 'C'] });
      const group = within(screen.getByRole('group', { name: label }));
      expect(group.getAllByRole('textbox')).toHaveLength(3);
      expect(group.queryByRole('button', { name: 'Add a conversation' })).toBeNull();
      group.getByText('You can list up to 3 conversations.');
    });
  });

  it('updates the progress text as questions are answered and cleared', async () => {
    renderForm('trust-inventory');
    const total = allPrompts(loadWorksheet('trust-inventory')).length;
    screen.getByText(`0 of ${total} questions answered`);
    fireEvent.input(screen.getByLabelText('One thing you will do this month to build trust'), { target: { value: 'Call' } });
    await settle();
    screen.getByText(`1 of ${total} questions answered`);
    fireEvent.click(
      within(screen.getByRole('group', { name: 'How safe is it to report bad news where you work?' })).getByRole('radio', { name: '3' }),
    );
    await settle();
    screen.getByText(`2 of ${total} questions answered`);
    fireEvent.input(screen.getByLabelText('One thing you will do this month to build trust'), { target: { value: '' } });
    await settle();
    screen.getByText(`1 of ${total} questions answered`);
  });

  it('shows every question answered for a complete example', () => {
    const example = loadExample('coalition-map.complete.json');
    renderForm('coalition-map', example.answers);
    const total = allPrompts(loadWorksheet('coalition-map')).length;
    screen.getByText(`${total} of ${total} questions answered`);
  });

  describe('clearing the worksheet', () => {
    const answers = { commitment: 'Call the budget officer', 'bad-news-safe': 4 };
    // The steps are also said in the form's live region: look at what the Clear area shows.
    const clearArea = () => within(document.querySelector<HTMLElement>('.ws-clear')!);

    it('asks to confirm, and changes nothing on cancel', async () => {
      const { store } = renderForm('trust-inventory', answers);
      fireEvent.click(screen.getByRole('button', { name: t.clear }));
      await settle();
      clearArea().getByText(t.clearConfirm);
      expect(store.$answers.get()).toEqual(answers);
      fireEvent.click(screen.getByRole('button', { name: t.cancel }));
      await settle();
      expect(clearArea().queryByText(t.clearConfirm)).toBeNull();
      expect(store.$answers.get()).toEqual(answers);
    });

    it('clears once confirmed, then Undo restores the answers and saves them', async () => {
      const { store, stored } = renderForm('trust-inventory', answers);
      fireEvent.click(screen.getByRole('button', { name: t.clear }));
      await settle();
      fireEvent.click(screen.getByRole('button', { name: t.clearYes }));
      await settle();
      expect(store.$answers.get()).toEqual({});
      expect(stored().answers).toEqual({});
      clearArea().getByText(t.cleared);
      expect(screen.getByLabelText<HTMLInputElement>('One thing you will do this month to build trust').value).toBe('');

      fireEvent.click(screen.getByRole('button', { name: t.undo }));
      await settle();
      expect(store.$answers.get()).toEqual(answers);
      expect(stored().answers).toEqual(answers);
      clearArea().getByText(t.restored);
      expect(screen.getByLabelText<HTMLInputElement>('One thing you will do this month to build trust').value).toBe(
        'Call the budget officer',
      );
    });
  });

  it('lists the radar values in its text alternative table', () => {
    const example = loadExample('muscles-check.complete.json');
    const { ws } = renderForm('muscles-check', example.answers);
    const chart = ws.charts[0]!;
    const table = within(screen.getByRole('table', { name: `${chart.title}: the values drawn` }));
    within(table.getByRole('row', { name: /^Trust/ })).getByRole('cell', { name: '3 of 5' });
    within(table.getByRole('row', { name: /^Trust/ })).getByRole('cell', { name: '5 of 5' });
    const reflection = within(table.getByRole('row', { name: /^Reflection/ }));
    expect(reflection.getAllByRole('cell').map((c) => c.textContent)).toEqual(['1 of 5', '3 of 5']);
    expect(table.getAllByRole('row')).toHaveLength(1 + 7);
  });

  it('shows a dash for a radar value not answered yet, and fills it in as the user rates', async () => {
    const { ws } = renderForm('muscles-check');
    const name = `${ws.charts[0]!.title}: the values drawn`;
    const row = () => within(within(screen.getByRole('table', { name })).getByRole('row', { name: /^Trust/ }));
    expect(
      row()
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['–', '–']);
    const group = within(screen.getByRole('group', { name: 'Trust is the currency of change: how strong is this in your work today?' }));
    fireEvent.click(group.getByRole('radio', { name: '2' }));
    await settle();
    expect(
      row()
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2 of 5', '–']);
  });

  it('describes each actor of the map in its text alternative', () => {
    const example = loadExample('coalition-map.complete.json');
    const { view } = renderForm('coalition-map', example.answers);
    const text = view.container.querySelector('.ws-form__screen .chart__text')!;
    expect(text.textContent).toContain('Chief inspector: influence 5 of 5, support 2 of 5');
  });

  it('offers both versions when another tab changed the same answer', async () => {
    const { store, storage } = renderForm('trust-inventory');
    fireEvent.input(screen.getByLabelText('One thing you will do this month to build trust'), { target: { value: 'Mine' } });
    const other = createWorksheetStore(
      loadWorksheet('trust-inventory'),
      createWorksheetStorage(() => storage),
    );
    other.load();
    other.setAnswer('commitment', 'Theirs');
    other.flush();
    act(() => store.onExternal(storage.getItem(KEYS.worksheet('trust-inventory'))));
    await settle();
    const alert = within(screen.getByRole('alert'));
    alert.getByText('Theirs');
    fireEvent.click(alert.getByRole('button', { name: t.useTheirs }));
    await settle();
    expect(store.$answers.get()['commitment']).toBe('Theirs');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('One thing you will do this month to build trust').value).toBe('Theirs');
  });

  it('warns when storage is unavailable, and the fields still work', async () => {
    const ws = loadWorksheet('trust-inventory');
    const store = createWorksheetStore(ws, createWorksheetStorage(blockedStorage));
    store.load();
    render(<WorksheetForm ws={ws} store={store} />);
    expect(screen.getByRole('alert').textContent).toBe(t.unavailable);
    fireEvent.input(screen.getByLabelText('One thing you will do this month to build trust'), { target: { value: 'Still typed' } });
    await settle();
    expect(store.$answers.get()['commitment']).toBe('Still typed');
  });

  it('shows answers to earlier questions until the user removes them', async () => {
    const { store } = renderForm('trust-inventory', { commitment: 'x' }, [{ id: 'old-question', text: 'An answer kept from before' }]);
    const section = within(screen.getByRole('region', { name: t.earlierTitle }));
    section.getByText('An answer kept from before');
    fireEvent.click(section.getByRole('button', { name: t.earlierDismiss }));
    await settle();
    expect(store.$earlier.get()).toEqual([]);
    expect(screen.queryByRole('region', { name: t.earlierTitle })).toBeNull();
  });

  it('flushes a pending edit on pagehide, once connected to the window', () => {
    const ws = loadWorksheet('trust-inventory');
    const storage = new MemoryStorage();
    const store = createWorksheetStore(
      ws,
      createWorksheetStorage(() => storage),
    );
    const disconnect = store.connect(window);
    try {
      render(<WorksheetForm ws={ws} store={store} />);
      fireEvent.input(screen.getByLabelText('One thing you will do this month to build trust'), { target: { value: 'Leaving now' } });
      expect(storage.getItem(KEYS.worksheet('trust-inventory'))).toBeNull();
      window.dispatchEvent(new Event('pagehide'));
      expect((JSON.parse(storage.getItem(KEYS.worksheet('trust-inventory'))!) as StoredRecord).answers).toEqual({
        commitment: 'Leaving now',
      });
    } finally {
      disconnect();
    }
  });
});

describe('AnswersView', () => {
  const hostile = ['<img src=x onerror=alert(1)>', '</textarea><script>alert(1)</script>', '<b>bold</b> & "quotes" \'single\''];

  const hostileAnswers: Answers = {
    name: hostile[0]!,
    story: hostile[1]!,
    mood: 'cross',
    actors: [{ id: 'r1', cells: { who: hostile[0]!, power: 3, support: 4 } }],
    next: [hostile[1]!, hostile[2]!],
  };

  it('renders hostile strings as text, creating no elements from them', () => {
    const ws = parseWorksheet(allKindsInput(), 'all-kinds');
    const { container } = render(<AnswersView ws={ws} answers={hostileAnswers} earlier={[{ id: 'old', text: hostile[1]! }]} />);
    expect(container.querySelector('img, script, b, textarea')).toBeNull();
    for (const s of hostile) expect(container.textContent).toContain(s);
  });

  it('renders the hostile strings in the partial muscles-check example as text', () => {
    const example = loadExample('muscles-check.partial.json');
    const { container } = render(<AnswersView ws={loadWorksheet('muscles-check')} answers={example.answers} />);
    expect(container.querySelector('img, script, b, textarea')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.textContent).toContain('</textarea><script>alert(1)</script>');
  });

  it('keeps hostile strings as field values in the connected form', () => {
    const { view } = renderForm('trust-inventory', { commitment: hostile[0]!, gotcha: hostile[1]! });
    expect(view.container.querySelector('img, script')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('One thing you will do this month to build trust').value).toBe(hostile[0]);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Where does accountability feel like a "gotcha" today?').value).toBe(hostile[1]);
  });

  it('shows option labels, scale ends and "No answer yet." for what is missing', () => {
    const ws = parseWorksheet(allKindsInput(), 'all-kinds');
    const { container } = render(<AnswersView ws={ws} answers={{ mood: 'cross', tools: ['pen', 'wall'], now: 4 }} />);
    const text = container.textContent ?? '';
    expect(text).toContain('Cross');
    expect(text).toContain('A pen');
    expect(text).toContain('A wall');
    expect(text).toContain('4 on a scale from 1 (Weak) to 5 (Strong)');
    expect(container.querySelectorAll('.ws-answer--empty').length).toBe(allPrompts(ws).length - 3);
  });
});

describe('made live in place (as islands/mount.tsx does)', () => {
  /** The server's form for the complete muscles-check example, and a store over storage holding its answers. */
  function serverForm(id = 'muscles-check', stored = true) {
    const ws = loadWorksheet(id);
    const answers = stored ? loadExample(`${id}.complete.json`).answers : {};
    const storage = new MemoryStorage();
    if (stored)
      storage.setItem(KEYS.worksheet(ws.id), encode({ ...emptyRecord(ws), rev: 1, updated: '2026-11-21T09:30:00.000Z', answers }));
    const store = createWorksheetStore(
      ws,
      createWorksheetStorage(() => storage),
    );
    store.load();
    const { container } = render(<WorksheetForm ws={ws} />);
    const form = container.querySelector<HTMLElement>('.ws-form')!;
    // The steps' tasks, run by hand: `next()` runs the one queued.
    const queue: (() => void)[] = [];
    const schedule = (run: () => void) => {
      queue.push(run);
      return () => void queue.splice(queue.indexOf(run), 1);
    };
    const next = async () => {
      expect(queue.length, 'one task queued at a time').toBe(1);
      await act(() => queue.shift()!());
    };
    // The browser's IntersectionObserver, played by hand: `near(el)` says `el` came near the screen.
    const watched = new Map<Element, (entries: { isIntersecting: boolean; target: Element }[]) => void>();
    class HandIO {
      constructor(private readonly report: (entries: { isIntersecting: boolean; target: Element }[]) => void) {}
      observe(el: Element) {
        watched.set(el, this.report);
      }
      disconnect() {
        for (const [el, report] of watched) if (report === this.report) watched.delete(el);
      }
    }
    vi.stubGlobal('IntersectionObserver', HandIO);
    const near = (name: string) => {
      const el = form.querySelector(`[data-ws-part="${name}"]`)!;
      const report = watched.get(el);
      if (!report) throw new Error(`${name} is not waiting to come near`);
      report([{ isIntersecting: true, target: el }]);
    };
    return { ws, answers, store, storage, container, form, schedule, next, queue, near, watched };
  }

  /** How many prompts show their stored answer (a scale's checked radio, a text's value). */
  function shown(container: ParentNode, ws: Worksheet, answers: Answers): string[] {
    return allPrompts(ws)
      .filter((p) => {
        const box = promptBox(container, p.id);
        const v = answers[p.id];
        if (p.kind === 'scale') return box.querySelector<HTMLInputElement>(`input[value="${String(v)}"]`)?.checked === true;
        const field = box.querySelector<HTMLInputElement | HTMLTextAreaElement>('textarea, input[type="text"]');
        return Array.isArray(v) ? field?.value === v[0] : field?.value === v;
      })
      .map((p) => p.id);
  }

  it('draws the top, then hydrates and switches on the server’s prompts one a task, in order, then the rest; ready once', async () => {
    const { ws, answers, store, container, form, schedule, next, queue, near, watched } = serverForm();
    const warning = form.querySelector('[data-warning="no-js"]')!;
    // All but what is in the holders of the parts the server leaves empty (the top's notice).
    const holders = [...form.querySelectorAll('[data-ws-part]:not([data-ws-part="print"])')];
    const kept = [...form.querySelectorAll('*')].filter((el) => !holders.some((h) => h.contains(el)));
    // A prompt's field is off by its own fieldset, or by its one control.
    const off = (el: Element) => el.querySelector(':scope > fieldset[disabled], :scope > .ws-field > [disabled]') !== null;
    const on = () => [...form.querySelectorAll('.ws-prompt')].filter((el) => !off(el)).map((el) => el.getAttribute('data-prompt'));
    let ready = 0;
    makeLive(form, formParts(ws, store), { stepMs: 0, onReady: () => ready++, schedule });
    expect(warning.isConnected, 'nothing happens in the task that called it').toBe(true);
    await next();
    expect(warning.isConnected, 'the top first').toBe(false);
    expect(form.querySelector('[data-announcer]')).not.toBeNull();
    expect(form.querySelector('.ws-status'), 'the status bar in a task of its own').toBeNull();
    await next();
    expect(form.querySelector('.ws-status')).not.toBeNull();
    expect(shown(container, ws, answers)).toEqual([]);
    const order: string[][] = [];
    const switchedOn: (string | null)[][] = [];
    expect(on(), 'every prompt is off until it is live').toEqual([]);
    while (form.getAttribute('data-ready') !== 'true') {
      await next();
      order.push(shown(container, ws, answers));
      switchedOn.push(on());
      if (order.length > 60) throw new Error('never ready');
    }
    const ids = allPrompts(ws).map((p) => p.id);
    // With no time to spare, one prompt a task, in the definition's order; then the charts, the rounds and the buttons.
    expect(order.slice(0, ids.length)).toEqual(ids.map((_, i) => ids.slice(0, i + 1)));
    expect(switchedOn.slice(0, ids.length), 'each prompt is switched on as it becomes live').toEqual(
      ids.map((_, i) => ids.slice(0, i + 1)),
    );
    expect(order.length, 'then the charts and the rounds wait to be near, the buttons, and it is ready').toBe(ids.length + 4);
    expect(form.classList.contains('ws-form--static')).toBe(false);
    expect(form.querySelector('.ws-actions')).not.toBeNull();
    expect(form.querySelector('figure.chart'), 'the charts wait until they come near the screen').toBeNull();
    expect(form.querySelector('[data-rounds-panel]'), 'so do the rounds').toBeNull();
    expect([...watched.keys()].map((el) => el.getAttribute('data-ws-part'))).toEqual(['charts', 'rounds']);
    expect(
      kept.filter((el) => !el.isConnected).map((el) => el.outerHTML.slice(0, 60)),
      'every element of the server’s form is still in place, but the Add button of a list the answers fill',
    ).toEqual([expect.stringContaining('data-action="add"')]);
    expect(ready).toBe(1);
    expect(form.querySelector('.ws-print-copy')!.childElementCount, 'the print copy waits for printing').toBe(0);
    await next();
    expect(queue, 'nothing left to do').toEqual([]);
    expect(ready, 'called once').toBe(1);
    // Each near part is drawn in a task of its own once it comes near, and is watched no more.
    near('rounds');
    expect(form.querySelector('[data-rounds-panel]'), 'not in the observer’s own callback').toBeNull();
    await next();
    expect(form.querySelector('[data-rounds-panel]')).not.toBeNull();
    near('charts');
    await next();
    expect(form.querySelector('figure.chart')).not.toBeNull();
    expect(watched.size).toBe(0);
    expect(queue).toEqual([]);
    expect(
      kept.filter((el) => !el.isConnected).map((el) => el.outerHTML.slice(0, 60)),
      'and the server’s elements are still in place',
    ).toEqual([expect.stringContaining('data-action="add"')]);
    // And the live form saves what is typed.
    const field = promptBox(container, 'trust-evidence').querySelector('textarea')!;
    fireEvent.input(field, { target: { value: 'Typed once live' } });
    expect(store.$answers.get()['trust-evidence']).toBe('Typed once live');
  });

  it('draws many prompts a task when there is time', async () => {
    const { ws, answers, store, container, form, schedule, next } = serverForm();
    makeLive(form, formParts(ws, store), { stepMs: 10_000, schedule });
    await next(); // the top
    await next(); // the status bar
    await next(); // every prompt
    expect(shown(container, ws, answers)).toEqual(allPrompts(ws).map((p) => p.id));
    expect(form.getAttribute('data-ready')).toBe('false');
  });

  it('gives the rows of a table the keys the browser made, so a moved row keeps focus', async () => {
    // The server and the browser make different keys for the rows a table offers empty: drawn over the
    // server's copy with hydration alone, the rows would keep the server's `data-key`, and focus would be lost.
    const { ws, store, form, schedule, next, queue } = serverForm('coalition-map', false);
    makeLive(form, formParts(ws, store), { stepMs: 10_000, schedule });
    while (queue.length) await next();
    const box = promptBox(form, 'actors');
    const first = box.querySelector<HTMLElement>('tbody tr[data-key]')!;
    const down = first.querySelector<HTMLButtonElement>('[data-action="down"]')!;
    down.focus();
    fireEvent.click(down);
    await settle();
    expect(box.querySelectorAll('tbody tr[data-key]')[1], 'the row moved down one place').toBe(first);
    expect(document.activeElement, 'and its Down button still has focus').toBe(down);
  });

  it('stops when asked', async () => {
    const { ws, store, form, schedule, next, queue } = serverForm();
    const stop = makeLive(form, formParts(ws, store), { stepMs: 0, schedule });
    await next(); // the top
    await next(); // the status bar
    await next(); // the first prompt
    stop();
    expect(queue).toEqual([]);
    expect(form.getAttribute('data-ready')).toBe('false');
    const off = [...form.querySelectorAll('.ws-prompt')].filter((el) =>
      el.querySelector(':scope > fieldset[disabled], :scope > .ws-field > [disabled]'),
    );
    expect(off.length, 'the prompts not reached stay off').toBe(allPrompts(ws).length - 1);
  });

  it('stops waiting for the charts and rounds to come near when asked', async () => {
    const { ws, store, form, schedule, next, queue, watched } = serverForm();
    const stop = makeLive(form, formParts(ws, store), { stepMs: 10_000, schedule });
    while (form.getAttribute('data-ready') !== 'true') await next();
    expect(watched.size).toBe(2);
    stop();
    expect(watched.size, 'no part is watched any more').toBe(0);
    expect(queue).toEqual([]);
  });

  it('draws the charts and rounds at once where the browser cannot tell what is near', async () => {
    const { ws, store, form, schedule, next, queue } = serverForm();
    vi.stubGlobal('IntersectionObserver', undefined);
    makeLive(form, formParts(ws, store), { stepMs: 10_000, schedule });
    while (queue.length) await next();
    expect(form.querySelector('figure.chart')).not.toBeNull();
    expect(form.querySelector('[data-rounds-panel]')).not.toBeNull();
  });
});
