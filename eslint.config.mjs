import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Node's built-ins by every name they can be imported by: `fs` as well as `node:fs`, `fs/promises`. */
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/]/g, '\\/'));
const nodeBuiltins = (where) => ({
  regex: `^(node:.*|(${NODE_BUILTINS.join('|')})(\\/.*)?)$`,
  message: `${where}: no Node built-ins (fs, path, node:…).`,
});
const ELECTRON = { name: 'electron', message: 'Only src/main imports electron.' };
const SQLITE = {
  name: 'better-sqlite3',
  message: 'Only src/core/db opens a connection: go through the DbContext (read/write).',
};

/**
 * The layers DESIGN.md draws, imports only downwards: renderer → shared; main/host → core → shared;
 * preload → shared. `upwards` lists the folders a layer must not import from.
 */
const layer = (files, { upwards, extraPaths = [], extraPatterns = [] }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: extraPaths,
        patterns: [
          ...upwards.map((dir) => ({
            group: [`**/${dir}`, `**/${dir}/**`],
            message: `This layer must not import from src/${dir} (imports go downwards only; see DESIGN.md).`,
          })),
          ...extraPatterns,
        ],
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'scratch/**', 'test-results/**', '.electron-native/**', 'bench/results*'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Type-aware rules where the type information is (the TypeScript projects cover src, test, bench, scripts).
    files: ['src/**/*.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // A file over 400 lines does several jobs: split it (DESIGN.md, "Habits").
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }] },
  },
  layer(['src/shared/**/*.ts'], {
    upwards: ['core', 'main', 'host', 'preload', 'renderer'],
    extraPaths: [ELECTRON, SQLITE, { name: 'react', message: 'src/shared is pure TypeScript.' }],
    extraPatterns: [nodeBuiltins('src/shared is pure TypeScript')],
  }),
  layer(['src/core/**/*.ts'], {
    upwards: ['main', 'host', 'preload', 'renderer', 'print'],
    extraPaths: [ELECTRON, SQLITE],
  }),
  {
    // The print layer (React → HTML for the PDF printers in main and host) is pure: no Node, no database.
    files: ['src/print/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(['src/print/**/*.{ts,tsx}'], {
    upwards: ['core', 'main', 'host', 'preload', 'renderer'],
    extraPaths: [ELECTRON, SQLITE],
    extraPatterns: [nodeBuiltins('src/print is pure (it renders a document to HTML)')],
  }),
  {
    // One owner per open database: only the DbContext opens a connection and builds the repositories.
    // The demo seeder writes its history at past clocks, inside a context's transaction; a repository's own
    // file may make one (its per-connection accessor, a clock of its caller's for demo history).
    files: ['src/**/*.ts'],
    ignores: [
      'src/core/app/context.ts',
      'src/core/db/**',
      'src/core/demo/**',
      'src/core/lofte/repo.ts',
      'src/core/walks/repo.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name=/^(IncidentRepo|ReferenceRepo|LofteRepo|WalkRepo)$/]',
          message:
            'Repositories are built once, by the DbContext: use ctx.read / ctx.write and the repos it hands you.',
        },
        {
          selector: 'CallExpression[callee.name="openDatabase"]',
          message: 'Only the DbContext opens a connection: DbContext.open(file, …).',
        },
      ],
    },
  },
  {
    // The connection itself: only the database layer may load better-sqlite3.
    files: ['src/core/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: ['main', 'host', 'preload', 'renderer'].map((dir) => ({
            group: [`**/${dir}`, `**/${dir}/**`],
            message: `This layer must not import from src/${dir}.`,
          })),
        },
      ],
    },
  },
  layer(['src/host/**/*.ts'], { upwards: ['main', 'preload', 'renderer'], extraPaths: [ELECTRON, SQLITE] }),
  layer(['src/main/**/*.ts'], { upwards: ['host', 'preload', 'renderer'], extraPaths: [SQLITE] }),
  layer(['src/preload/**/*.ts'], {
    upwards: ['core', 'main', 'host', 'renderer'],
    extraPaths: [SQLITE],
    extraPatterns: [nodeBuiltins('The preload has no Node access (sandbox)')],
  }),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(['src/renderer/**/*.{ts,tsx}'], {
    upwards: ['core', 'main', 'host', 'preload'],
    extraPaths: [{ name: 'electron', message: 'The renderer talks to the app only through the client.' }, SQLITE],
    extraPatterns: [nodeBuiltins('The renderer talks to the app only through the client')],
  }),
);
