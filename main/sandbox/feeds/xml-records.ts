/**
 * Google Shopping XML feeds (RSS 2.0 `<item>`s or Atom `<entry>`s with the `g:` namespace),
 * streamed through sax. Each child element of an item is a field named without its prefix
 * (`g:price` → `price`); a repeated element is a list; an element with children (such as
 * `g:shipping`) is an object. Well-formedness errors are logged and parsing goes on, up to
 * a point.
 */
import sax from 'sax';
import { FeedError } from './feed-error';
import { MAX_RECORD_CHARS, type FeedRecord } from './feed-record';
import { fieldValue } from './field-values';

/** Elements nested deeper inside an item are dropped (and the item skipped): nothing real goes this deep. */
const MAX_DEPTH = 8;

/** Past this many well-formedness errors the file is not treated as XML any more. */
const MAX_ERRORS = 100;

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

interface OpenItem {
  line: number;
  stack: XmlNode[];
  chars: number;
  /** Depth of elements being skipped below MAX_DEPTH. */
  ignored: number;
  problem: string | null;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function valueOf(name: string, node: XmlNode): unknown {
  if (node.children.length > 0) return objectOf(node.children);
  const text = node.text.trim();
  if (text !== '') return fieldValue(name, text);
  // Atom: <link href="..."/>
  return node.attributes.href;
}

function objectOf(children: XmlNode[]): Record<string, unknown> {
  const fields = new Map<string, unknown[]>();
  for (const child of children) {
    const name = localName(child.name);
    const value = valueOf(name, child);
    if (value === undefined) continue;
    const values = fields.get(name) ?? [];
    values.push(value);
    fields.set(name, values);
  }
  return Object.fromEntries([...fields].map(([name, values]) => [name, values.length === 1 ? values[0] : values]));
}

function itemDoc(root: XmlNode): Record<string, unknown> {
  const doc = objectOf(root.children);
  // `g:id` and an Atom `id` may both be there: the first one is the key.
  if (Array.isArray(doc.id)) doc.id = doc.id[0];
  return doc;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

export async function* xmlRecords(text: AsyncIterable<string>): AsyncGenerator<FeedRecord> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const out: FeedRecord[] = [];
  let item: OpenItem | null = null;
  let errors = 0;
  let firstError = '';

  parser.onopentag = (tag) => {
    if (!item) {
      const name = localName(tag.name);
      if (name === 'item' || name === 'entry') {
        const root = { name: tag.name, attributes: {}, text: '', children: [] };
        item = { line: parser.line + 1, stack: [root], chars: 0, ignored: 0, problem: null };
      }
      return;
    }
    if (item.ignored > 0 || item.stack.length > MAX_DEPTH) {
      item.ignored += 1;
      item.problem = `Item nests elements more than ${MAX_DEPTH} levels deep`;
      return;
    }
    const node: XmlNode = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      text: '',
      children: [],
    };
    item.stack.at(-1)?.children.push(node);
    item.stack.push(node);
  };

  const onText = (chunk: string) => {
    if (!item || item.ignored > 0) return;
    item.chars += chunk.length;
    if (item.chars > MAX_RECORD_CHARS) {
      item.problem = `Item is larger than ${MAX_RECORD_CHARS / 1024 ** 2} MB`;
      return;
    }
    const node = item.stack.at(-1);
    if (node && item.stack.length > 1) node.text += chunk;
  };
  parser.ontext = onText;
  parser.oncdata = onText;

  parser.onclosetag = () => {
    if (!item) return;
    if (item.ignored > 0) {
      item.ignored -= 1;
      return;
    }
    if (item.stack.length > 1) {
      item.stack.pop();
      return;
    }
    const root = item.stack[0] as XmlNode;
    out.push(item.problem ? { line: item.line, problem: item.problem } : { line: item.line, doc: itemDoc(root) });
    item = null;
  };

  parser.onerror = (error) => {
    errors += 1;
    const line = parser.line + 1;
    const message = firstLine(error.message);
    if (errors === 1) firstError = `${message} at line number: ${line}`;
    if (errors <= MAX_ERRORS) out.push({ line, problem: `XML error: ${message}` });
    parser.resume();
  };

  const drain = function* () {
    yield* out;
    out.length = 0;
    if (errors > MAX_ERRORS) throw new FeedError(`it is not well-formed XML (${firstError})`);
  };

  for await (const chunk of text) {
    parser.write(chunk);
    yield* drain();
  }
  parser.close();
  const unfinished = item as OpenItem | null;
  if (unfinished) out.push({ line: unfinished.line, problem: 'The feed ends inside this item' });
  yield* drain();
}
