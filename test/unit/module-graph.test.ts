/**
 * The house keeps its shape (issue 10, item 4): no import circle between source files, and the
 * web never reaches into server code. The module graph itself is printed by
 * `npx tsx scripts/module-graph.ts` and drawn in docs/architecture.md.
 */
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, moduleGraph, moduleOf } from '../../scripts/module-graph.ts';

const graph = importGraph();

describe('the import graph', () => {
  it('has no circle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no circle between modules: the module graph is one-way', () => {
    expect(cycles(moduleGraph(graph))).toEqual([]);
  });

  it('keeps the platform below the modules: it imports none of their files, tables included', () => {
    const reaching = [...graph]
      .filter(([file]) => file.startsWith('src/server/platform/'))
      .flatMap(([file, targets]) => targets.filter((t) => moduleOf(t)).map((t) => `${file} → ${t}`));
    expect(reaching).toEqual([]);
  });

  it('keeps core pure: it imports nothing of the server or the pages', () => {
    const reaching = [...graph]
      .filter(([file]) => file.startsWith('src/core/'))
      .flatMap(([file, targets]) =>
        targets.filter((t) => !t.startsWith('src/core/')).map((t) => `${file} → ${t}`),
      );
    expect(reaching).toEqual([]);
  });

  it('finds a circle when there is one (the check itself)', () => {
    const circular = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(circular)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('keeps the pages out of the server: they import core and the generated contract only', () => {
    const reaching = [...graph]
      .filter(([file]) => file.startsWith('src/web/'))
      .flatMap(([file, targets]) =>
        targets
          .filter((t) => t.startsWith('src/server/') || t.startsWith('src/cli/'))
          .map((t) => `${file} → ${t}`),
      );
    expect(reaching).toEqual([]);
  });
});
