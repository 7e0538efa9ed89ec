import { it } from 'vitest';
import { exampleFiles, loadExample, loadWorksheet, worksheetFiles } from './worksheet-files';
import { allPrompts } from '../../src/worksheets/schema';
import { cleanAnswers } from '../../src/worksheets/answers';
it('x', () => {
  for (const f of worksheetFiles()) {
    try {
      const ws = loadWorksheet(f.replace('.yaml', ''));
      const labels = allPrompts(ws).map((p) => p.label);
      const dup = labels.filter((l, i) => labels.indexOf(l) !== i);
      console.log(f, allPrompts(ws).length, 'dups', dup, ws.charts.map((c) => c.kind));
    } catch (e) { console.log('FAIL', f, String(e)); }
  }
  for (const f of exampleFiles()) {
    const ex = loadExample(f);
    try {
      const ws = loadWorksheet(ex.worksheet);
      const { answers, rejected } = cleanAnswers(ws, ex.answers);
      const same = JSON.stringify(answers) === JSON.stringify(ex.answers);
      const missing = allPrompts(ws).filter((p) => !(p.id in ex.answers)).map((p) => p.id);
      console.log(f, 'rejected', Object.keys(rejected), 'same', same, 'missing', f.includes('complete') ? missing : missing.length);
    } catch (e) { console.log('FAIL', f, String(e)); }
  }
});
