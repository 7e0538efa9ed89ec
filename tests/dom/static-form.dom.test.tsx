/** Before the form is mounted (or without JavaScript) its fields are switched off, so nothing typed is lost. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { WorksheetForm } from '../../src/islands/WorksheetForm';
import { loadWorksheet, worksheetFiles } from '../unit/worksheet-files';

afterEach(cleanup);

it.each(worksheetFiles().map((f) => f.replace(/\.yaml$/, '')))('renders every field of %s inside a disabled fieldset', (id) => {
  const { container } = render(<WorksheetForm ws={loadWorksheet(id)} />);
  const controls = [...container.querySelectorAll('input, textarea, select, button')];
  expect(controls.length).toBeGreaterThan(0);
  expect(controls.filter((c) => !c.closest('fieldset[disabled]'))).toEqual([]);
});
