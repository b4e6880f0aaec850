import js from '@eslint/js';
import nx from '@nx/eslint-plugin/nx';
import tseslint from 'typescript-eslint';
import prettierRecommended from 'eslint-plugin-prettier/recommended';

/**
 * Module boundaries in two dimensions (see CONVENTIONS.md): a service reaches another
 * service only through `type:contracts`; shared code never reaches into a service.
 */
const scopes = ['intake', 'triage', 'monitoring', 'feedback', 'reporting'];
const depConstraints = [
  ...scopes.map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
  })),
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['*'] },
  {
    sourceTag: 'type:service',
    onlyDependOnLibsWithTags: [
      'type:service',
      'type:domain',
      'type:contracts',
      'type:infra',
      'type:util',
      'type:testing',
    ],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util', 'type:testing'],
  },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  {
    sourceTag: 'type:infra',
    onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:util', 'type:testing'],
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:testing', 'type:infra', 'type:contracts', 'type:util', 'type:domain'],
  },
];

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/tmp', '**/coverage', '**/*.cjs', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Formatting is Prettier's (.prettierrc), checked as a lint rule.
  prettierRecommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    // Lets consistent-type-imports keep value imports that Nest's decorator metadata needs at run time.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: [], enforceBuildableLibDependency: false, depConstraints },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The all-in-one process is the one composition root that mounts the services' root modules.
    files: ['services/all-in-one/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: scopes.map((scope) => `@hypercare/${scope}`),
          enforceBuildableLibDependency: false,
          depConstraints,
        },
      ],
    },
  },
  {
    // Test helpers (type:testing libraries, each library's testing entry) are for tests only:
    // production code that imports them fails lint.
    files: ['{libs,services}/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.fixture.ts',
      '**/testing.ts',
      '**/*.testing.ts',
      '**/contract/**',
      '**/bench/**',
      'libs/testing/**',
      'libs/e2e/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@hypercare/testing', '@hypercare/*/testing'],
              message: 'test helpers are for spec, fixture and testing files only',
            },
          ],
        },
      ],
    },
  },
  {
    // Benchmarks are command-line programs: their tables are their output.
    files: ['**/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
