// The static bundle for hosting without npm (a step of `npm run build`, after the vite builds):
// checks that dist/cdn/ holds exactly what the one-file build's chunk manifest lists (every chunk
// present, nothing else but the manifest, the offline worker and their source maps), and zips the folder into
// dist/encounter-survey-cdn-<version>.zip (one folder `encounter-survey/` inside), which a release
// attaches. The zip is not in the npm package (package.json "files"): the package has dist/cdn/ itself.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const CDN = join('dist', 'cdn');

/**
 * What dist/cdn/ must hold: the manifest's files, the manifest, the worker, and the source map each
 * script names (the bundler's own tiny runtime chunk, when it emits one, names none).
 */
export function expectedFiles(dir = CDN) {
  const chunks = JSON.parse(readFileSync(join(dir, 'encounter-survey.chunks.json'), 'utf8'));
  const scripts = [...chunks.map((chunk) => chunk.file), 'encounter-survey-sw.js'];
  const maps = scripts.filter((file) => {
    try {
      return /\/\/# sourceMappingURL=/.test(readFileSync(join(dir, file), 'utf8'));
    } catch {
      return true; // a missing script: its map is expected too, and both are reported
    }
  });
  return [...scripts, ...maps.map((file) => `${file}.map`), 'encounter-survey.chunks.json'].sort();
}

/** Throws naming every missing and every unexpected file. */
export function checkFolder(dir = CDN) {
  const expected = expectedFiles(dir);
  const present = readdirSync(dir);
  const missing = expected.filter((file) => !present.includes(file));
  const extra = present.filter((file) => !expected.includes(file));
  if (missing.length || extra.length) {
    throw new Error(`dist/cdn/ is not the one-file build: ${[...missing.map((f) => `missing ${f}`), ...extra.map((f) => `unexpected ${f}`)].join(', ')}`);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/**
 * A plain zip (deflate, no zip64: the folder is well under 4 GiB) of the given files. The time fields
 * are fixed at 1980-01-01, so the same build gives the same zip.
 */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const header = (signature, size) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = header(0x02014b50, 46);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    local.copy(central, 6, 4, 30); // version needed … name length: the same fields as the local header
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The names a zip's central directory lists (for the release check). */
export function zipNames(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    names.push(buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extra;
  }
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  checkFolder();
  const files = expectedFiles();
  const archive = zip(files.map((file) => ({ name: `encounter-survey/${file}`, data: readFileSync(join(CDN, file)) })));
  const name = join('dist', `encounter-survey-cdn-${version}.zip`);
  writeFileSync(name, archive);
  console.log(`wrote ${name}: dist/cdn/'s ${files.length} files, ${(archive.length / 1024).toFixed(1)} KiB`);
}
