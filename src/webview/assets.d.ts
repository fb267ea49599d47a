declare module '*.css';

/** A worker bundle's code, built by the `inline-worker` esbuild plugin (scripts/esbuild). */
declare module 'inline-worker:*' {
  const source: string;
  export default source;
}
