/** Copies text inside the click (no clipboard permission needed) and says so for a moment. */
import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { copyTextNow } from '../../../grid/clipboard';

export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  return (
    <button
      type="button"
      className="button button--ghost"
      onClick={() => {
        setState(copyTextNow(text) ? 'copied' : 'refused');
        setTimeout(() => setState('idle'), 1500);
      }}
      data-testid={testId}
    >
      {state === 'copied' ? <Check size={14} aria-hidden="true" /> : <Copy size={14} aria-hidden="true" />}
      {state === 'copied' ? 'Copied' : state === 'refused' ? 'The clipboard refused' : label}
    </button>
  );
}
