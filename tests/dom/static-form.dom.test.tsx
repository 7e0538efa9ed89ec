/** Before the form is mounted (or without JavaScript) its fields are switched off, so nothing typed is lost. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { WorksheetForm } from '../../src/islands/WorksheetForm';
import { loadWorksheet, worksheetFiles } from '../unit/worksheet-files';

afterEach(cleanup);

it.each(worksheetFiles().map((f) => f.replace(/\.yaml$/, '')))('renders every field of %s switched off', (id) => {
  const { container } = render(<WorksheetForm ws={loadWorksheet(id)} />);
  const controls = [...container.querySelectorAll<HTMLInputElement>('input, textarea, select, button')];
  expect(controls.length).toBeGreaterThan(0);
  // Off itself (a text field), or inside its prompt's disabled fieldset (a group of controls).
  expect(controls.filter((c) => !c.disabled && !c.closest('fieldset[disabled]'))).toEqual([]);
});
