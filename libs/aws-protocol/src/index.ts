/**
 * @idfed/aws-protocol: the AWS wire protocols the gateway speaks, without any framework. JSON 1.1
 * (Cognito), REST-JSON (Cognito Sync), Query with XML answers (STS, IAM), the AWS error vocabulary and its HTTP statuses.
 */
export * from './error-status.table';
export * from './aws.error';
export * from './http-response';
export * from './sigv4-error.mapping';
export * from './json/amz-target.parser';
export * from './json/amz-target.reader';
export * from './json/json-request.parser';
export * from './json/json-response.encoder';
export * from './rest-json/rest-route';
export * from './rest-json/rest-request.binder';
export * from './rest-json/rest-json-response.encoder';
export * from './query/query-request.parser';
export * from './query/query-params';
export * from './query/query-response.encoder';
export * from './query/xml.writer';
export * from './validation/request-validator';
export * from './validation/violation';
export * from './validation/shape-model';
export * from './validation/shape-validator';
export * from './validation/operation-input.validator';
export * from './tags/resource-tags';
export * from './admin-protos/admin-proto.generator';
export * from './admin-protos/typed-json.converter';
