import { MAX_WORKBOOK_BYTES } from '../workbook/opened';

/**
 * The largest file (workbook or package) the 汇总 page sends through the door: what the browser
 * harness carries in one request. The renderer refuses a bigger file itself, with a message,
 * before reading it; the `qinglang aggregate` command reads larger packages from the disk.
 * (Zod-free, so the renderer can use it.)
 */
export const MAX_BUREAU_FILE_BYTES = MAX_WORKBOOK_BYTES;

/** The longest file name (a path relative to the chosen folder) the door takes; shown only. */
export const MAX_BUREAU_FILE_NAME = 1024;
