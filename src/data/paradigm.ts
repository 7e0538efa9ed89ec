/**
 * The canonical paradigm table: New Public Management (NPM) beside the systemic, person-based paradigm,
 * one row per principle.
 *
 * The essay on mission-driven reform (source `mission-reform`) says that a table shows the design and
 * operating principles of the two paradigms, but the table is not in its text. These rows are therefore
 * assembled by the guide from the essay's prose: its account of NPM at policy and organisation level, its
 * critique of reductionism, and its descriptions of the four levels. Each cell keeps to what the essay says;
 * `from` names the passages a row rests on.
 *
 * One list, used everywhere: the tables on /levels/ and /levels/paradigm/ (`<ParadigmTable>`), and the
 * principle column of the paradigm-audit worksheet, which `src/worksheets/generated.ts` fills in from here
 * at build time. Ids are stored in readers' answers: never rename one; add a row instead.
 */
export interface ParadigmPrinciple {
  /** Stable id, stored as the answer to the worksheet's principle column. */
  id: string;
  /** A short name for the principle, as a row heading and a choice in the worksheet. */
  name: string;
  /** What New Public Management does, in the essay's terms. */
  npm: string;
  /** What the systemic, person-based paradigm does instead, in the essay's terms. */
  systemic: string;
  /** The parts of the essay the row is assembled from. */
  from: string;
}

export const PARADIGM_PRINCIPLES: readonly ParadigmPrinciple[] = [
  {
    id: 'model',
    name: 'The model behind the design',
    npm: 'Private-sector business and management models; a logical, transactional, machine-like model of separate services',
    systemic: 'A model based on people: how they live and behave, and what helps them live a good life',
    from: 'The evidence; Paradigm',
  },
  {
    id: 'people',
    name: 'How people are seen',
    npm: 'Citizens as customers who receive services; communities as places to fix',
    systemic: 'Power with people rather than power over them; communities as places that can create healing and support',
    from: 'The evidence; People and communities',
  },
  {
    id: 'value',
    name: 'What counts as value',
    npm: 'Efficiency, value for money and good service delivery, on the assumption that value can be counted',
    systemic: "Value as a contribution to people's wellbeing",
    from: 'The evidence; reductionism; The systemic reform framework',
  },
  {
    id: 'design',
    name: 'Where design starts',
    npm: 'End-to-end processes split into separate services and departments; the service adjusts itself to customer need',
    systemic: 'Look at the whole first and work back into the detail, making sense of what happens from the human perspective',
    from: 'Reductionism; The systemic reform framework',
  },
  {
    id: 'control',
    name: 'Control',
    npm: 'Delivery decentralised, while money is controlled and performance monitored from the centre; control through legislation and top-down design',
    systemic: 'Control as close as possible to where the work happens; a hierarchy that exists to support, not dictate',
    from: 'The evidence; Organisation; the closing paragraph',
  },
  {
    id: 'measures',
    name: 'Measures and performance',
    npm: 'Targets for each part, activity and compliance with rules measured, actions documented; audits, benchmarks and performance evaluations',
    systemic:
      'An organisation designed by learning and strength-based working, checking that the right things are achieved by the right methods',
    from: 'The evidence; Organisation; the four levels',
  },
  {
    id: 'provision',
    name: 'Who provides',
    npm: 'Competition through private-sector commissioning of what used to be public services',
    systemic: 'Local collaborative teams, and different experts working together for a common purpose',
    from: 'The evidence; Paradigm; the four levels',
  },
  {
    id: 'roles',
    name: 'Roles and work',
    npm: 'Fixed job roles and standardised work, designed to fit standard expert processes',
    systemic:
      'Work shaped flexibly around what matters to people, helping them to help themselves; teams take responsibility and ownership',
    from: 'The evidence; reductionism; Organisation',
  },
  {
    id: 'structure',
    name: 'How services are organised',
    npm: 'Separate specialist departments, each with its own targets',
    systemic: 'Responsive, cross-functional local teams that work directly with people',
    from: 'The evidence; Organisation; People and communities',
  },
  {
    id: 'managers',
    name: 'What managers do',
    npm: 'Managers manage the numbers',
    systemic: 'Managers make sure teams can do what they need to respond to real, complex issues',
    from: 'Reductionism; Organisation',
  },
  {
    id: 'prevention',
    name: 'Prevention and the long term',
    npm: 'Short-term activity and lower visible costs; prevention cut back, so demand and costs rise elsewhere',
    systemic: "Prevention, and meeting people's real, complex needs, as the main way the public sector achieves its purpose",
    from: 'The evidence; reductionism; The systemic reform framework',
  },
  {
    id: 'contact',
    name: 'Contact with people',
    npm: 'Risk kept to a minimum; digital technology as the main channel of communication',
    systemic: 'A close, balanced relationship, engaging authentically with people to uncover their real needs',
    from: 'The evidence; the four levels',
  },
];

export const PARADIGM_PRINCIPLE_IDS: readonly string[] = PARADIGM_PRINCIPLES.map((p) => p.id);
