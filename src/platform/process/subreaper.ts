import { existsSync } from 'node:fs';

/**
 * A small Perl program that makes itself the child subreaper (prctl PR_SET_CHILD_SUBREAPER) and
 * then runs the shell line as its child: every process the line starts, even one that detaches
 * with setsid, a double fork or a cleared environment, is re-parented to it instead of to init,
 * so the whole run stays one tree that can be found through parent links. It ignores the
 * signals meant for the run (the line gets them back before exec), reaps everything, and exits
 * once nothing is left. On fd 3 it writes `reaper` when it became the subreaper, then `exit N`
 * with the shell's wait status when the shell ends.
 * Perl because Node cannot call prctl without a native module, and Perl is on almost every
 * Linux system (on Debian and Ubuntu it is essential).
 */
const HELPER = `
my ($prctl, $line) = @ARGV;
my $reaper = syscall($prctl, 36, 1, 0, 0, 0) == 0;
$SIG{$_} = 'IGNORE' for qw(TERM INT HUP PIPE);
# Opened by Perl, fd 3 is closed on exec: the shell line does not inherit it.
open(my $report, '>&=', 3) or die;
my $shell = fork();
exit 126 unless defined $shell;
if ($shell == 0) {
  $SIG{$_} = 'DEFAULT' for qw(TERM INT HUP PIPE);
  exec('/bin/sh', '-c', $line) or exit 127;
}
open(STDOUT, '>', '/dev/null');
open(STDERR, '>', '/dev/null');
syswrite($report, "reaper\\n") if $reaper;
while ((my $pid = waitpid(-1, 0)) > 0) {
  syswrite($report, "exit $?\\n") if $pid == $shell;
}
exit 0;
`;

/** prctl's system call number, by Node's name for the architecture. */
const PRCTL_SYSCALL: Partial<Record<string, number>> = {
  x64: 157,
  arm64: 167,
  riscv64: 167,
  loong64: 167,
  ia32: 172,
  arm: 172,
};

const PERL_LOCATIONS = ['/usr/bin/perl', '/bin/perl', '/usr/local/bin/perl'];

let perl: string | null | undefined;

/** The program and arguments that run `command` under the subreaper, or undefined where it cannot. */
export function subreaperLaunch(command: string): { file: string; args: string[] } | undefined {
  const prctl = PRCTL_SYSCALL[process.arch];
  if (process.platform !== 'linux' || prctl === undefined) {
    return undefined;
  }
  if (perl === undefined) {
    perl = PERL_LOCATIONS.find((location) => existsSync(location)) ?? null;
  }
  return perl === null ? undefined : { file: perl, args: ['-e', HELPER, String(prctl), command] };
}
