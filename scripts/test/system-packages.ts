/**
 * The system packages the tests need, and what to do when some are missing: install them
 * when running as root on Debian or Ubuntu (as `playwright install --with-deps` does),
 * otherwise print the one command to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Requirement {
  /** Debian/Ubuntu package name. */
  pkg: string;
  why: string;
  /** How to tell it is there without dpkg (other distributions, macOS). */
  probe: () => boolean;
}

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

export const requirements: Requirement[] = [
  {
    pkg: 'chromium',
    why: 'end-to-end tests drive it',
    probe: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  { pkg: 'gnome-keyring', why: 'keychain tests store keys in it', probe: () => has('gnome-keyring-daemon') },
  { pkg: 'dbus', why: 'the keyring runs on a D-Bus session', probe: () => has('dbus-run-session') },
  { pkg: 'dbus-x11', why: 'gnome-keyring starts through it', probe: () => has('dbus-launch') },
  {
    pkg: 'libsecret-1-dev',
    why: 'keytar builds against it',
    probe: () => spawnSync('pkg-config', ['--exists', 'libsecret-1'], { stdio: 'ignore' }).status === 0,
  },
  { pkg: 'pkg-config', why: "keytar's build finds libsecret with it", probe: () => has('pkg-config') },
  { pkg: 'build-essential', why: 'native modules compile with it', probe: () => has('g++') && has('make') },
  { pkg: 'python3', why: 'node-gyp runs on it', probe: () => has('python3') },
];

export function isDebianLike(): boolean {
  return existsSync('/usr/bin/dpkg-query') && existsSync('/usr/bin/apt-get');
}

function dpkgInstalled(pkg: string): boolean {
  const run = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', pkg], { encoding: 'utf8' });
  return run.status === 0 && run.stdout.trim() === 'installed';
}

export function missingPackages(list: Requirement[] = requirements, debian = isDebianLike()): Requirement[] {
  return list.filter((requirement) => !(debian ? dpkgInstalled(requirement.pkg) : requirement.probe()));
}

export type InstallPlan =
  { action: 'none' } | { action: 'install'; commands: string[][] } | { action: 'instruct'; command: string };

export function planInstall(missing: string[], context: { debian: boolean; root: boolean }): InstallPlan {
  if (missing.length === 0) return { action: 'none' };
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...missing];
  if (context.debian && context.root) return { action: 'install', commands: [['apt-get', 'update'], install] };
  if (context.debian) return { action: 'instruct', command: `sudo apt-get update && sudo ${install.join(' ')}` };
  return {
    action: 'instruct',
    command: `install these with your system's package manager, then run npm test again: ${missing.join(', ')}`,
  };
}
