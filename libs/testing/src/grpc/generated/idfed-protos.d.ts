import * as $protobuf from "protobufjs";
import Long = require("long");
/** Namespace idfed. */
export namespace idfed {

    /** Namespace admin. */
    namespace admin {

        /** Namespace v1. */
        namespace v1 {

            /** Represents an Admin */
            class Admin extends $protobuf.rpc.Service {

                /**
                 * Constructs a new Admin service.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 */
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

                /**
                 * Creates new Admin service using the specified rpc implementation.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 * @returns RPC service. Useful where requests and/or responses are streamed.
                 */
                public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Admin;

                /**
                 * Calls Invoke.
                 * @param request InvokeRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and InvokeResponse
                 */
                public invoke(request: idfed.admin.v1.IInvokeRequest, callback: idfed.admin.v1.Admin.InvokeCallback): void;

                /**
                 * Calls Invoke.
                 * @param request InvokeRequest message or plain object
                 * @returns Promise
                 */
                public invoke(request: idfed.admin.v1.IInvokeRequest): Promise<idfed.admin.v1.InvokeResponse>;

                /**
                 * Calls ListOperations.
                 * @param request ListOperationsRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and ListOperationsResponse
                 */
                public listOperations(request: idfed.admin.v1.IListOperationsRequest, callback: idfed.admin.v1.Admin.ListOperationsCallback): void;

                /**
                 * Calls ListOperations.
                 * @param request ListOperationsRequest message or plain object
                 * @returns Promise
                 */
                public listOperations(request: idfed.admin.v1.IListOperationsRequest): Promise<idfed.admin.v1.ListOperationsResponse>;
            }

            namespace Admin {

                /**
                 * Callback as used by {@link idfed.admin.v1.Admin#invoke}.
                 * @param error Error, if any
                 * @param [response] InvokeResponse
                 */
                type InvokeCallback = (error: (Error|null), response?: idfed.admin.v1.InvokeResponse) => void;

                /**
                 * Callback as used by {@link idfed.admin.v1.Admin#listOperations}.
                 * @param error Error, if any
                 * @param [response] ListOperationsResponse
                 */
                type ListOperationsCallback = (error: (Error|null), response?: idfed.admin.v1.ListOperationsResponse) => void;
            }

            /** Properties of an InvokeRequest. */
            interface IInvokeRequest {

                /** InvokeRequest api */
                api?: (string|null);

                /** InvokeRequest operation */
                operation?: (string|null);

                /** InvokeRequest inputJson */
                inputJson?: (string|null);
            }

            /** Represents an InvokeRequest. */
            class InvokeRequest implements IInvokeRequest {

                /**
                 * Constructs a new InvokeRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.admin.v1.IInvokeRequest);

                /** InvokeRequest api. */
                public api: string;

                /** InvokeRequest operation. */
                public operation: string;

                /** InvokeRequest inputJson. */
                public inputJson: string;

                /**
                 * Creates a new InvokeRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns InvokeRequest instance
                 */
                public static create(properties?: idfed.admin.v1.IInvokeRequest): idfed.admin.v1.InvokeRequest;

                /**
                 * Encodes the specified InvokeRequest message. Does not implicitly {@link idfed.admin.v1.InvokeRequest.verify|verify} messages.
                 * @param m InvokeRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.admin.v1.IInvokeRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified InvokeRequest message, length delimited. Does not implicitly {@link idfed.admin.v1.InvokeRequest.verify|verify} messages.
                 * @param message InvokeRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.admin.v1.IInvokeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an InvokeRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns InvokeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.admin.v1.InvokeRequest;

                /**
                 * Decodes an InvokeRequest message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns InvokeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.admin.v1.InvokeRequest;

                /**
                 * Verifies an InvokeRequest message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates an InvokeRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns InvokeRequest
                 */
                public static fromObject(d: { [k: string]: any }): idfed.admin.v1.InvokeRequest;

                /**
                 * Creates a plain object from an InvokeRequest message. Also converts values to other types if specified.
                 * @param m InvokeRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.admin.v1.InvokeRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this InvokeRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for InvokeRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an InvokeResponse. */
            interface IInvokeResponse {

                /** InvokeResponse outputJson */
                outputJson?: (string|null);
            }

            /** Represents an InvokeResponse. */
            class InvokeResponse implements IInvokeResponse {

                /**
                 * Constructs a new InvokeResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.admin.v1.IInvokeResponse);

                /** InvokeResponse outputJson. */
                public outputJson: string;

                /**
                 * Creates a new InvokeResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns InvokeResponse instance
                 */
                public static create(properties?: idfed.admin.v1.IInvokeResponse): idfed.admin.v1.InvokeResponse;

                /**
                 * Encodes the specified InvokeResponse message. Does not implicitly {@link idfed.admin.v1.InvokeResponse.verify|verify} messages.
                 * @param m InvokeResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.admin.v1.IInvokeResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified InvokeResponse message, length delimited. Does not implicitly {@link idfed.admin.v1.InvokeResponse.verify|verify} messages.
                 * @param message InvokeResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.admin.v1.IInvokeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an InvokeResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns InvokeResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.admin.v1.InvokeResponse;

                /**
                 * Decodes an InvokeResponse message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns InvokeResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.admin.v1.InvokeResponse;

                /**
                 * Verifies an InvokeResponse message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates an InvokeResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns InvokeResponse
                 */
                public static fromObject(d: { [k: string]: any }): idfed.admin.v1.InvokeResponse;

                /**
                 * Creates a plain object from an InvokeResponse message. Also converts values to other types if specified.
                 * @param m InvokeResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.admin.v1.InvokeResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this InvokeResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for InvokeResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a ListOperationsRequest. */
            interface IListOperationsRequest {
            }

            /** Represents a ListOperationsRequest. */
            class ListOperationsRequest implements IListOperationsRequest {

                /**
                 * Constructs a new ListOperationsRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.admin.v1.IListOperationsRequest);

                /**
                 * Creates a new ListOperationsRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ListOperationsRequest instance
                 */
                public static create(properties?: idfed.admin.v1.IListOperationsRequest): idfed.admin.v1.ListOperationsRequest;

                /**
                 * Encodes the specified ListOperationsRequest message. Does not implicitly {@link idfed.admin.v1.ListOperationsRequest.verify|verify} messages.
                 * @param m ListOperationsRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.admin.v1.IListOperationsRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified ListOperationsRequest message, length delimited. Does not implicitly {@link idfed.admin.v1.ListOperationsRequest.verify|verify} messages.
                 * @param message ListOperationsRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.admin.v1.IListOperationsRequest, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ListOperationsRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns ListOperationsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.admin.v1.ListOperationsRequest;

                /**
                 * Decodes a ListOperationsRequest message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns ListOperationsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.admin.v1.ListOperationsRequest;

                /**
                 * Verifies a ListOperationsRequest message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a ListOperationsRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns ListOperationsRequest
                 */
                public static fromObject(d: { [k: string]: any }): idfed.admin.v1.ListOperationsRequest;

                /**
                 * Creates a plain object from a ListOperationsRequest message. Also converts values to other types if specified.
                 * @param m ListOperationsRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.admin.v1.ListOperationsRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ListOperationsRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for ListOperationsRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an Operation. */
            interface IOperation {

                /** Operation api */
                api?: (string|null);

                /** Operation name */
                name?: (string|null);
            }

            /** Represents an Operation. */
            class Operation implements IOperation {

                /**
                 * Constructs a new Operation.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.admin.v1.IOperation);

                /** Operation api. */
                public api: string;

                /** Operation name. */
                public name: string;

                /**
                 * Creates a new Operation instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Operation instance
                 */
                public static create(properties?: idfed.admin.v1.IOperation): idfed.admin.v1.Operation;

                /**
                 * Encodes the specified Operation message. Does not implicitly {@link idfed.admin.v1.Operation.verify|verify} messages.
                 * @param m Operation message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.admin.v1.IOperation, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified Operation message, length delimited. Does not implicitly {@link idfed.admin.v1.Operation.verify|verify} messages.
                 * @param message Operation message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.admin.v1.IOperation, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Operation message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Operation
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.admin.v1.Operation;

                /**
                 * Decodes an Operation message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns Operation
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.admin.v1.Operation;

                /**
                 * Verifies an Operation message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates an Operation message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Operation
                 */
                public static fromObject(d: { [k: string]: any }): idfed.admin.v1.Operation;

                /**
                 * Creates a plain object from an Operation message. Also converts values to other types if specified.
                 * @param m Operation
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.admin.v1.Operation, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Operation to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Operation
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a ListOperationsResponse. */
            interface IListOperationsResponse {

