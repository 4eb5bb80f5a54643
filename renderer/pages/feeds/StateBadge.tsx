import { CircleAlert, CircleCheck, CircleHelp, Clock, LoaderCircle, XCircle } from 'lucide-react';
import type { FeedTaskState } from '../../../preload/contract';
import { stateLabel } from './run-state';

const ICONS = {
  PENDING: Clock,
  STARTED: LoaderCircle,
  SUCCESS: CircleCheck,
  FAILURE: XCircle,
  NOTFOUND: CircleHelp,
  WAITING: CircleAlert,
} as const;

export function StateBadge({ state }: { state: FeedTaskState }) {
  const label = stateLabel(state);
  const Icon = ICONS[state];
  return (
    <span className={`pill pill--${label.tone} feed-state`} title={label.meaning} data-state={state}>
      <Icon size={13} aria-hidden="true" className={state === 'STARTED' ? 'spin' : undefined} />
      {label.text}
    </span>
  );
}
