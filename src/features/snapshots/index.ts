export {
  captureSnapshot,
  DEFAULT_SNAPSHOT_FOLDER,
  SnapshotError,
  type CaptureSnapshotOptions,
  type CapturedSnapshot,
} from './capture';
export { readPreviousSnapshot } from './previous';
export type * from './model/types';
export { isDailySnapshotDue } from './model/daily';
