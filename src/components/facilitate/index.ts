/** Components session plans (content/facilitate/sessions/*.mdx) use by name; each reads its plan from the page address. */
import SessionFacts from './SessionFacts.astro';
import OpeningQuestion from './OpeningQuestion.astro';
import Materials from './Materials.astro';
import PrintList from './PrintList.astro';
import RunSheetTable from './RunSheetTable.astro';

export const sessionComponents = { SessionFacts, OpeningQuestion, Materials, PrintList, RunSheet: RunSheetTable };
