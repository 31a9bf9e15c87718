/**
 * A protocol answer, independent of any HTTP framework: the gateway copies it onto its response.
 * Header names are spelt as AWS spells them; HTTP treats them case-insensitively.
 */
export interface AwsHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const REQUEST_ID_HEADER = 'x-amzn-RequestId';
export const ERROR_TYPE_HEADER = 'x-amzn-ErrorType';