                /** ListOperationsResponse operations */
                operations?: (idfed.admin.v1.IOperation[]|null);
            }

            /** Represents a ListOperationsResponse. */
            class ListOperationsResponse implements IListOperationsResponse {

                /**
                 * Constructs a new ListOperationsResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.admin.v1.IListOperationsResponse);

                /** ListOperationsResponse operations. */
                public operations: idfed.admin.v1.IOperation[];

                /**
                 * Creates a new ListOperationsResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ListOperationsResponse instance
                 */
                public static create(properties?: idfed.admin.v1.IListOperationsResponse): idfed.admin.v1.ListOperationsResponse;

                /**
                 * Encodes the specified ListOperationsResponse message. Does not implicitly {@link idfed.admin.v1.ListOperationsResponse.verify|verify} messages.
                 * @param m ListOperationsResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.admin.v1.IListOperationsResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified ListOperationsResponse message, length delimited. Does not implicitly {@link idfed.admin.v1.ListOperationsResponse.verify|verify} messages.
                 * @param message ListOperationsResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.admin.v1.IListOperationsResponse, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ListOperationsResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns ListOperationsResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.admin.v1.ListOperationsResponse;

                /**
                 * Decodes a ListOperationsResponse message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns ListOperationsResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.admin.v1.ListOperationsResponse;

                /**
                 * Verifies a ListOperationsResponse message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a ListOperationsResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns ListOperationsResponse
                 */
                public static fromObject(d: { [k: string]: any }): idfed.admin.v1.ListOperationsResponse;

                /**
                 * Creates a plain object from a ListOperationsResponse message. Also converts values to other types if specified.
                 * @param m ListOperationsResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.admin.v1.ListOperationsResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ListOperationsResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for ListOperationsResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }
        }
    }

    /** Namespace authorizer. */
    namespace authorizer {

        /** Namespace v1. */
        namespace v1 {

            /** Represents an Authorizer */
            class Authorizer extends $protobuf.rpc.Service {

                /**
                 * Constructs a new Authorizer service.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 */
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

                /**
                 * Creates new Authorizer service using the specified rpc implementation.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 * @returns RPC service. Useful where requests and/or responses are streamed.
                 */
                public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Authorizer;

                /**
                 * Calls Authorize.
                 * @param request AuthorizeRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and AuthorizeResponse
                 */
                public authorize(request: idfed.authorizer.v1.IAuthorizeRequest, callback: idfed.authorizer.v1.Authorizer.AuthorizeCallback): void;

                /**
                 * Calls Authorize.
                 * @param request AuthorizeRequest message or plain object
                 * @returns Promise
                 */
                public authorize(request: idfed.authorizer.v1.IAuthorizeRequest): Promise<idfed.authorizer.v1.AuthorizeResponse>;
            }

            namespace Authorizer {

                /**
                 * Callback as used by {@link idfed.authorizer.v1.Authorizer#authorize}.
                 * @param error Error, if any
                 * @param [response] AuthorizeResponse
                 */
                type AuthorizeCallback = (error: (Error|null), response?: idfed.authorizer.v1.AuthorizeResponse) => void;
            }

            /** Properties of a SignedRequest. */
            interface ISignedRequest {

                /** SignedRequest method */
                method?: (string|null);

                /** SignedRequest path */
                path?: (string|null);

                /** SignedRequest query */
                query?: (string|null);

                /** SignedRequest headers */
                headers?: ({ [k: string]: idfed.authorizer.v1.IHeaderValues }|null);

                /** SignedRequest body */
                body?: (Uint8Array|null);

                /** SignedRequest service */
                service?: (string|null);

                /** SignedRequest region */
                region?: (string|null);
            }

            /** Represents a SignedRequest. */
            class SignedRequest implements ISignedRequest {

                /**
                 * Constructs a new SignedRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.authorizer.v1.ISignedRequest);

                /** SignedRequest method. */
                public method: string;

                /** SignedRequest path. */
                public path: string;

                /** SignedRequest query. */
                public query: string;

                /** SignedRequest headers. */
                public headers: { [k: string]: idfed.authorizer.v1.IHeaderValues };

                /** SignedRequest body. */
                public body: Uint8Array;

                /** SignedRequest service. */
                public service: string;

                /** SignedRequest region. */
                public region: string;

                /**
                 * Creates a new SignedRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SignedRequest instance
                 */
                public static create(properties?: idfed.authorizer.v1.ISignedRequest): idfed.authorizer.v1.SignedRequest;

                /**
                 * Encodes the specified SignedRequest message. Does not implicitly {@link idfed.authorizer.v1.SignedRequest.verify|verify} messages.
                 * @param m SignedRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.authorizer.v1.ISignedRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified SignedRequest message, length delimited. Does not implicitly {@link idfed.authorizer.v1.SignedRequest.verify|verify} messages.
                 * @param message SignedRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.authorizer.v1.ISignedRequest, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SignedRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns SignedRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.authorizer.v1.SignedRequest;

                /**
                 * Decodes a SignedRequest message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns SignedRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.authorizer.v1.SignedRequest;

                /**
                 * Verifies a SignedRequest message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a SignedRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns SignedRequest
                 */
                public static fromObject(d: { [k: string]: any }): idfed.authorizer.v1.SignedRequest;

                /**
                 * Creates a plain object from a SignedRequest message. Also converts values to other types if specified.
                 * @param m SignedRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.authorizer.v1.SignedRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this SignedRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for SignedRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a HeaderValues. */
            interface IHeaderValues {

                /** HeaderValues values */
                values?: (string[]|null);
            }

            /** Represents a HeaderValues. */
            class HeaderValues implements IHeaderValues {

                /**
                 * Constructs a new HeaderValues.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.authorizer.v1.IHeaderValues);

                /** HeaderValues values. */
                public values: string[];

                /**
                 * Creates a new HeaderValues instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns HeaderValues instance
                 */
                public static create(properties?: idfed.authorizer.v1.IHeaderValues): idfed.authorizer.v1.HeaderValues;

                /**
                 * Encodes the specified HeaderValues message. Does not implicitly {@link idfed.authorizer.v1.HeaderValues.verify|verify} messages.
                 * @param m HeaderValues message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.authorizer.v1.IHeaderValues, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified HeaderValues message, length delimited. Does not implicitly {@link idfed.authorizer.v1.HeaderValues.verify|verify} messages.
                 * @param message HeaderValues message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.authorizer.v1.IHeaderValues, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a HeaderValues message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns HeaderValues
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.authorizer.v1.HeaderValues;

                /**
                 * Decodes a HeaderValues message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns HeaderValues
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.authorizer.v1.HeaderValues;

                /**
                 * Verifies a HeaderValues message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a HeaderValues message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns HeaderValues
                 */
                public static fromObject(d: { [k: string]: any }): idfed.authorizer.v1.HeaderValues;

                /**
                 * Creates a plain object from a HeaderValues message. Also converts values to other types if specified.
                 * @param m HeaderValues
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.authorizer.v1.HeaderValues, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this HeaderValues to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for HeaderValues
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a SessionCredentials. */
            interface ISessionCredentials {

                /** SessionCredentials accessKeyId */
                accessKeyId?: (string|null);

                /** SessionCredentials sessionToken */
                sessionToken?: (string|null);
            }

            /** Represents a SessionCredentials. */
            class SessionCredentials implements ISessionCredentials {

                /**
                 * Constructs a new SessionCredentials.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.authorizer.v1.ISessionCredentials);

                /** SessionCredentials accessKeyId. */
                public accessKeyId: string;

                /** SessionCredentials sessionToken. */
                public sessionToken: string;

                /**
                 * Creates a new SessionCredentials instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SessionCredentials instance
                 */
                public static create(properties?: idfed.authorizer.v1.ISessionCredentials): idfed.authorizer.v1.SessionCredentials;

                /**
                 * Encodes the specified SessionCredentials message. Does not implicitly {@link idfed.authorizer.v1.SessionCredentials.verify|verify} messages.
                 * @param m SessionCredentials message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.authorizer.v1.ISessionCredentials, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified SessionCredentials message, length delimited. Does not implicitly {@link idfed.authorizer.v1.SessionCredentials.verify|verify} messages.
                 * @param message SessionCredentials message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.authorizer.v1.ISessionCredentials, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SessionCredentials message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns SessionCredentials
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.authorizer.v1.SessionCredentials;

                /**
                 * Decodes a SessionCredentials message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns SessionCredentials
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.authorizer.v1.SessionCredentials;

                /**
                 * Verifies a SessionCredentials message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a SessionCredentials message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns SessionCredentials
                 */
                public static fromObject(d: { [k: string]: any }): idfed.authorizer.v1.SessionCredentials;

