import { X } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';

/** A modal on the platform's <dialog>: Escape and the close button call onClose. */
export function Dialog({
  open,
  title,
  onClose,
  children,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog--wide' : ''}`} aria-label={title} onClose={onClose}>
      <header className="dialog__header">
        <h2>{title}</h2>
        <button type="button" className="button button--icon" aria-label="Close" onClick={onClose}>
          <X size={16} aria-hidden="true" />
        </button>
      </header>
      {open && <div className="dialog__body">{children}</div>}
    </dialog>
  );
}
