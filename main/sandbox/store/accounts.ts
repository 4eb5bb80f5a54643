import { randomBytes } from 'node:crypto';
import type { SandboxDb } from './database';
import type { Account } from './records';

interface AccountRow {
  id: number;
  uid: string;
  zone: string;
  token: string;
  monthly_quota: number | null;
}

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  uid: row.uid,
  zone: row.zone,
  token: row.token,
  monthlyQuota: row.monthly_quota,
});

/** A Doofinder-shaped token: 40 lowercase hex characters (the part of the key after the zone). */
export function newToken(): string {
  return randomBytes(20).toString('hex');
}

export function createAccount(
  db: SandboxDb,
  input: { zone?: string; token?: string; uid?: string; monthlyQuota?: number | null },
): Account {
  const row = db
    .prepare(
      'INSERT INTO accounts (uid, zone, token, monthly_quota) VALUES (?, ?, ?, ?) RETURNING id, uid, zone, token, monthly_quota',
    )
    .get(
      input.uid ?? randomBytes(16).toString('hex'),
      input.zone ?? 'eu1',
      input.token ?? newToken(),
      input.monthlyQuota ?? null,
    ) as AccountRow;
  return toAccount(row);
}

export function accountByToken(db: SandboxDb, token: string): Account | null {
  const row = db.prepare('SELECT * FROM accounts WHERE token = ?').get(token) as AccountRow | undefined;
  return row ? toAccount(row) : null;
}

export function listAccounts(db: SandboxDb): Account[] {
  return (db.prepare('SELECT * FROM accounts ORDER BY id').all() as AccountRow[]).map(toAccount);
}

export function setMonthlyQuota(db: SandboxDb, accountId: number, quota: number | null): void {
  db.prepare('UPDATE accounts SET monthly_quota = ?, quota_used = 0, quota_month = NULL WHERE id = ?').run(
    quota,
    accountId,
  );
}

/**
 * Counts one request against the account's monthly plan. Returns false once the plan is
 * spent ("Requests Limit Reached"); a new month starts a new count.
 */
export function spendQuota(db: SandboxDb, accountId: number, month: string): boolean {
  const row = db.prepare('SELECT monthly_quota, quota_month, quota_used FROM accounts WHERE id = ?').get(accountId) as
    { monthly_quota: number | null; quota_month: string | null; quota_used: number } | undefined;
  if (!row || row.monthly_quota === null) return true;
  const used = row.quota_month === month ? row.quota_used : 0;
  if (used >= row.monthly_quota) return false;
  db.prepare('UPDATE accounts SET quota_month = ?, quota_used = ? WHERE id = ?').run(month, used + 1, accountId);
  return true;
}