                /**
                 * Creates a plain object from a SessionCredentials message. Also converts values to other types if specified.
                 * @param m SessionCredentials
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.authorizer.v1.SessionCredentials, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this SessionCredentials to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for SessionCredentials
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an AuthorizeRequest. */
            interface IAuthorizeRequest {

                /** AuthorizeRequest action */
                action?: (string|null);

                /** AuthorizeRequest resource */
                resource?: (string|null);

                /** AuthorizeRequest contextJson */
                contextJson?: ({ [k: string]: string }|null);

                /** AuthorizeRequest request */
                request?: (idfed.authorizer.v1.ISignedRequest|null);

                /** AuthorizeRequest credentials */
                credentials?: (idfed.authorizer.v1.ISessionCredentials|null);
            }

            /** Represents an AuthorizeRequest. */
            class AuthorizeRequest implements IAuthorizeRequest {

                /**
                 * Constructs a new AuthorizeRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.authorizer.v1.IAuthorizeRequest);

                /** AuthorizeRequest action. */
                public action: string;

                /** AuthorizeRequest resource. */
                public resource: string;

                /** AuthorizeRequest contextJson. */
                public contextJson: { [k: string]: string };

                /** AuthorizeRequest request. */
                public request?: (idfed.authorizer.v1.ISignedRequest|null);

                /** AuthorizeRequest credentials. */
                public credentials?: (idfed.authorizer.v1.ISessionCredentials|null);

                /** AuthorizeRequest subject. */
                public subject?: ("request"|"credentials");

                /**
                 * Creates a new AuthorizeRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns AuthorizeRequest instance
                 */
                public static create(properties?: idfed.authorizer.v1.IAuthorizeRequest): idfed.authorizer.v1.AuthorizeRequest;

                /**
                 * Encodes the specified AuthorizeRequest message. Does not implicitly {@link idfed.authorizer.v1.AuthorizeRequest.verify|verify} messages.
                 * @param m AuthorizeRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.authorizer.v1.IAuthorizeRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified AuthorizeRequest message, length delimited. Does not implicitly {@link idfed.authorizer.v1.AuthorizeRequest.verify|verify} messages.
                 * @param message AuthorizeRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.authorizer.v1.IAuthorizeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AuthorizeRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns AuthorizeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.authorizer.v1.AuthorizeRequest;

                /**
                 * Decodes an AuthorizeRequest message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns AuthorizeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.authorizer.v1.AuthorizeRequest;

                /**
                 * Verifies an AuthorizeRequest message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates an AuthorizeRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns AuthorizeRequest
                 */
                public static fromObject(d: { [k: string]: any }): idfed.authorizer.v1.AuthorizeRequest;

                /**
                 * Creates a plain object from an AuthorizeRequest message. Also converts values to other types if specified.
                 * @param m AuthorizeRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.authorizer.v1.AuthorizeRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this AuthorizeRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for AuthorizeRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a Principal. */
            interface IPrincipal {

                /** Principal type */
                type?: (string|null);

                /** Principal arn */
                arn?: (string|null);

                /** Principal accountId */
                accountId?: (string|null);

                /** Principal userId */
                userId?: (string|null);

                /** Principal roleArn */
                roleArn?: (string|null);

                /** Principal sessionName */
                sessionName?: (string|null);

                /** Principal json */
                json?: (string|null);
            }

            /** Represents a Principal. */
            class Principal implements IPrincipal {

                /**
                 * Constructs a new Principal.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.authorizer.v1.IPrincipal);

                /** Principal type. */
                public type: string;

                /** Principal arn. */
                public arn: string;

                /** Principal accountId. */
                public accountId: string;

                /** Principal userId. */
                public userId: string;

                /** Principal roleArn. */
                public roleArn: string;

                /** Principal sessionName. */
                public sessionName: string;

                /** Principal json. */
                public json: string;

                /**
                 * Creates a new Principal instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Principal instance
                 */
                public static create(properties?: idfed.authorizer.v1.IPrincipal): idfed.authorizer.v1.Principal;

                /**
                 * Encodes the specified Principal message. Does not implicitly {@link idfed.authorizer.v1.Principal.verify|verify} messages.
                 * @param m Principal message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.authorizer.v1.IPrincipal, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified Principal message, length delimited. Does not implicitly {@link idfed.authorizer.v1.Principal.verify|verify} messages.
                 * @param message Principal message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.authorizer.v1.IPrincipal, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Principal message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Principal
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.authorizer.v1.Principal;

                /**
                 * Decodes a Principal message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns Principal
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.authorizer.v1.Principal;

                /**
                 * Verifies a Principal message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a Principal message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Principal
                 */
                public static fromObject(d: { [k: string]: any }): idfed.authorizer.v1.Principal;

                /**
                 * Creates a plain object from a Principal message. Also converts values to other types if specified.
                 * @param m Principal
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.authorizer.v1.Principal, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Principal to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Principal
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a DecidingStatement. */
            interface IDecidingStatement {

                /** DecidingStatement policy */
                policy?: (string|null);

                /** DecidingStatement sid */
                sid?: (string|null);

                /** DecidingStatement effect */
                effect?: (string|null);
            }

            /** Represents a DecidingStatement. */
            class DecidingStatement implements IDecidingStatement {

                /**
                 * Constructs a new DecidingStatement.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.authorizer.v1.IDecidingStatement);

                /** DecidingStatement policy. */
                public policy: string;

                /** DecidingStatement sid. */
                public sid: string;

                /** DecidingStatement effect. */
                public effect: string;

                /**
                 * Creates a new DecidingStatement instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns DecidingStatement instance
                 */
                public static create(properties?: idfed.authorizer.v1.IDecidingStatement): idfed.authorizer.v1.DecidingStatement;

                /**
                 * Encodes the specified DecidingStatement message. Does not implicitly {@link idfed.authorizer.v1.DecidingStatement.verify|verify} messages.
                 * @param m DecidingStatement message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.authorizer.v1.IDecidingStatement, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified DecidingStatement message, length delimited. Does not implicitly {@link idfed.authorizer.v1.DecidingStatement.verify|verify} messages.
                 * @param message DecidingStatement message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.authorizer.v1.IDecidingStatement, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DecidingStatement message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns DecidingStatement
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.authorizer.v1.DecidingStatement;

                /**
                 * Decodes a DecidingStatement message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns DecidingStatement
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.authorizer.v1.DecidingStatement;

                /**
                 * Verifies a DecidingStatement message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a DecidingStatement message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns DecidingStatement
                 */
                public static fromObject(d: { [k: string]: any }): idfed.authorizer.v1.DecidingStatement;

                /**
                 * Creates a plain object from a DecidingStatement message. Also converts values to other types if specified.
                 * @param m DecidingStatement
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.authorizer.v1.DecidingStatement, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this DecidingStatement to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for DecidingStatement
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an AuthorizeResponse. */
            interface IAuthorizeResponse {

                /** AuthorizeResponse authenticated */
                authenticated?: (boolean|null);

                /** AuthorizeResponse allowed */
                allowed?: (boolean|null);

                /** AuthorizeResponse decision */
                decision?: (string|null);

                /** AuthorizeResponse reason */
                reason?: (string|null);

                /** AuthorizeResponse principal */
                principal?: (idfed.authorizer.v1.IPrincipal|null);

                /** AuthorizeResponse decidedBy */
                decidedBy?: (idfed.authorizer.v1.IDecidingStatement|null);

                /** AuthorizeResponse errorName */
                errorName?: (string|null);

                /** AuthorizeResponse errorMessage */
                errorMessage?: (string|null);
            }

            /** Represents an AuthorizeResponse. */
            class AuthorizeResponse implements IAuthorizeResponse {

                /**
                 * Constructs a new AuthorizeResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.authorizer.v1.IAuthorizeResponse);

                /** AuthorizeResponse authenticated. */
                public authenticated: boolean;

                /** AuthorizeResponse allowed. */
                public allowed: boolean;

                /** AuthorizeResponse decision. */
                public decision: string;

                /** AuthorizeResponse reason. */
                public reason: string;

                /** AuthorizeResponse principal. */
                public principal?: (idfed.authorizer.v1.IPrincipal|null);

                /** AuthorizeResponse decidedBy. */
                public decidedBy?: (idfed.authorizer.v1.IDecidingStatement|null);

                /** AuthorizeResponse errorName. */
                public errorName: string;

