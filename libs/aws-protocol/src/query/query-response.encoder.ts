import { AwsError } from '../aws.error';
import { errorFault } from '../error-status.table';
import { AwsHttpResponse, REQUEST_ID_HEADER } from '../http-response';
import { escapeXml, xmlContent, XmlObject } from './xml.writer';

/** The XML namespaces of the Query APIs idfed serves; responses must carry them for strict parsers. */
export const QUERY_NAMESPACES = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
} as const;

const XML_CONTENT_TYPE = 'text/xml';

/**
 * `<XResponse xmlns=...><XResult>...</XResult><ResponseMetadata><RequestId>...` — the shape every
 * Query action answers with. Actions without output (IAM DeleteRole) have no Result element.
 */
export function queryResponse(
  action: string,
  namespace: string,
  result: XmlObject | undefined,
  requestId: string,
): AwsHttpResponse {
  assertActionName(action);
  const body =
    `<${action}Response xmlns="${escapeXml(namespace)}">` +
    (result === undefined ? '' : `<${action}Result>${xmlContent(result)}</${action}Result>`) +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${action}Response>`;
  return { status: 200, headers: { 'content-type': XML_CONTENT_TYPE, [REQUEST_ID_HEADER]: requestId }, body };
}

/** `<ErrorResponse><Error><Type>Sender|Receiver</Type><Code>..</Code><Message>..</Message></Error><RequestId>`. */
export function queryErrorResponse(error: AwsError, namespace: string, requestId: string): AwsHttpResponse {
  const body =
    `<ErrorResponse xmlns="${escapeXml(namespace)}">` +
    xmlContent({ Error: { Type: errorFault(error.status), Code: error.errorName, Message: error.message } }) +
    `<RequestId>${escapeXml(requestId)}</RequestId>` +
    `</ErrorResponse>`;
  return {
    status: error.status,
    headers: { 'content-type': XML_CONTENT_TYPE, [REQUEST_ID_HEADER]: requestId },
    body,
  };
}

function assertActionName(action: string): void {
  // The action names the envelope's elements: only a plain identifier may get there.
  if (!/^[A-Z][A-Za-z0-9]*$/.test(action))
    throw new Error(`invalid Query action name: ${JSON.stringify(action)}`);
}
