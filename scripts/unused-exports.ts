// Lists the values (functions, constants, classes, enums) a file exports but no
// other file uses, across server/ db/ bench/ tests/, and exits 1 if there are any:
// an `export` on a value used only in its own file is noise that hides what a
// file's real interface is. Types are not counted (exporting a type costs nothing
// at run time and often documents a signature).
//
// "Used" means referenced by name from another file through the type checker, so
// named imports, `import * as ns` (every export counts as used), re-exports and
// the lazy `(require('./x') as typeof import('./x')).name` pattern all count.
//
// Usage: npx tsx scripts/unused-exports.ts [--quiet]
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '..');
const FOLDERS = ['server', 'db', 'bench', 'tests'];

/** Exports used by tools that name the file, not by an import. */
const ENTRY_POINTS: Readonly<Partial<Record<string, readonly string[]>>> = {
  // jest.config.js: globalSetup
  'tests/support/global-setup.ts': ['default'],
};

interface UnusedExport {
  readonly file: string;
  readonly line: number;
  readonly name: string;
}

function loadProgram(): ts.Program {
  const configPath = resolve(root, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath));
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

function inScope(sf: ts.SourceFile): boolean {
  if (sf.isDeclarationFile) return false;
  const rel = relative(root, sf.fileName);
  return FOLDERS.some((folder) => rel.startsWith(`${folder}/`));
}

function findUnusedExports(program: ts.Program): UnusedExport[] {
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter(inScope);
  const resolveAlias = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const moduleExports = (sf: ts.SourceFile): ts.Symbol[] => {
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    return moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  };

  // Every symbol referenced from a file other than the one that declares it.
  const usedElsewhere = new Set<ts.Symbol>();
  const note = (symbol: ts.Symbol, from: ts.SourceFile): void => {
    const declarations = symbol.declarations ?? [];
    if (declarations.some((d) => d.getSourceFile() !== from)) usedElsewhere.add(symbol);
    // A whole module used as a value (import * as ns): all its exports are in use.
    const moduleFile = declarations.find(ts.isSourceFile);
    if (moduleFile && moduleFile !== from)
      for (const e of moduleExports(moduleFile)) usedElsewhere.add(resolveAlias(e));
  };
  for (const sf of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        if (symbol) note(resolveAlias(symbol), sf);
        if (ts.isShorthandPropertyAssignment(node.parent)) {
          const value = checker.getShorthandAssignmentValueSymbol(node.parent);
          if (value) note(resolveAlias(value), sf);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  const unused: UnusedExport[] = [];
  for (const sf of files) {
    const file = relative(root, sf.fileName);
    for (const exported of moduleExports(sf)) {
      const symbol = resolveAlias(exported);
      const declaration = symbol.declarations?.find((d) => d.getSourceFile() === sf);
      if (!declaration) continue; // a re-export: judged in the file that declares it
      if (!(symbol.flags & ts.SymbolFlags.Value)) continue; // types are not counted
      if (usedElsewhere.has(symbol) || ENTRY_POINTS[file]?.includes(exported.name)) continue;
      const { line } = sf.getLineAndCharacterOfPosition(declaration.getStart());
      unused.push({ file, line: line + 1, name: exported.name });
    }
  }
  return unused.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

const unused = findUnusedExports(loadProgram());
if (!process.argv.includes('--quiet')) for (const u of unused) console.log(`${u.file}:${u.line}  ${u.name}`);
console.log(`${unused.length} exported value(s) used nowhere else`);
process.exitCode = unused.length > 0 ? 1 : 0;
