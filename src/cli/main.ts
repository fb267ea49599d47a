async function main(argv: string[]): Promise<number> {
  process.stdout.write(`coord: ${argv.join(' ')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`coord: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
