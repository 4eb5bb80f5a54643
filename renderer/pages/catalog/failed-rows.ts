/** Failed rows of a type: made pending again, or saved as a CSV with the server's reasons. */
import { call } from '../../api/client';
import { downloadText } from '../../grid/download';

export async function exportFailedRows(engine: string, engineName: string, type: string): Promise<number> {
  const { csv, rows } = await call('sync:exportFailed', { engine, type });
  const safe = `${engineName}-${type}`.replace(/[^\w-]+/g, '-');
  downloadText(`failed-${safe}-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  return rows;
}

export async function retryFailedRows(engine: string, type: string): Promise<number> {
  const { retried } = await call('sync:retryFailed', { engine, type });
  return retried;
}
