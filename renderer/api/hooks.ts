import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { EventChannel, EventPayload, InputArgs, RequestChannel, RequestOutput } from '../../preload/contract';
import { call, onConnection, subscribe } from './client';
import type { ConnectionState } from './websocket-transport';

export interface RequestState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replace the data, e.g. with the payload of an event that carries the same snapshot. */
  set: (value: T) => void;
}

/** Loads a request's answer on mount (and on `reload`); input is compared by value. */
export function useRequest<K extends RequestChannel>(
  channel: K,
  ...input: InputArgs<K>
): RequestState<RequestOutput<K>> {
  const [data, setData] = useState<RequestOutput<K>>();
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  /** Which request the current data and error answer; loading while it is not the latest. */
  const [settled, setSettled] = useState<string | null>(null);
  const inputKey = JSON.stringify(input);
  const requestKey = `${channel}|${inputKey}|${generation}`;

  useEffect(() => {
    let current = true;
    call(channel, ...(JSON.parse(inputKey) as InputArgs<K>)).then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setSettled(requestKey);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason);
        setSettled(requestKey);
      },
    );
    return () => {
      current = false;
    };
  }, [channel, inputKey, requestKey]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, loading: settled !== requestKey, reload, set: setData };
}

export function useEvent<K extends EventChannel>(channel: K, listener: (payload: EventPayload<K>) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => subscribe(channel, (payload) => onEvent(payload)), [channel]);
}

export function useConnectionState(): ConnectionState {
  const [state, setState] = useState<ConnectionState>('open');
  useEffect(() => onConnection(setState), []);
  return state;
}
