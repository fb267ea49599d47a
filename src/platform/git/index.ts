/** The one git module: every git call in the project goes through here. */
export { GitError, isGitError } from './errors';
export type { GitErrorReason, GitFailure } from './errors';
export { runGit } from './exec';
export type { GitResult, GitRunOptions } from './exec';
export { gitCommonDir, mainWorktreeRoot, worktreeTopLevel } from './repository';
export { listWorktrees, addWorktree, removeWorktree, pruneWorktrees } from './worktrees';
export type { AddWorktreeOptions } from './worktrees';
export {
  branchExists,
  hasCommits,
  resolveCommit,
  defaultBranch,
  currentBranch,
  deleteBranch,
  isMergedInto,
  gitAcceptsBranchName,
} from './refs';
export {
  worktreeStatus,
  worktreeChangeCounts,
  aheadBehind,
  lastCommit,
  commitSummaries,
  unpushedCount,
} from './status';
export type { CommitSummary } from './status';
export { untrackedPaths, gitPath } from './files';
export { attributeValue, localConfigValue, setLocalConfig } from './config';
export { changedPathsSinceMergeBase, authorsSince } from './diff';
export {
  scratchObjects,
  mergeCommitPairs,
  conflictMarkerCounts,
  mergeBase,
  branchesContaining,
  changedPaths,
  snapshotWorktree,
} from './merge';
export type { ScratchObjects, MergeRefusal, MergeRunOptions } from './merge';
export { branchTips, commitFolders, folderChangesAgainst } from './branchTips';
export type { BranchTip, FolderChanges } from './branchTips';
export {
  writeBlob,
  writeBlobFromFile,
  writeFilesCommit,
  updateRefChecked,
  setRef,
  resolveObject,
} from './commitFiles';
export type { FilesCommit, TreeFile } from './commitFiles';
export { readBlobs, blobIds } from './readBlobs';
export { fetchRef, pushRefWithLease } from './remoteRef';
export { listBranchRefs, fetchAllRemotes } from './branchRefs';
export { indexedBlob, setIndexedBlob, restoreIndexedBlob, changedFilesUnder } from './indexEntries';
