import { TriangleAlert, WifiOff } from 'lucide-react';
import { useState } from 'react';
import type { WorkerState } from '../../preload/contract';
import { useConnectionState, useEvent } from '../api/hooks';

/** Tells the user when the app's plumbing failed under them, and that it is recovering. */
export function Notices() {
  const connection = useConnectionState();
  const [worker, setWorker] = useState<WorkerState | null>(null);
  useEvent('app:workerState', setWorker);

  return (
    <div className="notices" aria-live="polite">
      {connection === 'closed' && (
        <div className="notice notice--danger" role="alert">
          <WifiOff size={16} aria-hidden="true" />
          Lost the connection to the app host; reconnecting. If you restarted <code>npm run web</code>, open the new
          address it printed.
        </div>
      )}
      {worker?.status === 'restarting' && (
        <div className="notice notice--warning" role="alert" data-testid="worker-notice">
          <TriangleAlert size={16} aria-hidden="true" />
          The API worker stopped ({worker.lastExit ?? 'no reason given'}) and is being restarted. Requests it was
          handling failed and can be tried again; nothing saved is lost.
        </div>
      )}
    </div>
  );
}
