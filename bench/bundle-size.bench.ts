/**
 * Bundle size: build/build.zip as `zapier-platform push` would upload it (bin/zip.sh), its size
 * on disk, what it unpacks to and how many files it holds. The numbers are read from the zip's
 * central directory, so no unzip tool is needed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Metric } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Our build/build.zip, as bin/zip.sh leaves it. */
export const ZIP = `${ROOT}build/build.zip`;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;

interface ZipContents {
  files: number;
  unpackedBytes: number;
}

/** Walks the central directory (APPNOTE 4.3.12/4.3.16); directories are not counted as files. */
const readZipContents = (zip: Buffer): ZipContents => {
  // The end record is 22 bytes plus a comment of up to 64 KiB, so search backwards for it.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new Error('bundle size: build.zip has no end of central directory record.');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const contents: ZipContents = { files: 0, unpackedBytes: 0 };
  for (let entry = 0; entry < entries; entry += 1) {
    if (zip.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error(`bundle size: bad central directory entry ${entry}.`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (!name.endsWith('/')) {
      contents.files += 1;
      contents.unpackedBytes += zip.readUInt32LE(offset + 24);
    }
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return contents;
};

/** Size on disk of a zip (or any file), in bytes. */
export const zipSizeOf = (file: string): number => statSync(file).size;

/** Builds the zip (about a minute, needs the npm registry) unless told to reuse the last one. */
export const measureBundleSize = (rebuild: boolean): Metric[] => {
  if (rebuild) {
    console.error('bench: building build/build.zip with bin/zip.sh …');
    const build = spawnSync('bash', ['bin/zip.sh'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`bundle size: bin/zip.sh failed (exit ${build.status}):\n${build.stdout}${build.stderr}`);
  } else {
    console.error(`bench: --skip-zip: measuring the existing build/build.zip from ${statSync(ZIP).mtime.toISOString()}, not rebuilt.`);
  }
  const zip = readFileSync(ZIP);
  const contents = readZipContents(zip);
  return [
    { name: 'bundle: build.zip size', unit: 'KiB', value: zipSizeOf(ZIP) / 1024, better: 'lower' },
    { name: 'bundle: unpacked size', unit: 'KiB', value: contents.unpackedBytes / 1024, better: 'lower' },
    { name: 'bundle: files in build.zip', unit: 'files', value: contents.files, better: 'lower', exact: true },
  ];
};
