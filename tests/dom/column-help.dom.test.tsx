/** Hints written for table columns reach the reader, on screen and on the printed page. */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { WorksheetForm } from '../../src/islands/WorksheetForm';
import { loadWorksheet, worksheetFiles } from '../unit/worksheet-files';

afterEach(cleanup);

const withColumnHelp = worksheetFiles()
  .map((file) => loadWorksheet(file.replace(/\.yaml$/, '')))
  .flatMap((ws) =>
    ws.sections
      .flatMap((s) => s.prompts)
      .flatMap((p) => (p.kind === 'table' ? p.columns.filter((c) => c.help).map((c) => [ws.id, c.help!] as const) : [])),
  );

it('has worksheets whose table columns carry hints', () => {
  expect(withColumnHelp.length).toBeGreaterThan(0);
});

it.each(withColumnHelp)('shows the column hint of %s: %s', (id, help) => {
  render(<WorksheetForm ws={loadWorksheet(id)} />);
  expect(screen.getAllByText(help).length).toBeGreaterThan(0);
});
