// GitHub's limits on what gc-onboard writes, in one place: every renderer and writer sizes to these.

/** GitHub rejects a comment (or issue) body longer than this many characters (422 "body is too long"). */
export const COMMENT_MAX_CHARS = 65_536;

/** GitHub refuses a step summary larger than 1 MiB. */
export const SUMMARY_MAX_BYTES = 1_048_576;
