import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Catalog Studio';

/**
 * The folder Electron's `app.getPath('userData')` gives for this app, computed without
 * Electron, so browser mode and the desktop app share one set of databases.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  home = homedir(),
): string {
  if (env.CATALOG_STUDIO_DATA_DIR) return env.CATALOG_STUDIO_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}
