import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { visuallyHidden } from './visuallyHidden';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });

describe('visuallyHidden', () => {
  it('sizes in pixels, never as a bare number MUI would read as a fraction (1 = 100 %)', () => {
    expect(visuallyHidden.width).toBe('1px');
    expect(visuallyHidden.height).toBe('1px');
    expect(visuallyHidden.position).toBe('absolute');
  });

  it('is the only visually-hidden style in the dashboard', () => {
    const src = join(__dirname, '..');
    const own = sourceFiles(src).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /clip:\s*'rect\(0/.test(text) && !file.endsWith(join('common', 'visuallyHidden.ts'));
    });
    expect(own).toEqual([]);
  });
});