                /** AuthorizeResponse errorMessage. */
                public errorMessage: string;

                /**
                 * Creates a new AuthorizeResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns AuthorizeResponse instance
                 */
                public static create(properties?: idfed.authorizer.v1.IAuthorizeResponse): idfed.authorizer.v1.AuthorizeResponse;

                /**
                 * Encodes the specified AuthorizeResponse message. Does not implicitly {@link idfed.authorizer.v1.AuthorizeResponse.verify|verify} messages.
                 * @param m AuthorizeResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.authorizer.v1.IAuthorizeResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified AuthorizeResponse message, length delimited. Does not implicitly {@link idfed.authorizer.v1.AuthorizeResponse.verify|verify} messages.
                 * @param message AuthorizeResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.authorizer.v1.IAuthorizeResponse, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AuthorizeResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns AuthorizeResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.authorizer.v1.AuthorizeResponse;

                /**
                 * Decodes an AuthorizeResponse message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns AuthorizeResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.authorizer.v1.AuthorizeResponse;

                /**
                 * Verifies an AuthorizeResponse message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates an AuthorizeResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns AuthorizeResponse
                 */
                public static fromObject(d: { [k: string]: any }): idfed.authorizer.v1.AuthorizeResponse;

                /**
                 * Creates a plain object from an AuthorizeResponse message. Also converts values to other types if specified.
                 * @param m AuthorizeResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.authorizer.v1.AuthorizeResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this AuthorizeResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for AuthorizeResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }
        }
    }

    /** Namespace events. */
    namespace events {

        /** Namespace v1. */
        namespace v1 {

            /** Represents an AccountEvents */
            class AccountEvents extends $protobuf.rpc.Service {

                /**
                 * Constructs a new AccountEvents service.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 */
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

                /**
                 * Creates new AccountEvents service using the specified rpc implementation.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 * @returns RPC service. Useful where requests and/or responses are streamed.
                 */
                public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): AccountEvents;

                /**
                 * Calls Subscribe.
                 * @param request SubscribeRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and AccountEvent
                 */
                public subscribe(request: idfed.events.v1.ISubscribeRequest, callback: idfed.events.v1.AccountEvents.SubscribeCallback): void;

                /**
                 * Calls Subscribe.
                 * @param request SubscribeRequest message or plain object
                 * @returns Promise
                 */
                public subscribe(request: idfed.events.v1.ISubscribeRequest): Promise<idfed.events.v1.AccountEvent>;
            }

            namespace AccountEvents {

                /**
                 * Callback as used by {@link idfed.events.v1.AccountEvents#subscribe}.
                 * @param error Error, if any
                 * @param [response] AccountEvent
                 */
                type SubscribeCallback = (error: (Error|null), response?: idfed.events.v1.AccountEvent) => void;
            }

            /** AccountEventType enum. */
            enum AccountEventType {
                ACCOUNT_EVENT_TYPE_UNSPECIFIED = 0,
                USER_DELETED = 1,
                USER_DISABLED = 2,
                USER_ENABLED = 3,
                USER_SIGNED_OUT = 4,
                SESSION_REVOKED = 5,
                GROUPS_CHANGED = 6,
                USER_POOL_DELETED = 7,
                IDENTITY_MERGED = 8,
                IDENTITY_DELETED = 9,
                DATASET_CHANGED = 10,
                GROUP_CHANGED = 11
            }

            /** GroupChange enum. */
            enum GroupChange {
                GROUP_CHANGE_UNSPECIFIED = 0,
                ADDED = 1,
                REMOVED = 2
            }

            /** GroupDefinitionChange enum. */
            enum GroupDefinitionChange {
                GROUP_DEFINITION_CHANGE_UNSPECIFIED = 0,
                CREATED = 1,
                UPDATED = 2,
                DELETED = 3
            }

            /** Properties of a SubscribeRequest. */
            interface ISubscribeRequest {

                /** SubscribeRequest types */
                types?: (idfed.events.v1.AccountEventType[]|null);

                /** SubscribeRequest userPoolIds */
                userPoolIds?: (string[]|null);

                /** SubscribeRequest identityPoolIds */
                identityPoolIds?: (string[]|null);
            }

            /** Represents a SubscribeRequest. */
            class SubscribeRequest implements ISubscribeRequest {

                /**
                 * Constructs a new SubscribeRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.events.v1.ISubscribeRequest);

                /** SubscribeRequest types. */
                public types: idfed.events.v1.AccountEventType[];

                /** SubscribeRequest userPoolIds. */
                public userPoolIds: string[];

                /** SubscribeRequest identityPoolIds. */
                public identityPoolIds: string[];

                /**
                 * Creates a new SubscribeRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SubscribeRequest instance
                 */
                public static create(properties?: idfed.events.v1.ISubscribeRequest): idfed.events.v1.SubscribeRequest;

                /**
                 * Encodes the specified SubscribeRequest message. Does not implicitly {@link idfed.events.v1.SubscribeRequest.verify|verify} messages.
                 * @param m SubscribeRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.events.v1.ISubscribeRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified SubscribeRequest message, length delimited. Does not implicitly {@link idfed.events.v1.SubscribeRequest.verify|verify} messages.
                 * @param message SubscribeRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.events.v1.ISubscribeRequest, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SubscribeRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns SubscribeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.events.v1.SubscribeRequest;

                /**
                 * Decodes a SubscribeRequest message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns SubscribeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.events.v1.SubscribeRequest;

                /**
                 * Verifies a SubscribeRequest message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a SubscribeRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns SubscribeRequest
                 */
                public static fromObject(d: { [k: string]: any }): idfed.events.v1.SubscribeRequest;

                /**
                 * Creates a plain object from a SubscribeRequest message. Also converts values to other types if specified.
                 * @param m SubscribeRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.events.v1.SubscribeRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this SubscribeRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for SubscribeRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an AccountEvent. */
            interface IAccountEvent {

                /** AccountEvent type */
                type?: (idfed.events.v1.AccountEventType|null);

                /** AccountEvent eventId */
                eventId?: (string|null);

                /** AccountEvent occurredAt */
                occurredAt?: (string|null);

                /** AccountEvent userPoolId */
                userPoolId?: (string|null);

                /** AccountEvent sub */
                sub?: (string|null);

                /** AccountEvent username */
                username?: (string|null);

                /** AccountEvent tokensValidAfter */
                tokensValidAfter?: (string|null);

                /** AccountEvent revokedSessions */
                revokedSessions?: (string[]|null);

                /** AccountEvent groupName */
                groupName?: (string|null);

                /** AccountEvent groupChange */
                groupChange?: (idfed.events.v1.GroupChange|null);

                /** AccountEvent identityPoolId */
                identityPoolId?: (string|null);

                /** AccountEvent identityId */
                identityId?: (string|null);

                /** AccountEvent sourceIdentityId */
                sourceIdentityId?: (string|null);

                /** AccountEvent datasetName */
                datasetName?: (string|null);

                /** AccountEvent syncCount */
                syncCount?: (number|null);

                /** AccountEvent deleted */
                deleted?: (boolean|null);

                /** AccountEvent topic */
                topic?: (string|null);

                /** AccountEvent groupDefinitionChange */
                groupDefinitionChange?: (idfed.events.v1.GroupDefinitionChange|null);

                /** AccountEvent groupRoleArn */
                groupRoleArn?: (string|null);

                /** AccountEvent groupPrecedence */
                groupPrecedence?: (number|null);
            }

            /** Represents an AccountEvent. */
            class AccountEvent implements IAccountEvent {

                /**
                 * Constructs a new AccountEvent.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.events.v1.IAccountEvent);

                /** AccountEvent type. */
                public type: idfed.events.v1.AccountEventType;

                /** AccountEvent eventId. */
                public eventId: string;

                /** AccountEvent occurredAt. */
                public occurredAt: string;

                /** AccountEvent userPoolId. */
                public userPoolId: string;

                /** AccountEvent sub. */
                public sub: string;

                /** AccountEvent username. */
                public username: string;

                /** AccountEvent tokensValidAfter. */
                public tokensValidAfter: string;

                /** AccountEvent revokedSessions. */
                public revokedSessions: string[];

                /** AccountEvent groupName. */
                public groupName: string;

                /** AccountEvent groupChange. */
                public groupChange: idfed.events.v1.GroupChange;

                /** AccountEvent identityPoolId. */
                public identityPoolId: string;

                /** AccountEvent identityId. */
                public identityId: string;

                /** AccountEvent sourceIdentityId. */
                public sourceIdentityId: string;

                /** AccountEvent datasetName. */
                public datasetName: string;

