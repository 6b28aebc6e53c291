/**
 * encounter-survey → a Google Sheet, one row per response, each response once.
 *
 * Set up: open the Sheet → Extensions → Apps Script, replace Code.gs with this file, save, then
 * Deploy → New deployment → Web app, "Execute as: Me", "Who has access: Anyone". Put the /exec URL
 * in the survey config (see README.md next to this file):
 *
 *   "endpoint": "https://script.google.com/macros/s/…/exec",
 *   "delivery": { "profile": "simple", "fields": {} }
 *
 * Why it looks like this:
 * - Apps Script runs many executions at once (about 30 per user): without the lock, two appends
 *   can land on one row and one response is lost. The lock waits up to 4 minutes; the survey gives
 *   up on its request long before (15 s) and sends it again, and the id check below keeps one row.
 * - A response is sent again whenever its answer was lost on the way (a phone going through a
 *   tunnel): a row whose id is already in column A is not added twice.
 * - Apps Script always answers 200 (through a redirect to script.googleusercontent.com), so the
 *   survey cannot tell a script error from success: keep this script small.
 * - Text starting with = + - @ would run as a formula in the Sheet: it is stored as text.
 */
var SHEET_NAME = 'Responses';
var ID_COLUMN = 'id'; // the column "fields" maps the response id to ("id" unless you renamed it)

function doPost(e) {
  var row;
  try {
    row = JSON.parse(e.postData.contents);
  } catch (error) {
    return reply({ ok: false, error: 'The body is not JSON' });
  }
  if (!row || typeof row[ID_COLUMN] !== 'string' || row[ID_COLUMN] === '') return reply({ ok: false, error: 'No ' + ID_COLUMN });
  var lock = LockService.getScriptLock();
  lock.waitLock(240000);
  try {
    var sheet = sheetNamed(SHEET_NAME);
    var header = headerFor(sheet, row);
    if (hasId(sheet, row[ID_COLUMN])) return reply({ ok: true, duplicate: true });
    sheet.appendRow(header.map(function (name) { return cell(row[name]); }));
    SpreadsheetApp.flush(); // written before we answer
    return reply({ ok: true });
  } finally {
    lock.releaseLock();
  }
}

function sheetNamed(name) {
  var book = SpreadsheetApp.getActiveSpreadsheet();
  return book.getSheetByName(name) || book.insertSheet(name);
}

/** The header row, with the id first and a new column for each field not seen before. */
function headerFor(sheet, row) {
  var width = sheet.getLastColumn();
  var header = width > 0 ? sheet.getRange(1, 1, 1, width).getValues()[0].map(String) : [];
  if (header.length === 0) header = [ID_COLUMN];
  var added = Object.keys(row).filter(function (name) { return header.indexOf(name) < 0; });
  if (added.length > 0 || width === 0) {
    header = header.concat(added);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
  }
  return header;
}

function hasId(sheet, id) {
  var rows = sheet.getLastRow() - 1;
  if (rows < 1) return false;
  return sheet.getRange(2, 1, rows, 1).createTextFinder(id).matchEntireCell(true).findNext() !== null;
}

function cell(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') value = JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(value)) return "'" + value;
  return value;
}

function reply(body) {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}
