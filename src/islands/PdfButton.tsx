/**
 * A "Download PDF" button with its own polite status (preparing, ready with the file's name, failed). The
 * worksheet form and the workbook both use it; `make` builds the documents and saves the file.
 */
import { useState } from 'preact/hooks';
import { t } from '../lib/strings';

export interface PdfButtonProps {
  label: string;
  /** Visually hidden words after the label, naming what it downloads ("Trust inventory"). */
  hidden?: string | undefined;
  /** Value of `data-action`, for the page's tests and scripts. */
  action: string;
  /** Laid out in a line of other buttons (span) rather than as a block of its own (div). */
  inline?: boolean;
  make: () => Promise<string>;
}

export function PdfButton({ label, hidden, action, inline = false, make }: PdfButtonProps) {
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'failed'; file?: string }>({ kind: 'idle' });
  const run = () => {
    setState({ kind: 'busy' });
    make().then(
      (file) => setState({ kind: 'done', file }),
      () => setState({ kind: 'failed' }),
    );
  };
  const status =
    state.kind === 'busy'
      ? t.pdfPreparing
      : state.kind === 'done'
        ? t.pdfReady(state.file ?? '')
        : state.kind === 'failed'
          ? t.pdfFailed
          : '';
  const Box = inline ? 'span' : 'div';
  const Status = inline ? 'span' : 'p';
  return (
    <Box class={inline ? 'workbook-pdf' : 'ws-pdf'}>
      <button
        type="button"
        class="button"
        data-action={action}
        aria-busy={state.kind === 'busy'}
        disabled={state.kind === 'busy'}
        onClick={run}
      >
        {label}
        {hidden && <span class="visually-hidden"> {hidden}</span>}
      </button>{' '}
      <Status role="status" class="ws-pdf__status" data-pdf-state={state.kind}>
        {status}
      </Status>
    </Box>
  );
}
