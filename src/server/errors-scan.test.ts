/**
 * Every error the server answers comes from the catalogue (domain/errors/catalogue.ts) through `fail` / `errorBody`:
 * this test reads the server's sources and fails on an error built with its own code and text, so new code uses the
 * catalogue too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.dirname(SERVER);

/** Files allowed to call `new AppError(` and why. */
const APP_ERROR_ALLOWED: Record<string, string> = {
  'server/errors.ts': '`fail` itself',
  'server/files/off-thread.ts': 'throws again, unchanged, the catalogue error the parsing child sent',
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

function findAll(files: string[], pattern: RegExp, allowed: Record<string, string> = {}): Finding[] {
  return files.flatMap((file) => {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    if (Object.hasOwn(allowed, rel)) return [];
    const text = fs.readFileSync(file, 'utf8');
    return [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))].map((m) => ({
      file: rel,
      line: text.slice(0, m.index).split('\n').length,
      text: m[0].replace(/\s+/g, ' ').slice(0, 120),
    }));
  });
}

const format = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}  ${f.text}`).join('\n');

describe('errors come from the catalogue', () => {
  const serverFiles = sources(SERVER);

  it('finds the server sources', () => {
    expect(serverFiles.length).toBeGreaterThan(50);
  });

  it('builds no AppError by hand', () => {
    expect(format(findAll(serverFiles, /\bnew AppError\s*\(/, APP_ERROR_ALLOWED))).toBe('');
  });

  it('has no error factory taking a code and a message (errors.invalid(code, message) and the like)', () => {
    expect(format(findAll(serverFiles, /\berrors\.[a-zA-Z]+\s*\(/))).toBe('');
  });

  it('sends no { code, message } written in place', () => {
    const inline = /\bcode:\s*['"`][a-z]+(?:_[a-z0-9]+)*['"`]\s*,\s*message:\s*['"`]/;
    expect(format(findAll(serverFiles, inline))).toBe('');
  });

  it('names codes only through fail / errorBody, with a literal code the compiler checks', () => {
    // `fail(someVariable)` would hide a code from the catalogue's type check.
    const call = /\b(?:fail|errorBody)\(\s*(?!['"]|[a-zA-Z_.]+\.code\b)[^)\s]/;
    expect(format(findAll(serverFiles, call, { 'server/errors.ts': 'defines them' }))).toBe('');
  });

  it("keeps the domain's refusals in the catalogue too", () => {
    const domainFiles = sources(path.join(SRC, 'domain')).filter((f) => !f.includes(`${path.sep}errors${path.sep}`));
    const inline = /\bcode:\s*['"`][a-z]+(?:_[a-z0-9]+)*['"`]\s*,\s*message:/;
    expect(format(findAll(domainFiles, inline))).toBe('');
  });
});
