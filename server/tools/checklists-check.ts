// npm run checklists:check [-- --laws DIR] [--dir checklists]
// Validates every checklist file; with --laws also verifies each basis and
// penalty citation against a folder of law texts (plus the project's own
// checklists/laws/, which holds local regulations the folder lacks). Exits 1 on
// any problem.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadChecklists, formatProblem, type ContentProblem } from '../catalogue/load';
import { LawLibrary } from '../catalogue/laws';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  const dir = resolve(arg('--dir') ?? 'checklists');
  const lawsDir = arg('--laws');
  const result = loadChecklists(dir);
  if (!result.content) {
    for (const p of result.problems) console.error(formatProblem(p));
    console.error(`\n${result.problems.length} problem(s) in ${dir}`);
    return 1;
  }
  const { domains } = result.content;
  let items = 0;
  for (const d of domains) {
    const high = d.items.filter((i) => i.frequency === 'high').length;
    const review = d.items.filter((i) => i.reviewNeeded).length;
    console.log(
      `${String(d.position).padStart(2)} ${d.code} ${String(d.items.length).padStart(3)} items (${high} high, ${review} reviewNeeded)  ${d.name}`,
    );
    items += d.items.length;
  }
  console.log(`${domains.length} domains, ${items} items`);
  for (const s of result.content.scenes)
    console.log(
      `scene ${s.id.padEnd(20)} quick ${String(s.quick.length).padStart(2)}  full ${String(s.full.length).padStart(3)}  ${s.name}`,
    );
  console.log(`${result.content.scenes.length} scenes`);
  if (!lawsDir) return 0;

  const projectLaws = join(dir, 'laws');
  const lawDirs = existsSync(join(projectLaws, 'INDEX.tsv')) ? [resolve(lawsDir), projectLaws] : [resolve(lawsDir)];
  console.log(`law texts: ${lawDirs.join(' + ')}`);
  const laws = new LawLibrary(lawDirs);
  const problems: ContentProblem[] = [];
  const unverified: string[] = [];
  let verified = 0;
  let total = 0;
  for (const d of domains) {
    const file = `checklists/domains/${String(d.position).padStart(2, '0')}-${d.code.toLowerCase()}.yaml`;
    for (const item of d.items) {
      const cites = [
        ...item.basis.map((c, i) => ({ c, path: `/basis/${i}` })),
        ...item.penalty.map((c, i) => ({ c, path: `/penalty/${i}` })),
      ];
      for (const { c, path } of cites) {
        total += 1;
        const verdict = laws.verify(c);
        if (verdict.ok) {
          verified += 1;
          continue;
        }
        if (item.reviewNeeded)
          unverified.push(
            `${file}: item ${item.code}: ${path}: ${verdict.reason} (reviewNeeded: ${item.reviewNote ?? ''})`,
          );
        else
          problems.push({
            file,
            item: item.code,
            path,
            message: `${verdict.reason} — fix the citation or mark the item reviewNeeded with a reviewNote`,
          });
      }
    }
  }
  for (const u of unverified) console.log(`unverified: ${u}`);
  for (const p of problems) console.error(formatProblem(p));
  const pct = total === 0 ? 100 : (100 * verified) / total;
  console.log(
    `citations: ${verified} verified, ${total - verified} unverified of ${total} (${pct.toFixed(1)}% verified)`,
  );
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = main();
