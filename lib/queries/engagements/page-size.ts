// Page sizes of the engagements list: each item carries its billed/recognized/collected
// figures (a few aggregate queries per page), so pages stay moderate.
export const DEFAULT_ENGAGEMENT_PAGE_SIZE = 50;
export const MAX_ENGAGEMENT_PAGE_SIZE = 200;