                /** AccountEvent syncCount. */
                public syncCount: number;

                /** AccountEvent deleted. */
                public deleted: boolean;

                /** AccountEvent topic. */
                public topic: string;

                /** AccountEvent groupDefinitionChange. */
                public groupDefinitionChange: idfed.events.v1.GroupDefinitionChange;

                /** AccountEvent groupRoleArn. */
                public groupRoleArn: string;

                /** AccountEvent groupPrecedence. */
                public groupPrecedence?: (number|null);

                /**
                 * Creates a new AccountEvent instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns AccountEvent instance
                 */
                public static create(properties?: idfed.events.v1.IAccountEvent): idfed.events.v1.AccountEvent;

                /**
                 * Encodes the specified AccountEvent message. Does not implicitly {@link idfed.events.v1.AccountEvent.verify|verify} messages.
                 * @param m AccountEvent message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.events.v1.IAccountEvent, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified AccountEvent message, length delimited. Does not implicitly {@link idfed.events.v1.AccountEvent.verify|verify} messages.
                 * @param message AccountEvent message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.events.v1.IAccountEvent, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AccountEvent message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns AccountEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.events.v1.AccountEvent;

                /**
                 * Decodes an AccountEvent message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns AccountEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.events.v1.AccountEvent;

                /**
                 * Verifies an AccountEvent message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates an AccountEvent message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns AccountEvent
                 */
                public static fromObject(d: { [k: string]: any }): idfed.events.v1.AccountEvent;

                /**
                 * Creates a plain object from an AccountEvent message. Also converts values to other types if specified.
                 * @param m AccountEvent
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.events.v1.AccountEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this AccountEvent to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for AccountEvent
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }
        }
    }

    /** Namespace tokens. */
    namespace tokens {

        /** Namespace v1. */
        namespace v1 {

            /** Represents a Tokens */
            class Tokens extends $protobuf.rpc.Service {

                /**
                 * Constructs a new Tokens service.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 */
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

                /**
                 * Creates new Tokens service using the specified rpc implementation.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 * @returns RPC service. Useful where requests and/or responses are streamed.
                 */
                public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Tokens;

                /**
                 * Calls VerifyToken.
                 * @param request VerifyTokenRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and VerifyTokenResponse
                 */
                public verifyToken(request: idfed.tokens.v1.IVerifyTokenRequest, callback: idfed.tokens.v1.Tokens.VerifyTokenCallback): void;

                /**
                 * Calls VerifyToken.
                 * @param request VerifyTokenRequest message or plain object
                 * @returns Promise
                 */
                public verifyToken(request: idfed.tokens.v1.IVerifyTokenRequest): Promise<idfed.tokens.v1.VerifyTokenResponse>;

                /**
                 * Calls VerifyOpenIdToken.
                 * @param request VerifyOpenIdTokenRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and VerifyOpenIdTokenResponse
                 */
                public verifyOpenIdToken(request: idfed.tokens.v1.IVerifyOpenIdTokenRequest, callback: idfed.tokens.v1.Tokens.VerifyOpenIdTokenCallback): void;

                /**
                 * Calls VerifyOpenIdToken.
                 * @param request VerifyOpenIdTokenRequest message or plain object
                 * @returns Promise
                 */
                public verifyOpenIdToken(request: idfed.tokens.v1.IVerifyOpenIdTokenRequest): Promise<idfed.tokens.v1.VerifyOpenIdTokenResponse>;

                /**
                 * Calls VerifyTokens.
                 * @param request VerifyTokensRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and VerifyTokensResponse
                 */
                public verifyTokens(request: idfed.tokens.v1.IVerifyTokensRequest, callback: idfed.tokens.v1.Tokens.VerifyTokensCallback): void;

                /**
                 * Calls VerifyTokens.
                 * @param request VerifyTokensRequest message or plain object
                 * @returns Promise
                 */
                public verifyTokens(request: idfed.tokens.v1.IVerifyTokensRequest): Promise<idfed.tokens.v1.VerifyTokensResponse>;
            }

            namespace Tokens {

                /**
                 * Callback as used by {@link idfed.tokens.v1.Tokens#verifyToken}.
                 * @param error Error, if any
                 * @param [response] VerifyTokenResponse
                 */
                type VerifyTokenCallback = (error: (Error|null), response?: idfed.tokens.v1.VerifyTokenResponse) => void;

                /**
                 * Callback as used by {@link idfed.tokens.v1.Tokens#verifyOpenIdToken}.
                 * @param error Error, if any
                 * @param [response] VerifyOpenIdTokenResponse
                 */
                type VerifyOpenIdTokenCallback = (error: (Error|null), response?: idfed.tokens.v1.VerifyOpenIdTokenResponse) => void;

                /**
                 * Callback as used by {@link idfed.tokens.v1.Tokens#verifyTokens}.
                 * @param error Error, if any
                 * @param [response] VerifyTokensResponse
                 */
                type VerifyTokensCallback = (error: (Error|null), response?: idfed.tokens.v1.VerifyTokensResponse) => void;
            }

            /** Properties of a VerifyTokensRequest. */
            interface IVerifyTokensRequest {

                /** VerifyTokensRequest items */
                items?: (idfed.tokens.v1.IVerifyTokensItem[]|null);
            }

            /** Represents a VerifyTokensRequest. */
            class VerifyTokensRequest implements IVerifyTokensRequest {

                /**
                 * Constructs a new VerifyTokensRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.tokens.v1.IVerifyTokensRequest);

                /** VerifyTokensRequest items. */
                public items: idfed.tokens.v1.IVerifyTokensItem[];

                /**
                 * Creates a new VerifyTokensRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns VerifyTokensRequest instance
                 */
                public static create(properties?: idfed.tokens.v1.IVerifyTokensRequest): idfed.tokens.v1.VerifyTokensRequest;

                /**
                 * Encodes the specified VerifyTokensRequest message. Does not implicitly {@link idfed.tokens.v1.VerifyTokensRequest.verify|verify} messages.
                 * @param m VerifyTokensRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.tokens.v1.IVerifyTokensRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified VerifyTokensRequest message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokensRequest.verify|verify} messages.
                 * @param message VerifyTokensRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.tokens.v1.IVerifyTokensRequest, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VerifyTokensRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns VerifyTokensRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.tokens.v1.VerifyTokensRequest;

                /**
                 * Decodes a VerifyTokensRequest message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns VerifyTokensRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.tokens.v1.VerifyTokensRequest;

                /**
                 * Verifies a VerifyTokensRequest message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a VerifyTokensRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns VerifyTokensRequest
                 */
                public static fromObject(d: { [k: string]: any }): idfed.tokens.v1.VerifyTokensRequest;

                /**
                 * Creates a plain object from a VerifyTokensRequest message. Also converts values to other types if specified.
                 * @param m VerifyTokensRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.tokens.v1.VerifyTokensRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this VerifyTokensRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for VerifyTokensRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a VerifyTokensItem. */
            interface IVerifyTokensItem {

                /** VerifyTokensItem id */
                id?: (string|null);

                /** VerifyTokensItem request */
                request?: (idfed.tokens.v1.IVerifyTokenRequest|null);
            }

            /** Represents a VerifyTokensItem. */
            class VerifyTokensItem implements IVerifyTokensItem {

                /**
                 * Constructs a new VerifyTokensItem.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.tokens.v1.IVerifyTokensItem);

                /** VerifyTokensItem id. */
                public id: string;

                /** VerifyTokensItem request. */
                public request?: (idfed.tokens.v1.IVerifyTokenRequest|null);

                /**
                 * Creates a new VerifyTokensItem instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns VerifyTokensItem instance
                 */
                public static create(properties?: idfed.tokens.v1.IVerifyTokensItem): idfed.tokens.v1.VerifyTokensItem;

                /**
                 * Encodes the specified VerifyTokensItem message. Does not implicitly {@link idfed.tokens.v1.VerifyTokensItem.verify|verify} messages.
                 * @param m VerifyTokensItem message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.tokens.v1.IVerifyTokensItem, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified VerifyTokensItem message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokensItem.verify|verify} messages.
                 * @param message VerifyTokensItem message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.tokens.v1.IVerifyTokensItem, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VerifyTokensItem message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns VerifyTokensItem
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.tokens.v1.VerifyTokensItem;

                /**
                 * Decodes a VerifyTokensItem message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns VerifyTokensItem
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.tokens.v1.VerifyTokensItem;

                /**
                 * Verifies a VerifyTokensItem message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a VerifyTokensItem message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns VerifyTokensItem
                 */
                public static fromObject(d: { [k: string]: any }): idfed.tokens.v1.VerifyTokensItem;

