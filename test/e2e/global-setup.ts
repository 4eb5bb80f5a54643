import { build } from 'electron-vite';

/** End-to-end tests drive the built app, so build it first (about two seconds). */
export default async function setup(): Promise<void> {
  await build({ root: process.cwd(), logLevel: 'warn' });
}
