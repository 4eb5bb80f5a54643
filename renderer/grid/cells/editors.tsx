/**
 * Cell editors per field kind. They hand the grid text (what the worker converts by the
 * column's kind); a number or price that is not one keeps the editor open with the reason
 * (the grid's `invalidEditValueMode: 'block'`). An edit started by typing starts from the
 * typed character, as in a spreadsheet; F2, Enter or a double click start from the value.
 */
import { useGridCellEditor, type CustomCellEditorProps } from 'ag-grid-react';
import { X } from 'lucide-react';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { GridRow } from '../../../preload/contract';
import { joinList, listItems, normalizePath, problemWith, splitList, valueText } from '../cell-values';
import type { GridContext } from '../grid-context';

type EditorProps = CustomCellEditorProps<GridRow, unknown, GridContext>;

/** A printable key that started the edit, if one did. */
function typedKey(props: EditorProps): string | null {
  return props.eventKey && props.eventKey.length === 1 ? props.eventKey : null;
}

function startText(props: EditorProps): string {
  return typedKey(props) ?? (props.eventKey === 'Backspace' ? '' : valueText(props.initialValue));
}

function fieldOf(props: EditorProps): string {
  return props.colDef.colId ?? '';
}

/** Tells the grid the editor's starting value once (it may differ from the cell's: typing starts an edit). */
function useStartValue(props: EditorProps, value: string): void {
  const report = useEffectEvent(() => props.onValueChange(value));
  useEffect(() => report(), []);
}

/** Focus the input with the caret at the end (F2 in Excel), once it is in the page. */
function useFocusAtEnd(ref: React.RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    const end = input.value.length;
    input.setSelectionRange(end, end);
  }, [ref]);
}

export function TextEditor(props: EditorProps) {
  const kind = props.context.kindOf(fieldOf(props));
  const [text, setText] = useState(() => startText(props));
  const input = useRef<HTMLInputElement>(null);
  const problem = problemWith(kind, text);
  useStartValue(props, text);
  useFocusAtEnd(input);
  useGridCellEditor({ getValidationErrors: () => (problem ? [problem] : null) });
  const numeric = kind === 'number' || kind === 'price';
  return (
    <div className="cell-editor">
      <input
        ref={input}
        className={`cell-editor__input${numeric ? ' cell-editor__input--num' : ''}`}
        value={text}
        inputMode={numeric ? 'decimal' : undefined}
        aria-label={`New value of ${fieldOf(props)}`}
        aria-invalid={problem ? true : undefined}
        title={problem ?? undefined}
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          props.onValueChange(event.target.value);
        }}
      />
      {problem && (
        <span className="cell-editor__problem" role="alert" data-testid="editor-problem">
          {problem}
        </span>
      )}
    </div>
  );
}

function startBoolean(props: EditorProps): boolean {
  const key = typedKey(props);
  const current = props.initialValue === true || props.initialValue === 'true';
  if (key === ' ') return !current;
  if (key && /[ty1]/i.test(key)) return true;
  if (key && /[fn0]/i.test(key)) return false;
  return current;
}

export function BooleanEditor(props: EditorProps) {
  const [on, setOn] = useState(() => startBoolean(props));
  const box = useRef<HTMLInputElement>(null);
  useStartValue(props, on ? 'true' : 'false');
  useEffect(() => box.current?.focus(), []);
  return (
    <label className="cell-editor cell-editor--bool">
      <input
        ref={box}
        type="checkbox"
        checked={on}
        onChange={(event) => {
          setOn(event.target.checked);
          props.onValueChange(event.target.checked ? 'true' : 'false');
        }}
      />
      {on ? 'Yes' : 'No'}
    </label>
  );
}

/** Lists as chips, categories as A > B > C paths: Enter or | adds one, Backspace takes the last back. */
export function ChipsEditor(props: EditorProps) {
  const paths = props.context.kindOf(fieldOf(props)) === 'categories';
  const typed = typedKey(props);
  const [items, setItems] = useState<string[]>(() => (typed ? [] : listItems(props.initialValue)));
  const [draft, setDraft] = useState(typed ?? '');
  const input = useRef<HTMLInputElement>(null);
  const tidy = (text: string) => (paths ? normalizePath(text) : text.trim());
  const valueOf = (chips: string[], typing: string) => joinList(tidy(typing) ? [...chips, tidy(typing)] : chips);
  useStartValue(props, valueOf(items, draft));
  useFocusAtEnd(input);

  function change(chips: string[], typing: string) {
    setItems(chips);
    setDraft(typing);
    props.onValueChange(valueOf(chips, typing));
  }

  function add(text: string) {
    const parts = splitList(text).map(tidy).filter(Boolean);
    change([...items, ...parts], '');
  }

  // A native listener on the input: AG Grid hears keys on the popup around it, before React
  // would, and would end the edit on the Enter that is meant to add a chip.
  const onKeyDown = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.key === 'Enter' && draft.trim() !== '') {
      // Enter adds the chip being typed; an Enter on an empty draft ends the edit (the grid's).
      event.preventDefault();
      event.stopPropagation();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && items.length > 0) {
      event.preventDefault();
      event.stopPropagation();
      change(items.slice(0, -1), items[items.length - 1] ?? '');
    }
  });
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const listener = (event: globalThis.KeyboardEvent) => onKeyDown(event);
    element.addEventListener('keydown', listener);
    return () => element.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="chips-editor" data-testid="chips-editor">
      <div className="chips-editor__chips">
        {items.map((item, index) => (
          <span key={`${index}-${item}`} className={`chip${paths ? ' chip--path' : ''}`}>
            {item}
            <button
              type="button"
              className="chip__remove"
              aria-label={`Remove ${item}`}
              onClick={() =>
                change(
                  items.filter((_, i) => i !== index),
                  draft,
                )
              }
            >
              <X size={11} aria-hidden="true" />
            </button>
          </span>
        ))}
        <input
          ref={input}
          className="chips-editor__input"
          value={draft}
          placeholder={paths ? 'Men > Shoes > Boots' : 'Add a value'}
          aria-label={paths ? 'Add a category path' : 'Add a value'}
          spellCheck={false}
          onChange={(event) => {
            const text = event.target.value;
            if (text.includes('|')) add(text);
            else change(items, text);
          }}
        />
      </div>
      <p className="chips-editor__help">
        {paths ? 'Write a path as A > B > C. ' : ''}Enter or | adds it · Enter again saves · Esc cancels
      </p>
    </div>
  );
}