                /**
                 * Creates a plain object from a VerifyTokensItem message. Also converts values to other types if specified.
                 * @param m VerifyTokensItem
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.tokens.v1.VerifyTokensItem, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this VerifyTokensItem to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for VerifyTokensItem
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a VerifyTokensResponse. */
            interface IVerifyTokensResponse {

                /** VerifyTokensResponse results */
                results?: (idfed.tokens.v1.IVerifyTokensResult[]|null);
            }

            /** Represents a VerifyTokensResponse. */
            class VerifyTokensResponse implements IVerifyTokensResponse {

                /**
                 * Constructs a new VerifyTokensResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.tokens.v1.IVerifyTokensResponse);

                /** VerifyTokensResponse results. */
                public results: idfed.tokens.v1.IVerifyTokensResult[];

                /**
                 * Creates a new VerifyTokensResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns VerifyTokensResponse instance
                 */
                public static create(properties?: idfed.tokens.v1.IVerifyTokensResponse): idfed.tokens.v1.VerifyTokensResponse;

                /**
                 * Encodes the specified VerifyTokensResponse message. Does not implicitly {@link idfed.tokens.v1.VerifyTokensResponse.verify|verify} messages.
                 * @param m VerifyTokensResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.tokens.v1.IVerifyTokensResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified VerifyTokensResponse message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokensResponse.verify|verify} messages.
                 * @param message VerifyTokensResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.tokens.v1.IVerifyTokensResponse, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VerifyTokensResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns VerifyTokensResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.tokens.v1.VerifyTokensResponse;

                /**
                 * Decodes a VerifyTokensResponse message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns VerifyTokensResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.tokens.v1.VerifyTokensResponse;

                /**
                 * Verifies a VerifyTokensResponse message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a VerifyTokensResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns VerifyTokensResponse
                 */
                public static fromObject(d: { [k: string]: any }): idfed.tokens.v1.VerifyTokensResponse;

                /**
                 * Creates a plain object from a VerifyTokensResponse message. Also converts values to other types if specified.
                 * @param m VerifyTokensResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.tokens.v1.VerifyTokensResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this VerifyTokensResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for VerifyTokensResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a VerifyTokensResult. */
            interface IVerifyTokensResult {

                /** VerifyTokensResult id */
                id?: (string|null);

                /** VerifyTokensResult response */
                response?: (idfed.tokens.v1.IVerifyTokenResponse|null);
            }

            /** Represents a VerifyTokensResult. */
            class VerifyTokensResult implements IVerifyTokensResult {

                /**
                 * Constructs a new VerifyTokensResult.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.tokens.v1.IVerifyTokensResult);

                /** VerifyTokensResult id. */
                public id: string;

                /** VerifyTokensResult response. */
                public response?: (idfed.tokens.v1.IVerifyTokenResponse|null);

                /**
                 * Creates a new VerifyTokensResult instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns VerifyTokensResult instance
                 */
                public static create(properties?: idfed.tokens.v1.IVerifyTokensResult): idfed.tokens.v1.VerifyTokensResult;

                /**
                 * Encodes the specified VerifyTokensResult message. Does not implicitly {@link idfed.tokens.v1.VerifyTokensResult.verify|verify} messages.
                 * @param m VerifyTokensResult message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.tokens.v1.IVerifyTokensResult, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified VerifyTokensResult message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokensResult.verify|verify} messages.
                 * @param message VerifyTokensResult message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.tokens.v1.IVerifyTokensResult, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VerifyTokensResult message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns VerifyTokensResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.tokens.v1.VerifyTokensResult;

                /**
                 * Decodes a VerifyTokensResult message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns VerifyTokensResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.tokens.v1.VerifyTokensResult;

                /**
                 * Verifies a VerifyTokensResult message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a VerifyTokensResult message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns VerifyTokensResult
                 */
                public static fromObject(d: { [k: string]: any }): idfed.tokens.v1.VerifyTokensResult;

                /**
                 * Creates a plain object from a VerifyTokensResult message. Also converts values to other types if specified.
                 * @param m VerifyTokensResult
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.tokens.v1.VerifyTokensResult, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this VerifyTokensResult to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for VerifyTokensResult
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** TokenUse enum. */
            enum TokenUse {
                TOKEN_USE_UNSPECIFIED = 0,
                TOKEN_USE_ACCESS = 1,
                TOKEN_USE_ID = 2
            }

            /** Properties of a VerifyTokenRequest. */
            interface IVerifyTokenRequest {

                /** VerifyTokenRequest token */
                token?: (string|null);

                /** VerifyTokenRequest userPoolId */
                userPoolId?: (string|null);

                /** VerifyTokenRequest clientIds */
                clientIds?: (string[]|null);

                /** VerifyTokenRequest tokenUse */
                tokenUse?: (idfed.tokens.v1.TokenUse|null);
            }

            /** Represents a VerifyTokenRequest. */
            class VerifyTokenRequest implements IVerifyTokenRequest {

                /**
                 * Constructs a new VerifyTokenRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.tokens.v1.IVerifyTokenRequest);

                /** VerifyTokenRequest token. */
                public token: string;

                /** VerifyTokenRequest userPoolId. */
                public userPoolId: string;

                /** VerifyTokenRequest clientIds. */
                public clientIds: string[];

                /** VerifyTokenRequest tokenUse. */
                public tokenUse: idfed.tokens.v1.TokenUse;

                /**
                 * Creates a new VerifyTokenRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns VerifyTokenRequest instance
                 */
                public static create(properties?: idfed.tokens.v1.IVerifyTokenRequest): idfed.tokens.v1.VerifyTokenRequest;

                /**
                 * Encodes the specified VerifyTokenRequest message. Does not implicitly {@link idfed.tokens.v1.VerifyTokenRequest.verify|verify} messages.
                 * @param m VerifyTokenRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.tokens.v1.IVerifyTokenRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified VerifyTokenRequest message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokenRequest.verify|verify} messages.
                 * @param message VerifyTokenRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.tokens.v1.IVerifyTokenRequest, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VerifyTokenRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns VerifyTokenRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.tokens.v1.VerifyTokenRequest;

                /**
                 * Decodes a VerifyTokenRequest message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns VerifyTokenRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.tokens.v1.VerifyTokenRequest;

                /**
                 * Verifies a VerifyTokenRequest message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a VerifyTokenRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns VerifyTokenRequest
                 */
                public static fromObject(d: { [k: string]: any }): idfed.tokens.v1.VerifyTokenRequest;

                /**
                 * Creates a plain object from a VerifyTokenRequest message. Also converts values to other types if specified.
                 * @param m VerifyTokenRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.tokens.v1.VerifyTokenRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this VerifyTokenRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for VerifyTokenRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a VerifyTokenResponse. */
            interface IVerifyTokenResponse {

                /** VerifyTokenResponse active */
                active?: (boolean|null);

                /** VerifyTokenResponse errorName */
                errorName?: (string|null);

                /** VerifyTokenResponse reason */
                reason?: (string|null);

                /** VerifyTokenResponse userPoolId */
                userPoolId?: (string|null);

                /** VerifyTokenResponse sub */
                sub?: (string|null);

                /** VerifyTokenResponse username */
                username?: (string|null);

                /** VerifyTokenResponse clientId */
                clientId?: (string|null);

                /** VerifyTokenResponse tokenUse */
                tokenUse?: (idfed.tokens.v1.TokenUse|null);

                /** VerifyTokenResponse groups */
                groups?: (string[]|null);

                /** VerifyTokenResponse scope */
                scope?: (string|null);

                /** VerifyTokenResponse issuedAt */
                issuedAt?: (number|null);

                /** VerifyTokenResponse expiresAt */
                expiresAt?: (number|null);

                /** VerifyTokenResponse claimsJson */
                claimsJson?: (string|null);
            }

            /** Represents a VerifyTokenResponse. */
            class VerifyTokenResponse implements IVerifyTokenResponse {

                /**
                 * Constructs a new VerifyTokenResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.tokens.v1.IVerifyTokenResponse);

                /** VerifyTokenResponse active. */
                public active: boolean;

                /** VerifyTokenResponse errorName. */
                public errorName: string;

                /** VerifyTokenResponse reason. */
                public reason: string;

                /** VerifyTokenResponse userPoolId. */
                public userPoolId: string;

                /** VerifyTokenResponse sub. */
                public sub: string;

                /** VerifyTokenResponse username. */
                public username: string;

                /** VerifyTokenResponse clientId. */
                public clientId: string;

