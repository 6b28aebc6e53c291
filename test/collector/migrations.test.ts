// Migrations: applied once at start, in a transaction under an advisory lock, even when several
// instances start at the same moment.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openDatabase } from '../../collector/src/db/database.js';
import { migrate, migrations } from '../../collector/src/db/migrations.js';
import { engines, freshDatabase } from './helpers.js';

for (const { engine, skip } of engines) {
  describe(`migrations (${engine})`, { skip }, () => {
    test('four instances migrating at once: each migration applied by exactly one, recorded once', async () => {
      const database = await freshDatabase(engine);
      // PGlite allows one process per folder, so its "instances" take turns on one connection.
      const handles = engine === 'postgres' ? await Promise.all([1, 2, 3, 4].map(() => openDatabase(database.location))) : [await openDatabase(database.location)];
      try {
        const runs = await Promise.all([1, 2, 3, 4].map((i) => migrate(handles[i % handles.length]!)));
        assert.deepEqual(runs.flat().sort(), migrations.map((migration) => migration.version));
        const recorded = await handles[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        assert.deepEqual(recorded.map((row) => row.version), migrations.map((migration) => migration.version));
      } finally {
        for (const handle of handles) await handle.close();
        await database.drop();
      }
    });

    test('a failing migration rolls back whole and stops the start', async () => {
      const database = await freshDatabase(engine);
      const db = await openDatabase(database.location);
      try {
        const broken = [...migrations, { version: 999, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT no_such_function();' }];
        await assert.rejects(migrate(db, broken), /no_such_function/);
        const tables = await db.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE tablename IN ('half_done', 'responses', 'schema_migrations')");
        assert.deepEqual(tables, [], 'nothing of the failed run was kept');
        assert.deepEqual(await migrate(db), migrations.map((migration) => migration.version));
      } finally {
        await db.close();
        await database.drop();
      }
    });
  });
}
