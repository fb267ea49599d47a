export {
  captureSnapshot,
  DEFAULT_SNAPSHOT_FOLDER,
  SnapshotError,
  type CaptureSnapshotOptions,
  type CapturedSnapshot,
} from './capture';
export { readPreviousSnapshot } from './previous';
export type * from '../core/snapshot/types';
export { isDailySnapshotDue } from '../core/snapshot/daily';
