import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      '.vscode-test/**',
      'artifacts/**',
      'node_modules/**',
      'dist-vsix/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      curly: 'error',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // A plain object in its place cuts the link to the real environment: os.tmpdir() and
          // native code stop seeing later changes, so tests run after it behave differently.
          selector: "AssignmentExpression[left.object.name='process'][left.property.name='env']",
          message: 'Change process.env in place (set and delete keys); never replace it.',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    // In-editor feedback for the rule that scripts/layers checks in full.
    files: ['src/**/*.ts'],
    ignores: ['src/features/*/vscode/**', 'src/hosts/vscode/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'Only features/*/vscode and hosts/vscode import vscode.' },
          ],
        },
      ],
    },
  },
);
