// COLLECTOR_FORWARD is checked before the collector starts: every problem at once, each naming its
// path; free text off unless named; staff-only fields never forwarded; chat never carries answers.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseForwardSettings, readForwardSetting } from '../../collector/src/forward/config.js';
import { forwardedData } from '../../collector/src/forward/payload.js';
import { surveys } from './helpers.js';
import { SECRET } from './forward-helpers.js';

const parse = (input: unknown) => parseForwardSettings(input, surveys());
const hook = (extra: Record<string, unknown> = {}) => ({ name: 'crm', kind: 'webhook', url: 'https://crm.example.org/in', secrets: [SECRET], ...extra });

test('every problem is reported at once, each with its path', () => {
  assert.throws(
    () =>
      parse({
        surveys: {
          'after-call': {
            staffOnly: ['story', 'nope'],
            destinations: [
              hook({ fields: ['helped', 'story', 'types.other', 'missing'] }),
              { name: 'crm', kind: 'fax', url: 'ftp://x' },
              { name: 'team', kind: 'chat', url: 'https://hooks.slack.com/services/T/B/x', fields: ['helped'] },
              { name: 'signed', kind: 'webhook', url: 'https://x.example.org', secrets: ['password'] },
            ],
          },
          'no-such-survey': { destinations: [] },
        },
        retry: { attempts: 0, colour: 'red' },
      }),
    (error: Error) => {
      const lines = error.message.split('\n');
      for (const expected of [
        'COLLECTOR_FORWARD.retry.colour: unknown setting',
        'COLLECTOR_FORWARD.retry.attempts: must be a number from 1 to 100',
        'COLLECTOR_FORWARD.surveys["after-call"].staffOnly[1]: "nope" is not a field of survey "after-call"',
        'COLLECTOR_FORWARD.surveys["after-call"].destinations[0].fields[1]: "story" is marked staff-only for this survey and is never forwarded',
        'COLLECTOR_FORWARD.surveys["after-call"].destinations[0].fields[3]: "missing" is not a field of survey "after-call"',
        'COLLECTOR_FORWARD.surveys["after-call"].destinations[1].name: "crm" is already used by another destination',
        'COLLECTOR_FORWARD.surveys["after-call"].destinations[1].kind: must be one of "webhook", "apps-script", "chat"',
        'COLLECTOR_FORWARD.surveys["after-call"].destinations[1].url: must be an https:// URL',
        'COLLECTOR_FORWARD.surveys["after-call"].destinations[2].fields: a chat destination never carries answers',
        'COLLECTOR_FORWARD.surveys["after-call"].destinations[3].secrets[0]: must be "whsec_"',
        'COLLECTOR_FORWARD.surveys["no-such-survey"]: no survey config with this id in COLLECTOR_SURVEYS',
      ]) {
        assert.ok(lines.some((line) => line.startsWith(expected)), `missing: ${expected}\n${error.message}`);
      }
      return true;
    },
  );
});

test('a webhook without secrets, and unreadable JSON or files, are refused with plain words', async () => {
  assert.throws(() => parse({ surveys: { 'after-call': { destinations: [hook({ secrets: undefined })] } } }), /destinations\[0\]\.secrets: a webhook needs "secrets"/);
  assert.throws(() => readForwardSetting('{ "surveys": '), /^Error: COLLECTOR_FORWARD is not valid JSON/);
  assert.throws(() => readForwardSetting('/no/such/forward.json'), /COLLECTOR_FORWARD: cannot read the file \/no\/such\/forward\.json/);
  const dir = await mkdtemp(join(tmpdir(), 'forward-'));
  try {
    await writeFile(join(dir, 'forward.json'), JSON.stringify({ surveys: { 'after-call': { destinations: [hook()] } } }));
    const settings = parse(readForwardSetting(join(dir, 'forward.json')));
    assert.deepEqual(settings.destinations.map((d) => [d.name, d.kind, d.url.href]), [['crm', 'webhook', 'https://crm.example.org/in']]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('only the named fields are forwarded: no free text, "Other" text, tags, time or locale unless named', () => {
  const response = {
    deliveryId: 'd',
    responseId: 'r',
    surveyId: 'after-call',
    surveyVersion: '1',
    submittedAt: '2026-03-02T00:00:00.000Z',
    locale: 'es',
    answers: { types: ['emotional', 'other'], 'types.other': 'Ann from 4B', helped: 'no', why: 'ring me', story: 'long', heard: 2 },
    tags: { site: 'north', channel: 'phone' },
  };
  const none = parse({ surveys: { 'after-call': { destinations: [hook()] } } }).destinations[0]!;
  assert.deepEqual(forwardedData(response, none.fields), { id: 'r', survey: { id: 'after-call', version: '1' }, answers: {} });
  const some = parse({ surveys: { 'after-call': { destinations: [hook({ fields: ['types', 'heard', 'why', 'tag.channel', 'locale'] })] } } }).destinations[0]!;
  assert.deepEqual(forwardedData(response, some.fields), {
    id: 'r',
    survey: { id: 'after-call', version: '1' },
    locale: 'es',
    answers: { types: ['emotional', 'other'], why: 'ring me', heard: 2 },
    tags: { channel: 'phone' },
  });
});
