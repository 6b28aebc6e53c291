// Intake, issue #22: invisible format characters never reach storage or the export (zero-width
// characters, U+2060, tag characters, a BOM), the joiners a script needs are kept, line and paragraph
// separators become newlines; a `submittedAt` outside [now − retention, now + 1 day] is refused with
// a 400 naming the field (the injected clock decides "now"). Both engines.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engines, exported, json, post, submission, withCollector, type TestCollector } from './helpers.js';

for (const { engine, skip } of engines) {
  describe(`intake: invisible characters and submittedAt bounds (${engine})`, { skip }, () => {
    let collector: TestCollector;
    const today = new Date('2026-03-10T12:00:00Z');
    before(async () => {
      collector = await withCollector(engine, { retentionDays: 365, now: () => today });
    });
    after(() => collector?.stop());

    test('format characters are removed from free text; ZWNJ/ZWJ between letters or emoji are kept; U+2028/9 become newlines', async () => {
      const tags = ['\u{E0001}', '\u{E0041}', '\u{E007F}'].join('');
      const story = `call\u200Bme\u2060 at\uFEFF home${tags}\u00AD.\u2028next line\u2029new paragraph`;
      const persian = 'می\u200Cخواهم'; // "I want": the ZWNJ is part of the spelling
      const family = '👩\u200D👩\u200D👧'; // one emoji, joined
      const body = submission({ answers: { types: ['emotional'], helped: 'yes', heard: 5, story: `${story} ${persian} ${family} \u200D\u200Cend` } });
      assert.equal((await post(collector.url, body)).status, 201);
      const stored = (await exported(collector.url)).find((s) => s.id === body.id)!;
      assert.equal(stored.answers.story, `callme at home.\nnext line\nnew paragraph ${persian} ${family} end`);
    });

    test('submittedAt more than a day ahead, or before the retention period, is refused with 400 naming the field', async () => {
      for (const submittedAt of ['2030-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z', '2026-03-12T00:00:00.000Z', '2025-03-01T00:00:00.000Z']) {
        const res = await post(collector.url, submission({ submittedAt }));
        assert.equal(res.status, 400, submittedAt);
        const body = await json(res);
        assert.equal(body.error, 'invalid-submission');
        assert.ok(body.issues.some((issue: { path: string }) => issue.path === 'submittedAt'), JSON.stringify(body));
        assert.match(body.message, /submittedAt/);
      }
      for (const submittedAt of ['2026-03-11T00:00:00.000Z', '2026-03-10T00:00:00.000Z', '2025-03-20T00:00:00.000Z']) {
        assert.equal((await post(collector.url, submission({ submittedAt }))).status, 201, submittedAt);
      }
    });
  });
}

for (const { engine, skip } of engines) {
  describe(`COLLECTOR_REDACT=1 (${engine})`, { skip }, () => {
    test('identifiers in free text and "Other" text are stored as placeholders; choices and counts are untouched', async () => {
      const collector = await withCollector(engine, { redactFreeText: true });
      try {
        const body = submission({
          answers: { types: ['emotional', 'other'], 'types.other': 'my friend at jane@example.com', helped: 'no', why: 'call 07700 900123', heard: 2, story: 'I live at 12 rue de la Paix, 75002 Paris' },
        });
        assert.equal((await post(collector.url, body)).status, 201);
        const [stored] = await exported(collector.url);
        assert.deepEqual(stored!.answers, { ...body.answers, 'types.other': 'my friend at [email]', why: 'call [phone]', story: 'I live at [address], [postcode]' });
      } finally {
        await collector.stop();
      }
    });

    test('without it, text is stored as sent', async () => {
      const collector = await withCollector(engine);
      try {
        const body = submission({ answers: { types: ['emotional'], helped: 'yes', heard: 5, story: 'call 07700 900123' } });
        assert.equal((await post(collector.url, body)).status, 201);
        assert.equal((await exported(collector.url))[0]!.answers.story, 'call 07700 900123');
      } finally {
        await collector.stop();
      }
    });
  });
}
