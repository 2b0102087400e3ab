// The orders the engagements list offers (API ?sort= and the console's column headers).
// marginVariance: the margin KPI's margin-point variance over the margin period, worst first
// (ascending); -marginVariance best first; engagements without a variance last either way.
export const ENGAGEMENT_LIST_SORTS = ['-createdAt', 'createdAt', '-value', 'value', 'marginVariance', '-marginVariance'] as const;
export type EngagementListSort = (typeof ENGAGEMENT_LIST_SORTS)[number];

export const isMarginSort = (sort: EngagementListSort): sort is 'marginVariance' | '-marginVariance' => sort.endsWith('marginVariance');
