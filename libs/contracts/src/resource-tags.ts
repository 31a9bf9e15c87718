/**
 * TagResource, UntagResource and ListTagsForResource, as Cognito user pools (cognito-idp) and
 * identity pools (cognito-identity) both have them: the resource named by its ARN.
 */
export interface TagResourceRequest {
  ResourceArn: string;
  Tags: Record<string, string>;
}
export interface UntagResourceRequest {
  ResourceArn: string;
  TagKeys: string[];
}
export interface ListTagsForResourceRequest {
  ResourceArn: string;
}
export interface ListTagsForResourceResponse {
  Tags?: Record<string, string>;
}
