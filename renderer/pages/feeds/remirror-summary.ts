/** What "Mirror again" says it did, type by type. */

export interface RemirrorOutcome {
  started: string[];
  failed: Array<{ type: string; reason: string }>;
}

export function remirrorSummary(outcome: RemirrorOutcome): string {
  const parts: string[] = [];
  if (outcome.started.length > 0) {
    parts.push(
      `Mirroring ${outcome.started.join(', ')} again: the Catalog page shows the progress, then what the feed changed.`,
    );
  }
  for (const { type, reason } of outcome.failed) parts.push(type ? `${type} could not be mirrored: ${reason}` : reason);
  if (parts.length === 0) return 'This search engine has no types to mirror.';
  return parts.join(' ');
}
