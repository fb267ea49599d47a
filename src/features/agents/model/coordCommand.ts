/** How to start `coord`: a program and its leading arguments, with environment it needs. */
export interface CoordLauncher {
  command: readonly string[];
  env?: Readonly<Record<string, string>>;
}
