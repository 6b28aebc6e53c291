import type { SurveyConfig } from 'encounter-survey/core';
import { csvRow } from './csv.js';
import type { ResponseStore, StoredResponse } from './store.js';

/**
 * Staff exports, streamed: rows are read a page at a time (keyset pagination, ordered by time
 * bucket then random id) and written as they are read, so memory stays flat however many
 * responses there are, and a slow download holds no lock and no connection between pages.
 *
 * CSV columns come only from the survey's config files, never from what was posted, so no POST
 * can add a column. A multi-select question is one 1/0 column per option (empty when unanswered),
 * named `<question>.<option>`; "Other" text is `<question>.other (text)`; tags are `tag.<name>`.
 * A survey without a config (only with COLLECTOR_ACCEPT_UNKNOWN=1) exports its answers and tags
 * as one JSON cell each.
 */
interface Column {
  header: string;
  value(row: StoredResponse): string | number | null;
}

export const PAGE_SIZE = 500;

export function columnsFor(surveyId: string, configs: readonly SurveyConfig[]): Column[] {
  const columns: Column[] = [
    { header: 'id', value: (row) => row.id },
    { header: 'survey', value: () => surveyId },
    { header: 'version', value: (row) => row.version },
    { header: 'submittedAt', value: (row) => row.submittedAt },
    { header: 'locale', value: (row) => row.locale },
  ];
  if (configs.length === 0) {
    columns.push({ header: 'answers', value: (row) => JSON.stringify(row.answers) });
    columns.push({ header: 'tags', value: (row) => JSON.stringify(row.tags) });
    return columns;
  }
  // One column per question (and option) across every version of the survey; a header that two
  // different things would share gets a number, so no column is lost.
  const headers = new Set(columns.map((column) => column.header));
  const added = new Set<string>();
  const add = (key: string, column: Column) => {
    if (added.has(key)) return;
    added.add(key);
    let header = column.header;
    for (let n = 2; headers.has(header); n += 1) header = `${column.header} (${n})`;
    headers.add(header);
    columns.push({ ...column, header });
  };
  const answer = (row: StoredResponse, key: string) => (Object.hasOwn(row.answers, key) ? row.answers[key] : undefined);
  for (const config of configs) {
    for (const question of config.questions) {
      const id = question.id;
      if (question.type === 'support-types' || question.type === 'multiple') {
        for (const option of question.options) {
          add(`option ${id} ${option.value}`, {
            header: `${id}.${option.value}`,
            value: (row) => {
              const chosen = answer(row, id);
              return Array.isArray(chosen) ? (chosen.includes(option.value) ? 1 : 0) : null;
            },
          });
        }
      } else {
        add(`answer ${id}`, { header: id, value: (row) => scalar(answer(row, id)) });
      }
      if ('allowOther' in question && question.allowOther) {
        add(`other ${id}`, { header: `${id}.other (text)`, value: (row) => scalar(answer(row, `${id}.other`)) });
      }
    }
  }
  for (const config of configs) {
    for (const name of Object.keys(config.tags)) {
      add(`tag ${name}`, { header: `tag.${name}`, value: (row) => (Object.hasOwn(row.tags, name) ? row.tags[name]! : null) });
    }
  }
  return columns;
}

const scalar = (value: unknown): string | number | null =>
  typeof value === 'string' || typeof value === 'number' ? value : value === undefined ? null : JSON.stringify(value);

/** Pulls page after page from the store; `render` turns a page into text. Backpressure from the client paces the reads. */
function pagedStream(
  store: ResponseStore,
  surveyId: string,
  head: string,
  render: (rows: StoredResponse[]) => string,
  first: StoredResponse[] | null,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: { submittedAt: string; id: string } | null = null;
  let started = false;
  let pending = first;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          if (head) return controller.enqueue(encoder.encode(head));
        }
        const rows = pending ?? (await store.page(surveyId, after, PAGE_SIZE));
        pending = null;
        if (rows.length === 0) return controller.close();
        const last = rows.at(-1)!;
        after = { submittedAt: last.submittedAt, id: last.id };
        controller.enqueue(encoder.encode(render(rows)));
        if (rows.length < PAGE_SIZE) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}

/** The first page, read by the route before it answers 200 (see `firstPage`), is passed in. */
export function csvStream(store: ResponseStore, surveyId: string, configs: readonly SurveyConfig[], first: StoredResponse[] | null = null): ReadableStream<Uint8Array> {
  const columns = columnsFor(surveyId, configs);
  // BOM so spreadsheet programs read UTF-8 (Spanish, French, Arabic answers) correctly.
  const head = `\uFEFF${csvRow(columns.map((column) => column.header))}`;
  return pagedStream(store, surveyId, head, (rows) => rows.map((row) => csvRow(columns.map((column) => column.value(row)))).join(''), first);
}

/** JSON Lines: one submission per line, in the shape it was received (after the collector's checks). */
export function jsonLinesStream(store: ResponseStore, surveyId: string, configs: readonly SurveyConfig[], first: StoredResponse[] | null = null): ReadableStream<Uint8Array> {
  const versions = new Map(configs.map((config) => [String(config.version), config.version]));
  return pagedStream(store, surveyId, '', (rows) =>
    rows
      .map((row) =>
        JSON.stringify({
          id: row.id,
          survey: { id: surveyId, version: versions.get(row.version) ?? row.version },
          submittedAt: row.submittedAt,
          locale: row.locale,
          answers: row.answers,
          tags: row.tags,
        }),
      )
      .join('\n')
      .concat('\n'),
    first,
  );
}

/**
 * Read before the route answers 200, so an unknown survey or a database that fails is a plain
 * error response, never a 200 whose body breaks off.
 */
export const firstPage = (store: ResponseStore, surveyId: string) => store.page(surveyId, null, PAGE_SIZE);
