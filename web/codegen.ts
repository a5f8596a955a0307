import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the one schema the server is generated from: a
// schema change that breaks a screen fails this build.
const config: CodegenConfig = {
  schema: '../web-schema/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { VND: 'string', DateTime: 'string', Date: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
      },
    },
  },
};
export default config;