                /** VerifyTokenResponse tokenUse. */
                public tokenUse: idfed.tokens.v1.TokenUse;

                /** VerifyTokenResponse groups. */
                public groups: string[];

                /** VerifyTokenResponse scope. */
                public scope: string;

                /** VerifyTokenResponse issuedAt. */
                public issuedAt: number;

                /** VerifyTokenResponse expiresAt. */
                public expiresAt: number;

                /** VerifyTokenResponse claimsJson. */
                public claimsJson: string;

                /**
                 * Creates a new VerifyTokenResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns VerifyTokenResponse instance
                 */
                public static create(properties?: idfed.tokens.v1.IVerifyTokenResponse): idfed.tokens.v1.VerifyTokenResponse;

                /**
                 * Encodes the specified VerifyTokenResponse message. Does not implicitly {@link idfed.tokens.v1.VerifyTokenResponse.verify|verify} messages.
                 * @param m VerifyTokenResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.tokens.v1.IVerifyTokenResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified VerifyTokenResponse message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokenResponse.verify|verify} messages.
                 * @param message VerifyTokenResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.tokens.v1.IVerifyTokenResponse, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VerifyTokenResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns VerifyTokenResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.tokens.v1.VerifyTokenResponse;

                /**
                 * Decodes a VerifyTokenResponse message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns VerifyTokenResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.tokens.v1.VerifyTokenResponse;

                /**
                 * Verifies a VerifyTokenResponse message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a VerifyTokenResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns VerifyTokenResponse
                 */
                public static fromObject(d: { [k: string]: any }): idfed.tokens.v1.VerifyTokenResponse;

                /**
                 * Creates a plain object from a VerifyTokenResponse message. Also converts values to other types if specified.
                 * @param m VerifyTokenResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.tokens.v1.VerifyTokenResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this VerifyTokenResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for VerifyTokenResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a VerifyOpenIdTokenRequest. */
            interface IVerifyOpenIdTokenRequest {

                /** VerifyOpenIdTokenRequest token */
                token?: (string|null);

                /** VerifyOpenIdTokenRequest identityPoolId */
                identityPoolId?: (string|null);
            }

            /** Represents a VerifyOpenIdTokenRequest. */
            class VerifyOpenIdTokenRequest implements IVerifyOpenIdTokenRequest {

                /**
                 * Constructs a new VerifyOpenIdTokenRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.tokens.v1.IVerifyOpenIdTokenRequest);

                /** VerifyOpenIdTokenRequest token. */
                public token: string;

                /** VerifyOpenIdTokenRequest identityPoolId. */
                public identityPoolId: string;

                /**
                 * Creates a new VerifyOpenIdTokenRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns VerifyOpenIdTokenRequest instance
                 */
                public static create(properties?: idfed.tokens.v1.IVerifyOpenIdTokenRequest): idfed.tokens.v1.VerifyOpenIdTokenRequest;

                /**
                 * Encodes the specified VerifyOpenIdTokenRequest message. Does not implicitly {@link idfed.tokens.v1.VerifyOpenIdTokenRequest.verify|verify} messages.
                 * @param m VerifyOpenIdTokenRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.tokens.v1.IVerifyOpenIdTokenRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified VerifyOpenIdTokenRequest message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyOpenIdTokenRequest.verify|verify} messages.
                 * @param message VerifyOpenIdTokenRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.tokens.v1.IVerifyOpenIdTokenRequest, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VerifyOpenIdTokenRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns VerifyOpenIdTokenRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.tokens.v1.VerifyOpenIdTokenRequest;

                /**
                 * Decodes a VerifyOpenIdTokenRequest message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns VerifyOpenIdTokenRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.tokens.v1.VerifyOpenIdTokenRequest;

                /**
                 * Verifies a VerifyOpenIdTokenRequest message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a VerifyOpenIdTokenRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns VerifyOpenIdTokenRequest
                 */
                public static fromObject(d: { [k: string]: any }): idfed.tokens.v1.VerifyOpenIdTokenRequest;

                /**
                 * Creates a plain object from a VerifyOpenIdTokenRequest message. Also converts values to other types if specified.
                 * @param m VerifyOpenIdTokenRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.tokens.v1.VerifyOpenIdTokenRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this VerifyOpenIdTokenRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for VerifyOpenIdTokenRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a VerifyOpenIdTokenResponse. */
            interface IVerifyOpenIdTokenResponse {

                /** VerifyOpenIdTokenResponse active */
                active?: (boolean|null);

                /** VerifyOpenIdTokenResponse errorName */
                errorName?: (string|null);

                /** VerifyOpenIdTokenResponse reason */
                reason?: (string|null);

                /** VerifyOpenIdTokenResponse identityId */
                identityId?: (string|null);

                /** VerifyOpenIdTokenResponse identityPoolId */
                identityPoolId?: (string|null);

                /** VerifyOpenIdTokenResponse amr */
                amr?: (string[]|null);

                /** VerifyOpenIdTokenResponse issuedAt */
                issuedAt?: (number|null);

                /** VerifyOpenIdTokenResponse expiresAt */
                expiresAt?: (number|null);

                /** VerifyOpenIdTokenResponse claimsJson */
                claimsJson?: (string|null);
            }

            /** Represents a VerifyOpenIdTokenResponse. */
            class VerifyOpenIdTokenResponse implements IVerifyOpenIdTokenResponse {

                /**
                 * Constructs a new VerifyOpenIdTokenResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.tokens.v1.IVerifyOpenIdTokenResponse);

                /** VerifyOpenIdTokenResponse active. */
                public active: boolean;

                /** VerifyOpenIdTokenResponse errorName. */
                public errorName: string;

                /** VerifyOpenIdTokenResponse reason. */
                public reason: string;

                /** VerifyOpenIdTokenResponse identityId. */
                public identityId: string;

                /** VerifyOpenIdTokenResponse identityPoolId. */
                public identityPoolId: string;

                /** VerifyOpenIdTokenResponse amr. */
                public amr: string[];

                /** VerifyOpenIdTokenResponse issuedAt. */
                public issuedAt: number;

                /** VerifyOpenIdTokenResponse expiresAt. */
                public expiresAt: number;

                /** VerifyOpenIdTokenResponse claimsJson. */
                public claimsJson: string;

                /**
                 * Creates a new VerifyOpenIdTokenResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns VerifyOpenIdTokenResponse instance
                 */
                public static create(properties?: idfed.tokens.v1.IVerifyOpenIdTokenResponse): idfed.tokens.v1.VerifyOpenIdTokenResponse;

                /**
                 * Encodes the specified VerifyOpenIdTokenResponse message. Does not implicitly {@link idfed.tokens.v1.VerifyOpenIdTokenResponse.verify|verify} messages.
                 * @param m VerifyOpenIdTokenResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.tokens.v1.IVerifyOpenIdTokenResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified VerifyOpenIdTokenResponse message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyOpenIdTokenResponse.verify|verify} messages.
                 * @param message VerifyOpenIdTokenResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.tokens.v1.IVerifyOpenIdTokenResponse, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VerifyOpenIdTokenResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns VerifyOpenIdTokenResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.tokens.v1.VerifyOpenIdTokenResponse;

                /**
                 * Decodes a VerifyOpenIdTokenResponse message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns VerifyOpenIdTokenResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.tokens.v1.VerifyOpenIdTokenResponse;

                /**
                 * Verifies a VerifyOpenIdTokenResponse message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a VerifyOpenIdTokenResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns VerifyOpenIdTokenResponse
                 */
                public static fromObject(d: { [k: string]: any }): idfed.tokens.v1.VerifyOpenIdTokenResponse;

                /**
                 * Creates a plain object from a VerifyOpenIdTokenResponse message. Also converts values to other types if specified.
                 * @param m VerifyOpenIdTokenResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.tokens.v1.VerifyOpenIdTokenResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this VerifyOpenIdTokenResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for VerifyOpenIdTokenResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }
        }
    }

    /** Namespace userdirectory. */
    namespace userdirectory {

        /** Namespace v1. */
        namespace v1 {

            /** Represents a UserDirectory */
            class UserDirectory extends $protobuf.rpc.Service {

                /**
                 * Constructs a new UserDirectory service.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 */
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

                /**
                 * Creates new UserDirectory service using the specified rpc implementation.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 * @returns RPC service. Useful where requests and/or responses are streamed.
                 */
                public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): UserDirectory;

                /**
                 * Calls GetUser.
                 * @param request GetUserRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and GetUserResponse
                 */
                public getUser(request: idfed.userdirectory.v1.IGetUserRequest, callback: idfed.userdirectory.v1.UserDirectory.GetUserCallback): void;

