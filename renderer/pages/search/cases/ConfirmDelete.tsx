/** Asks before something with grades in it goes: judgments take a person's time to make. */
import { Dialog } from '../../../components/Dialog';

export function ConfirmDelete({
  title,
  text,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open title={title} onClose={onClose}>
      <p>{text}</p>
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Keep it
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} data-testid="confirm-delete">
          Delete
        </button>
      </div>
    </Dialog>
  );
}
