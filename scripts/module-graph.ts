/**
 * The server's import graph, read from the source with TypeScript's own import scanner (no
 * bundler, no guessing): file-level cycles, the module-level graph (src/server/modules/<name>)
 * and what the platform layer imports. `npx tsx scripts/module-graph.ts` prints the module graph
 * for docs/architecture.md; test/unit/module-graph.test.ts keeps it one-way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every source file under src/ → the source files it imports (type-only imports included: a circle of types is a circle of ideas). */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => path.resolve(path.dirname(file), spec));
    graph.set(path.relative(ROOT, file), [...new Set(targets.map((t) => path.relative(ROOT, t)))]);
  }
  return graph;
}

/** The strongly connected components with more than one member (Tarjan): each is an import circle. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

/** src/server/modules/<name>/… → name; anything else → null. */
export const moduleOf = (file: string) => /^src\/server\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Module → the other modules its files import. */
export function moduleGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const modules = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = moduleOf(file);
    if (!from) continue;
    const set = modules.get(from) ?? new Set<string>();
    modules.set(from, set);
    for (const t of targets) {
      const to = moduleOf(t);
      if (to && to !== from) set.add(to);
    }
  }
  return new Map([...modules].sort().map(([m, s]) => [m, [...s].sort()]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const graph = importGraph();
  for (const [m, deps] of moduleGraph(graph)) console.log(`${m} → ${deps.join(', ') || '—'}`);
  const circles = cycles(graph);
  console.log(`\n${circles.length} file circle(s)`);
  for (const c of circles) console.log(`- ${c.join(' ↔ ')}`);
  const modCircles = cycles(moduleGraph(graph));
  console.log(`${modCircles.length} module circle(s)`);
  for (const c of modCircles) console.log(`- ${c.join(' ↔ ')}`);
}
