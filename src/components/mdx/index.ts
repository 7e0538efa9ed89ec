/** The components MDX pages may use by name, without an import. */
import Shifts from './Shifts.astro';
import Shift from './Shift.astro';
import Questions from './Questions.astro';
import Callout from './Callout.astro';
import Cite from './Cite.astro';
import WorksheetCard from './WorksheetCard.astro';
import TryThis from './TryThis.astro';
import GapLinks from './GapLinks.astro';
import LevelMuscles from './LevelMuscles.astro';
import GapMuscleTable from './GapMuscleTable.astro';
import GlossaryList from './GlossaryList.astro';
import SourceList from './SourceList.astro';
import Illustration from './Illustration.astro';
import SourcesDisagree from './SourcesDisagree.astro';
import Beyond from './Beyond.astro';
import BeyondList from './BeyondList.astro';
import ParadigmTable from './ParadigmTable.astro';
import GuideVersion from './GuideVersion.astro';
import SessionList from '../facilitate/SessionList.astro';

export const mdxComponents = {
  Shifts,
  Shift,
  Questions,
  Callout,
  Cite,
  WorksheetCard,
  TryThis,
  GapLinks,
  LevelMuscles,
  GapMuscleTable,
  GlossaryList,
  SourceList,
  Illustration,
  SourcesDisagree,
  Beyond,
  BeyondList,
  ParadigmTable,
  GuideVersion,
  SessionList,
};
