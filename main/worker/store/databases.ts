/**
 * The worker's databases: `app.db` (profiles and settings, no secrets) and one
 * `accounts/{profile id}.db` per account, opened on first use and migrated.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { accountMigrations, appMigrations, migrate } from './migrations';
import { openDatabase, type SqliteDatabase } from './open';

const PROFILE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class Databases {
  private appDb: SqliteDatabase | null = null;
  private readonly accounts = new Map<string, SqliteDatabase>();

  constructor(
    private readonly dataDir: string,
    private readonly nativeBinding: string | null = null,
  ) {}

  app(): SqliteDatabase {
    if (!this.appDb) {
      mkdirSync(this.dataDir, { recursive: true });
      this.appDb = this.open(join(this.dataDir, 'app.db'), appMigrations);
    }
    return this.appDb;
  }

  accountFile(profileId: string): string {
    if (!PROFILE_ID.test(profileId)) throw new Error(`not a profile id: ${profileId}`);
    return join(this.dataDir, 'accounts', `${profileId}.db`);
  }

  account(profileId: string): SqliteDatabase {
    let db = this.accounts.get(profileId);
    if (!db) {
      const file = this.accountFile(profileId);
      mkdirSync(join(this.dataDir, 'accounts'), { recursive: true });
      db = this.open(file, accountMigrations);
      this.accounts.set(profileId, db);
    }
    return db;
  }

  /** Closes and deletes an account's database (the account was removed). */
  dropAccount(profileId: string): void {
    this.accounts.get(profileId)?.close();
    this.accounts.delete(profileId);
    const file = this.accountFile(profileId);
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
  }

  closeAll(): void {
    for (const db of this.accounts.values()) db.close();
    this.accounts.clear();
    this.appDb?.close();
    this.appDb = null;
  }

  private open(file: string, migrations: readonly string[]): SqliteDatabase {
    const db = openDatabase(file, { nativeBinding: this.nativeBinding });
    migrate(db, migrations);
    return db;
  }
}