                /**
                 * Calls GetUser.
                 * @param request GetUserRequest message or plain object
                 * @returns Promise
                 */
                public getUser(request: idfed.userdirectory.v1.IGetUserRequest): Promise<idfed.userdirectory.v1.GetUserResponse>;
            }

            namespace UserDirectory {

                /**
                 * Callback as used by {@link idfed.userdirectory.v1.UserDirectory#getUser}.
                 * @param error Error, if any
                 * @param [response] GetUserResponse
                 */
                type GetUserCallback = (error: (Error|null), response?: idfed.userdirectory.v1.GetUserResponse) => void;
            }

            /** Properties of a GetUserRequest. */
            interface IGetUserRequest {

                /** GetUserRequest userPoolId */
                userPoolId?: (string|null);

                /** GetUserRequest username */
                username?: (string|null);
            }

            /** Represents a GetUserRequest. */
            class GetUserRequest implements IGetUserRequest {

                /**
                 * Constructs a new GetUserRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.userdirectory.v1.IGetUserRequest);

                /** GetUserRequest userPoolId. */
                public userPoolId: string;

                /** GetUserRequest username. */
                public username: string;

                /**
                 * Creates a new GetUserRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns GetUserRequest instance
                 */
                public static create(properties?: idfed.userdirectory.v1.IGetUserRequest): idfed.userdirectory.v1.GetUserRequest;

                /**
                 * Encodes the specified GetUserRequest message. Does not implicitly {@link idfed.userdirectory.v1.GetUserRequest.verify|verify} messages.
                 * @param m GetUserRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.userdirectory.v1.IGetUserRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified GetUserRequest message, length delimited. Does not implicitly {@link idfed.userdirectory.v1.GetUserRequest.verify|verify} messages.
                 * @param message GetUserRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.userdirectory.v1.IGetUserRequest, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a GetUserRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns GetUserRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.userdirectory.v1.GetUserRequest;

                /**
                 * Decodes a GetUserRequest message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns GetUserRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.userdirectory.v1.GetUserRequest;

                /**
                 * Verifies a GetUserRequest message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a GetUserRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns GetUserRequest
                 */
                public static fromObject(d: { [k: string]: any }): idfed.userdirectory.v1.GetUserRequest;

                /**
                 * Creates a plain object from a GetUserRequest message. Also converts values to other types if specified.
                 * @param m GetUserRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.userdirectory.v1.GetUserRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this GetUserRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for GetUserRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an Attribute. */
            interface IAttribute {

                /** Attribute name */
                name?: (string|null);

                /** Attribute value */
                value?: (string|null);
            }

            /** Represents an Attribute. */
            class Attribute implements IAttribute {

                /**
                 * Constructs a new Attribute.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.userdirectory.v1.IAttribute);

                /** Attribute name. */
                public name: string;

                /** Attribute value. */
                public value: string;

                /**
                 * Creates a new Attribute instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Attribute instance
                 */
                public static create(properties?: idfed.userdirectory.v1.IAttribute): idfed.userdirectory.v1.Attribute;

                /**
                 * Encodes the specified Attribute message. Does not implicitly {@link idfed.userdirectory.v1.Attribute.verify|verify} messages.
                 * @param m Attribute message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.userdirectory.v1.IAttribute, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified Attribute message, length delimited. Does not implicitly {@link idfed.userdirectory.v1.Attribute.verify|verify} messages.
                 * @param message Attribute message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.userdirectory.v1.IAttribute, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Attribute message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Attribute
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.userdirectory.v1.Attribute;

                /**
                 * Decodes an Attribute message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns Attribute
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.userdirectory.v1.Attribute;

                /**
                 * Verifies an Attribute message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates an Attribute message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Attribute
                 */
                public static fromObject(d: { [k: string]: any }): idfed.userdirectory.v1.Attribute;

                /**
                 * Creates a plain object from an Attribute message. Also converts values to other types if specified.
                 * @param m Attribute
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.userdirectory.v1.Attribute, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Attribute to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Attribute
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a Group. */
            interface IGroup {

                /** Group name */
                name?: (string|null);

                /** Group description */
                description?: (string|null);

                /** Group roleArn */
                roleArn?: (string|null);

                /** Group precedence */
                precedence?: (number|null);
            }

            /** Represents a Group. */
            class Group implements IGroup {

                /**
                 * Constructs a new Group.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.userdirectory.v1.IGroup);

                /** Group name. */
                public name: string;

                /** Group description. */
                public description: string;

                /** Group roleArn. */
                public roleArn: string;

                /** Group precedence. */
                public precedence?: (number|null);

                /**
                 * Creates a new Group instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Group instance
                 */
                public static create(properties?: idfed.userdirectory.v1.IGroup): idfed.userdirectory.v1.Group;

                /**
                 * Encodes the specified Group message. Does not implicitly {@link idfed.userdirectory.v1.Group.verify|verify} messages.
                 * @param m Group message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.userdirectory.v1.IGroup, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified Group message, length delimited. Does not implicitly {@link idfed.userdirectory.v1.Group.verify|verify} messages.
                 * @param message Group message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.userdirectory.v1.IGroup, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Group message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Group
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.userdirectory.v1.Group;

                /**
                 * Decodes a Group message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns Group
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.userdirectory.v1.Group;

                /**
                 * Verifies a Group message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a Group message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Group
                 */
                public static fromObject(d: { [k: string]: any }): idfed.userdirectory.v1.Group;

                /**
                 * Creates a plain object from a Group message. Also converts values to other types if specified.
                 * @param m Group
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.userdirectory.v1.Group, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Group to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Group
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a GetUserResponse. */
            interface IGetUserResponse {

                /** GetUserResponse username */
                username?: (string|null);

                /** GetUserResponse enabled */
                enabled?: (boolean|null);

                /** GetUserResponse status */
                status?: (string|null);

                /** GetUserResponse attributes */
                attributes?: (idfed.userdirectory.v1.IAttribute[]|null);

                /** GetUserResponse groups */
                groups?: (idfed.userdirectory.v1.IGroup[]|null);

                /** GetUserResponse createdAt */
                createdAt?: (number|null);

                /** GetUserResponse modifiedAt */
                modifiedAt?: (number|null);
            }

            /** Represents a GetUserResponse. */
            class GetUserResponse implements IGetUserResponse {

                /**
                 * Constructs a new GetUserResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: idfed.userdirectory.v1.IGetUserResponse);

                /** GetUserResponse username. */
                public username: string;

                /** GetUserResponse enabled. */
                public enabled: boolean;

                /** GetUserResponse status. */
                public status: string;

                /** GetUserResponse attributes. */
                public attributes: idfed.userdirectory.v1.IAttribute[];

                /** GetUserResponse groups. */
                public groups: idfed.userdirectory.v1.IGroup[];

                /** GetUserResponse createdAt. */
                public createdAt: number;

                /** GetUserResponse modifiedAt. */
                public modifiedAt: number;

                /**
                 * Creates a new GetUserResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns GetUserResponse instance
                 */
                public static create(properties?: idfed.userdirectory.v1.IGetUserResponse): idfed.userdirectory.v1.GetUserResponse;

                /**
                 * Encodes the specified GetUserResponse message. Does not implicitly {@link idfed.userdirectory.v1.GetUserResponse.verify|verify} messages.
                 * @param m GetUserResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: idfed.userdirectory.v1.IGetUserResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified GetUserResponse message, length delimited. Does not implicitly {@link idfed.userdirectory.v1.GetUserResponse.verify|verify} messages.
                 * @param message GetUserResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                public static encodeDelimited(message: idfed.userdirectory.v1.IGetUserResponse, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a GetUserResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns GetUserResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): idfed.userdirectory.v1.GetUserResponse;

                /**
                 * Decodes a GetUserResponse message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns GetUserResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): idfed.userdirectory.v1.GetUserResponse;

                /**
                 * Verifies a GetUserResponse message.
                 * @param m Plain object to verify
                 * @returns `null` if valid, otherwise the reason why it is not
                 */
                public static verify(m: { [k: string]: any }): (string|null);

                /**
                 * Creates a GetUserResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns GetUserResponse
                 */
                public static fromObject(d: { [k: string]: any }): idfed.userdirectory.v1.GetUserResponse;

                /**
                 * Creates a plain object from a GetUserResponse message. Also converts values to other types if specified.
                 * @param m GetUserResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: idfed.userdirectory.v1.GetUserResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this GetUserResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for GetUserResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }
        }
    }
}
