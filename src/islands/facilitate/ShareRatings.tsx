/**
 * "Share my ratings" on the muscles check and the gaps scan: a short code holding the ratings only
 * (src/facilitate/codes.ts), to read out or paste into a chat, and a file with the same code.
 *
 * It reads the ratings from the worksheet's stored record (the form saves as you type), so it does not
 * depend on the form's code. It reads again shortly after any change on the page, so the code follows
 * the ratings; the random tag stays the same while the page is open.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { KEYS } from '../../lib/storage-keys';
import { countRated, encodeRatings, ratingsFile, type Scheme } from '../../facilitate/codes';
import { f } from '../../facilitate/strings';

/** The answers in a worksheet's stored record; empty when there is none or it cannot be read. */
export function storedAnswers(worksheet: string, storage: () => Storage = () => window.localStorage): Record<string, unknown> {
  try {
    // The current key, or the first scheme's key where an older copy of the guide saved last.
    const raw = storage().getItem(KEYS.worksheet(worksheet)) ?? storage().getItem(KEYS.legacyWorksheet(worksheet));
    if (!raw) return {};
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return {};
    const answers = (data as Record<string, unknown>)['answers'];
    return typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The time the form takes to save after typing stops (stores/worksheet.ts SAVE_DELAY_MS), plus a margin. */
const AFTER_SAVE_MS = 700;

/** `initiallyOpen`: drawn after the reader clicked the page's own "Share my ratings" button (src/client/facilitator-loader.ts). */
/** `label` names the panel as a landmark (`f.shareOf(title)`), unique where several worksheets share a page. */
export function ShareRatings({
  scheme,
  initiallyOpen = false,
  label = f.share,
}: {
  scheme: Scheme;
  initiallyOpen?: boolean;
  label?: string | undefined;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const [answers, setAnswers] = useState<Record<string, unknown>>(() => (initiallyOpen ? storedAnswers(scheme.worksheet) : {}));
  const [copyState, setCopyState] = useState('');
  // One random tag per page: the code changes only when the ratings do.
  const seed = useRef([Math.random(), Math.random()]);
  const rated = countRated(scheme, answers);
  const total = scheme.prompts.flat().length;
  let draws = 0;
  const code = rated ? encodeRatings(scheme, answers, () => seed.current[draws++ % 2]!) : '';

  useEffect(() => {
    if (!open) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reread = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setAnswers(storedAnswers(scheme.worksheet)), AFTER_SAVE_MS);
    };
    document.addEventListener('change', reread);
    window.addEventListener('storage', reread);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('change', reread);
      window.removeEventListener('storage', reread);
    };
  }, [open]);

  const download = () => {
    const url = URL.createObjectURL(new Blob([ratingsFile(code)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${scheme.worksheet}-ratings.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section class="fac-panel fac-share" aria-label={label} data-share>
      <h2 id={`fac-share-title-${scheme.worksheet}`}>{f.share}</h2>
      <p>{f.shareIntro}</p>
      {!open ? (
        <button
          type="button"
          class="button button--primary"
          onClick={() => {
            setAnswers(storedAnswers(scheme.worksheet));
            setOpen(true);
          }}
          data-share-open
        >
          {f.share}
        </button>
      ) : rated === 0 ? (
        <p role="status" data-share-empty>
          {f.noRatings}
        </p>
      ) : (
        <div role="status">
          <p>
            {f.yourCode}:{' '}
            <output class="fac-share__code" data-share-code>
              {code}
            </output>
          </p>
          <p>{f.sharedCount(rated, total)}</p>
        </div>
      )}
      {open && rated > 0 && (
        <p>
          <button
            type="button"
            class="button"
            onClick={() => {
              if (!navigator.clipboard) {
                setCopyState(f.copyFailed);
                return;
              }
              navigator.clipboard.writeText(code).then(
                () => setCopyState(f.copied),
                () => setCopyState(f.copyFailed),
              );
            }}
          >
            {f.copy}
          </button>{' '}
          <button type="button" class="button" onClick={download} data-share-download>
            {f.download}
          </button>{' '}
          <span role="status">{copyState}</span>
        </p>
      )}
    </section>
  );
}
