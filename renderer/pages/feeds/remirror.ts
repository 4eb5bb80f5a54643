/**
 * "Mirror again" after a successful feed run: the feed changed the engine's items on
 * Doofinder, so every type is mirrored again and the grid shows what changed.
 */
import type { EngineView, EnginesSnapshot } from '../../../preload/contract';
import { call, describeError } from '../../api/client';
import type { RemirrorOutcome } from './remirror-summary';

export async function mirrorEngineAgain(engine: Pick<EngineView, 'hashid' | 'types'>): Promise<RemirrorOutcome> {
  const outcome: RemirrorOutcome = { started: [], failed: [] };
  for (const type of engine.types) {
    try {
      await call('mirror:start', { engine: engine.hashid, type: type.name });
      outcome.started.push(type.name);
    } catch (error) {
      outcome.failed.push({ type: type.name, reason: describeError(error) });
    }
  }
  return outcome;
}

/** From the activity list, which knows only the engine's id. */
export async function mirrorEngineAgainById(hashid: string): Promise<RemirrorOutcome> {
  const snapshot: EnginesSnapshot = await call('engines:list', { refresh: false });
  const engine = snapshot.engines.find((candidate) => candidate.hashid === hashid);
  if (!engine)
    return { started: [], failed: [{ type: '', reason: 'This search engine is not in the current account.' }] };
  return mirrorEngineAgain(engine);
}
