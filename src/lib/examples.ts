/**
 * The complete example answers of each worksheet (`worksheets/examples/<id>.complete.json`), read at
 * build time for the worked-example pages. Each is checked against its worksheet: an answer that no
 * longer fits fails the build rather than vanishing from the page.
 */
import type { Answers } from '../worksheets/answers';
import { cleanAnswers } from '../worksheets/answers';
import type { Worksheet } from '../worksheets/schema';

const files = import.meta.glob<{ worksheet: string; answers: unknown }>('../../worksheets/examples/*.complete.json', {
  eager: true,
  import: 'default',
});

/** The worked example's answers for a worksheet; throws, naming the file, when it is missing or does not fit. */
export function completeExample(ws: Worksheet): Answers {
  const file = `worksheets/examples/${ws.id}.complete.json`;
  const data = files[`../../${file}`];
  if (!data) throw new Error(`${file} is missing: every worksheet needs a complete example for its worked-example page`);
  if (data.worksheet !== ws.id) throw new Error(`${file} names worksheet "${data.worksheet}", not "${ws.id}"`);
  const { answers, rejected } = cleanAnswers(ws, data.answers);
  const bad = Object.keys(rejected);
  if (bad.length) throw new Error(`${file}: these answers do not fit the worksheet: ${bad.join(', ')}`);
  return answers;
}
