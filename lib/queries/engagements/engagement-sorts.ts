// The orders the engagements list offers (API ?sort= and the console's column headers).
export const ENGAGEMENT_LIST_SORTS = ['-createdAt', 'createdAt', '-value', 'value'] as const;
export type EngagementListSort = (typeof ENGAGEMENT_LIST_SORTS)[number];
