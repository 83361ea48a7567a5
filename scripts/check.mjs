// The typecheck and the lint over one TypeScript program: `tsc --noEmit` and typed eslint would each
// build and check the whole project, so this builds it once, reports tsc's diagnostics, then hands the
// same program (its checker already warm) to eslint's typed rules. Same findings as `npm run
// typecheck` and `npm run lint`, in about the time of the lint alone. Exit 1 on any error.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function typecheck() {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) };
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, host);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const format = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  };
  if (diagnostics.length > 0)
    process.stdout.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, format));
  return { program, errors: diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length };
}

function fail(diagnostics) {
  process.stderr.write(ts.formatDiagnostics(diagnostics, ts.createCompilerHost({})));
  process.exit(2);
}

async function lint(program) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false, programs: [program] } },
    },
  });
  const results = await eslint.lintFiles(['.']);
  const text = await (await eslint.loadFormatter('stylish')).format(results);
  if (text) process.stdout.write(text);
  return results.reduce((sum, result) => sum + result.errorCount, 0);
}

const { program, errors } = typecheck();
const lintErrors = await lint(program);
process.stdout.write(`typecheck: ${errors} error(s); lint: ${lintErrors} error(s)\n`);
process.exitCode = errors + lintErrors > 0 ? 1 : 0;
