/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
"use strict";

var $protobuf = require("protobufjs/minimal");

// Common aliases
var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.idfed = (function() {

    /**
     * Namespace idfed.
     * @exports idfed
     * @namespace
     */
    var idfed = {};

    idfed.admin = (function() {

        /**
         * Namespace admin.
         * @memberof idfed
         * @namespace
         */
        var admin = {};

        admin.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof idfed.admin
             * @namespace
             */
            var v1 = {};

            v1.Admin = (function() {

                /**
                 * Constructs a new Admin service.
                 * @memberof idfed.admin.v1
                 * @classdesc Represents an Admin
                 * @extends $protobuf.rpc.Service
                 * @constructor
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 */
                function Admin(rpcImpl, requestDelimited, responseDelimited) {
                    $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
                }

                (Admin.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = Admin;

                /**
                 * Creates new Admin service using the specified rpc implementation.
                 * @function create
                 * @memberof idfed.admin.v1.Admin
                 * @static
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 * @returns {Admin} RPC service. Useful where requests and/or responses are streamed.
                 */
                Admin.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                    return new this(rpcImpl, requestDelimited, responseDelimited);
                };

                /**
                 * Callback as used by {@link idfed.admin.v1.Admin#invoke}.
                 * @memberof idfed.admin.v1.Admin
                 * @typedef InvokeCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {idfed.admin.v1.InvokeResponse} [response] InvokeResponse
                 */

                /**
                 * Calls Invoke.
                 * @function invoke
                 * @memberof idfed.admin.v1.Admin
                 * @instance
                 * @param {idfed.admin.v1.IInvokeRequest} request InvokeRequest message or plain object
                 * @param {idfed.admin.v1.Admin.InvokeCallback} callback Node-style callback called with the error, if any, and InvokeResponse
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(Admin.prototype.invoke = function invoke(request, callback) {
                    return $protobuf.rpc.Service.prototype.rpcCall.call(this, invoke, $root.idfed.admin.v1.InvokeRequest, $root.idfed.admin.v1.InvokeResponse, request, callback);
                }, "name", { value: "Invoke" });

                /**
                 * Calls Invoke.
                 * @function invoke
                 * @memberof idfed.admin.v1.Admin
                 * @instance
                 * @param {idfed.admin.v1.IInvokeRequest} request InvokeRequest message or plain object
                 * @returns {Promise<idfed.admin.v1.InvokeResponse>} Promise
                 * @variation 2
                 */

                /**
                 * Callback as used by {@link idfed.admin.v1.Admin#listOperations}.
                 * @memberof idfed.admin.v1.Admin
                 * @typedef ListOperationsCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {idfed.admin.v1.ListOperationsResponse} [response] ListOperationsResponse
                 */

                /**
                 * Calls ListOperations.
                 * @function listOperations
                 * @memberof idfed.admin.v1.Admin
                 * @instance
                 * @param {idfed.admin.v1.IListOperationsRequest} request ListOperationsRequest message or plain object
                 * @param {idfed.admin.v1.Admin.ListOperationsCallback} callback Node-style callback called with the error, if any, and ListOperationsResponse
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(Admin.prototype.listOperations = function listOperations(request, callback) {
                    return $protobuf.rpc.Service.prototype.rpcCall.call(this, listOperations, $root.idfed.admin.v1.ListOperationsRequest, $root.idfed.admin.v1.ListOperationsResponse, request, callback);
                }, "name", { value: "ListOperations" });

                /**
                 * Calls ListOperations.
                 * @function listOperations
                 * @memberof idfed.admin.v1.Admin
                 * @instance
                 * @param {idfed.admin.v1.IListOperationsRequest} request ListOperationsRequest message or plain object
                 * @returns {Promise<idfed.admin.v1.ListOperationsResponse>} Promise
                 * @variation 2
                 */

                return Admin;
            })();

            v1.InvokeRequest = (function() {

                /**
                 * Properties of an InvokeRequest.
                 * @memberof idfed.admin.v1
                 * @interface IInvokeRequest
                 * @property {string|null} [api] InvokeRequest api
                 * @property {string|null} [operation] InvokeRequest operation
                 * @property {string|null} [inputJson] InvokeRequest inputJson
                 */

                /**
                 * Constructs a new InvokeRequest.
                 * @memberof idfed.admin.v1
                 * @classdesc Represents an InvokeRequest.
                 * @implements IInvokeRequest
                 * @constructor
                 * @param {idfed.admin.v1.IInvokeRequest=} [p] Properties to set
                 */
                function InvokeRequest(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * InvokeRequest api.
                 * @member {string} api
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @instance
                 */
                InvokeRequest.prototype.api = "";

                /**
                 * InvokeRequest operation.
                 * @member {string} operation
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @instance
                 */
                InvokeRequest.prototype.operation = "";

                /**
                 * InvokeRequest inputJson.
                 * @member {string} inputJson
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @instance
                 */
                InvokeRequest.prototype.inputJson = "";

                /**
                 * Creates a new InvokeRequest instance using the specified properties.
                 * @function create
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @static
                 * @param {idfed.admin.v1.IInvokeRequest=} [properties] Properties to set
                 * @returns {idfed.admin.v1.InvokeRequest} InvokeRequest instance
                 */
                InvokeRequest.create = function create(properties) {
                    return new InvokeRequest(properties);
                };

                /**
                 * Encodes the specified InvokeRequest message. Does not implicitly {@link idfed.admin.v1.InvokeRequest.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @static
                 * @param {idfed.admin.v1.IInvokeRequest} m InvokeRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                InvokeRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.api != null && Object.hasOwnProperty.call(m, "api"))
                        w.uint32(10).string(m.api);
                    if (m.operation != null && Object.hasOwnProperty.call(m, "operation"))
                        w.uint32(18).string(m.operation);
                    if (m.inputJson != null && Object.hasOwnProperty.call(m, "inputJson"))
                        w.uint32(26).string(m.inputJson);
                    return w;
                };

                /**
                 * Encodes the specified InvokeRequest message, length delimited. Does not implicitly {@link idfed.admin.v1.InvokeRequest.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @static
                 * @param {idfed.admin.v1.IInvokeRequest} message InvokeRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                InvokeRequest.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes an InvokeRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.admin.v1.InvokeRequest} InvokeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                InvokeRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.admin.v1.InvokeRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.api = r.string();
                                break;
                            }
                        case 2: {
                                m.operation = r.string();
                                break;
                            }
                        case 3: {
                                m.inputJson = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes an InvokeRequest message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.admin.v1.InvokeRequest} InvokeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                InvokeRequest.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies an InvokeRequest message.
                 * @function verify
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                InvokeRequest.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.api != null && Object.hasOwnProperty.call(m, "api")) {
                        if (!$util.isString(m.api))
                            return "api: string expected";
                    }
                    if (m.operation != null && Object.hasOwnProperty.call(m, "operation")) {
                        if (!$util.isString(m.operation))
                            return "operation: string expected";
                    }
                    if (m.inputJson != null && Object.hasOwnProperty.call(m, "inputJson")) {
                        if (!$util.isString(m.inputJson))
                            return "inputJson: string expected";
                    }
                    return null;
                };

                /**
                 * Creates an InvokeRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.admin.v1.InvokeRequest} InvokeRequest
                 */
                InvokeRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.admin.v1.InvokeRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.admin.v1.InvokeRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.admin.v1.InvokeRequest();
                    if (d.api != null) {
                        m.api = String(d.api);
                    }
                    if (d.operation != null) {
                        m.operation = String(d.operation);
                    }
                    if (d.inputJson != null) {
                        m.inputJson = String(d.inputJson);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an InvokeRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @static
                 * @param {idfed.admin.v1.InvokeRequest} m InvokeRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                InvokeRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.api = "";
                        d.operation = "";
                        d.inputJson = "";
                    }
                    if (m.api != null && Object.hasOwnProperty.call(m, "api")) {
                        d.api = m.api;
                    }
                    if (m.operation != null && Object.hasOwnProperty.call(m, "operation")) {
                        d.operation = m.operation;
                    }
                    if (m.inputJson != null && Object.hasOwnProperty.call(m, "inputJson")) {
                        d.inputJson = m.inputJson;
                    }
                    return d;
                };

                /**
                 * Converts this InvokeRequest to JSON.
                 * @function toJSON
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                InvokeRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for InvokeRequest
                 * @function getTypeUrl
                 * @memberof idfed.admin.v1.InvokeRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                InvokeRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.admin.v1.InvokeRequest";
                };

                return InvokeRequest;
            })();

            v1.InvokeResponse = (function() {

                /**
                 * Properties of an InvokeResponse.
                 * @memberof idfed.admin.v1
                 * @interface IInvokeResponse
                 * @property {string|null} [outputJson] InvokeResponse outputJson
                 */

                /**
                 * Constructs a new InvokeResponse.
                 * @memberof idfed.admin.v1
                 * @classdesc Represents an InvokeResponse.
                 * @implements IInvokeResponse
                 * @constructor
                 * @param {idfed.admin.v1.IInvokeResponse=} [p] Properties to set
                 */
                function InvokeResponse(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * InvokeResponse outputJson.
                 * @member {string} outputJson
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @instance
                 */
                InvokeResponse.prototype.outputJson = "";

                /**
                 * Creates a new InvokeResponse instance using the specified properties.
                 * @function create
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @static
                 * @param {idfed.admin.v1.IInvokeResponse=} [properties] Properties to set
                 * @returns {idfed.admin.v1.InvokeResponse} InvokeResponse instance
                 */
                InvokeResponse.create = function create(properties) {
                    return new InvokeResponse(properties);
                };

                /**
                 * Encodes the specified InvokeResponse message. Does not implicitly {@link idfed.admin.v1.InvokeResponse.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @static
                 * @param {idfed.admin.v1.IInvokeResponse} m InvokeResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                InvokeResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.outputJson != null && Object.hasOwnProperty.call(m, "outputJson"))
                        w.uint32(10).string(m.outputJson);
                    return w;
                };

                /**
                 * Encodes the specified InvokeResponse message, length delimited. Does not implicitly {@link idfed.admin.v1.InvokeResponse.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @static
                 * @param {idfed.admin.v1.IInvokeResponse} message InvokeResponse message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                InvokeResponse.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes an InvokeResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.admin.v1.InvokeResponse} InvokeResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                InvokeResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.admin.v1.InvokeResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.outputJson = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes an InvokeResponse message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.admin.v1.InvokeResponse} InvokeResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                InvokeResponse.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies an InvokeResponse message.
                 * @function verify
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                InvokeResponse.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.outputJson != null && Object.hasOwnProperty.call(m, "outputJson")) {
                        if (!$util.isString(m.outputJson))
                            return "outputJson: string expected";
                    }
                    return null;
                };

                /**
                 * Creates an InvokeResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.admin.v1.InvokeResponse} InvokeResponse
                 */
                InvokeResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.admin.v1.InvokeResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.admin.v1.InvokeResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.admin.v1.InvokeResponse();
                    if (d.outputJson != null) {
                        m.outputJson = String(d.outputJson);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an InvokeResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @static
                 * @param {idfed.admin.v1.InvokeResponse} m InvokeResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                InvokeResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.outputJson = "";
                    }
                    if (m.outputJson != null && Object.hasOwnProperty.call(m, "outputJson")) {
                        d.outputJson = m.outputJson;
                    }
                    return d;
                };

                /**
                 * Converts this InvokeResponse to JSON.
                 * @function toJSON
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                InvokeResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for InvokeResponse
                 * @function getTypeUrl
                 * @memberof idfed.admin.v1.InvokeResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                InvokeResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.admin.v1.InvokeResponse";
                };

                return InvokeResponse;
            })();

            v1.ListOperationsRequest = (function() {

                /**
                 * Properties of a ListOperationsRequest.
                 * @memberof idfed.admin.v1
                 * @interface IListOperationsRequest
                 */

                /**
                 * Constructs a new ListOperationsRequest.
                 * @memberof idfed.admin.v1
                 * @classdesc Represents a ListOperationsRequest.
                 * @implements IListOperationsRequest
                 * @constructor
                 * @param {idfed.admin.v1.IListOperationsRequest=} [p] Properties to set
                 */
                function ListOperationsRequest(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Creates a new ListOperationsRequest instance using the specified properties.
                 * @function create
                 * @memberof idfed.admin.v1.ListOperationsRequest
                 * @static
                 * @param {idfed.admin.v1.IListOperationsRequest=} [properties] Properties to set
                 * @returns {idfed.admin.v1.ListOperationsRequest} ListOperationsRequest instance
                 */
                ListOperationsRequest.create = function create(properties) {
                    return new ListOperationsRequest(properties);
                };

                /**
                 * Encodes the specified ListOperationsRequest message. Does not implicitly {@link idfed.admin.v1.ListOperationsRequest.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.admin.v1.ListOperationsRequest
                 * @static
                 * @param {idfed.admin.v1.IListOperationsRequest} m ListOperationsRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ListOperationsRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    return w;
                };

                /**
                 * Encodes the specified ListOperationsRequest message, length delimited. Does not implicitly {@link idfed.admin.v1.ListOperationsRequest.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.admin.v1.ListOperationsRequest
                 * @static
                 * @param {idfed.admin.v1.IListOperationsRequest} message ListOperationsRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ListOperationsRequest.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a ListOperationsRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.admin.v1.ListOperationsRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.admin.v1.ListOperationsRequest} ListOperationsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ListOperationsRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.admin.v1.ListOperationsRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a ListOperationsRequest message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.admin.v1.ListOperationsRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.admin.v1.ListOperationsRequest} ListOperationsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ListOperationsRequest.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a ListOperationsRequest message.
                 * @function verify
                 * @memberof idfed.admin.v1.ListOperationsRequest
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                ListOperationsRequest.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    return null;
                };

                /**
                 * Creates a ListOperationsRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.admin.v1.ListOperationsRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.admin.v1.ListOperationsRequest} ListOperationsRequest
                 */
                ListOperationsRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.admin.v1.ListOperationsRequest)
                        return d;
                    return new $root.idfed.admin.v1.ListOperationsRequest();
                };

                /**
                 * Creates a plain object from a ListOperationsRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.admin.v1.ListOperationsRequest
                 * @static
                 * @param {idfed.admin.v1.ListOperationsRequest} m ListOperationsRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ListOperationsRequest.toObject = function toObject() {
                    return {};
                };

                /**
                 * Converts this ListOperationsRequest to JSON.
                 * @function toJSON
                 * @memberof idfed.admin.v1.ListOperationsRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ListOperationsRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for ListOperationsRequest
                 * @function getTypeUrl
                 * @memberof idfed.admin.v1.ListOperationsRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                ListOperationsRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.admin.v1.ListOperationsRequest";
                };

                return ListOperationsRequest;
            })();

            v1.Operation = (function() {

                /**
                 * Properties of an Operation.
                 * @memberof idfed.admin.v1
                 * @interface IOperation
                 * @property {string|null} [api] Operation api
                 * @property {string|null} [name] Operation name
                 */

                /**
                 * Constructs a new Operation.
                 * @memberof idfed.admin.v1
                 * @classdesc Represents an Operation.
                 * @implements IOperation
                 * @constructor
                 * @param {idfed.admin.v1.IOperation=} [p] Properties to set
                 */
                function Operation(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Operation api.
                 * @member {string} api
                 * @memberof idfed.admin.v1.Operation
                 * @instance
                 */
                Operation.prototype.api = "";

                /**
                 * Operation name.
                 * @member {string} name
                 * @memberof idfed.admin.v1.Operation
                 * @instance
                 */
                Operation.prototype.name = "";

                /**
                 * Creates a new Operation instance using the specified properties.
                 * @function create
                 * @memberof idfed.admin.v1.Operation
                 * @static
                 * @param {idfed.admin.v1.IOperation=} [properties] Properties to set
                 * @returns {idfed.admin.v1.Operation} Operation instance
                 */
                Operation.create = function create(properties) {
                    return new Operation(properties);
                };

                /**
                 * Encodes the specified Operation message. Does not implicitly {@link idfed.admin.v1.Operation.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.admin.v1.Operation
                 * @static
                 * @param {idfed.admin.v1.IOperation} m Operation message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Operation.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.api != null && Object.hasOwnProperty.call(m, "api"))
                        w.uint32(10).string(m.api);
                    if (m.name != null && Object.hasOwnProperty.call(m, "name"))
                        w.uint32(18).string(m.name);
                    return w;
                };

                /**
                 * Encodes the specified Operation message, length delimited. Does not implicitly {@link idfed.admin.v1.Operation.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.admin.v1.Operation
                 * @static
                 * @param {idfed.admin.v1.IOperation} message Operation message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Operation.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes an Operation message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.admin.v1.Operation
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.admin.v1.Operation} Operation
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Operation.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.admin.v1.Operation();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.api = r.string();
                                break;
                            }
                        case 2: {
                                m.name = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes an Operation message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.admin.v1.Operation
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.admin.v1.Operation} Operation
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Operation.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies an Operation message.
                 * @function verify
                 * @memberof idfed.admin.v1.Operation
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Operation.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.api != null && Object.hasOwnProperty.call(m, "api")) {
                        if (!$util.isString(m.api))
                            return "api: string expected";
                    }
                    if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                        if (!$util.isString(m.name))
                            return "name: string expected";
                    }
                    return null;
                };

                /**
                 * Creates an Operation message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.admin.v1.Operation
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.admin.v1.Operation} Operation
                 */
                Operation.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.admin.v1.Operation)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.admin.v1.Operation: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.admin.v1.Operation();
                    if (d.api != null) {
                        m.api = String(d.api);
                    }
                    if (d.name != null) {
                        m.name = String(d.name);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an Operation message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.admin.v1.Operation
                 * @static
                 * @param {idfed.admin.v1.Operation} m Operation
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Operation.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.api = "";
                        d.name = "";
                    }
                    if (m.api != null && Object.hasOwnProperty.call(m, "api")) {
                        d.api = m.api;
                    }
                    if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                        d.name = m.name;
                    }
                    return d;
                };

                /**
                 * Converts this Operation to JSON.
                 * @function toJSON
                 * @memberof idfed.admin.v1.Operation
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Operation.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Operation
                 * @function getTypeUrl
                 * @memberof idfed.admin.v1.Operation
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Operation.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.admin.v1.Operation";
                };

                return Operation;
            })();

            v1.ListOperationsResponse = (function() {

                /**
                 * Properties of a ListOperationsResponse.
                 * @memberof idfed.admin.v1
                 * @interface IListOperationsResponse
                 * @property {Array.<idfed.admin.v1.IOperation>|null} [operations] ListOperationsResponse operations
                 */

                /**
                 * Constructs a new ListOperationsResponse.
                 * @memberof idfed.admin.v1
                 * @classdesc Represents a ListOperationsResponse.
                 * @implements IListOperationsResponse
                 * @constructor
                 * @param {idfed.admin.v1.IListOperationsResponse=} [p] Properties to set
                 */
                function ListOperationsResponse(p) {
                    this.operations = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * ListOperationsResponse operations.
                 * @member {Array.<idfed.admin.v1.IOperation>} operations
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @instance
                 */
                ListOperationsResponse.prototype.operations = $util.emptyArray;

                /**
                 * Creates a new ListOperationsResponse instance using the specified properties.
                 * @function create
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @static
                 * @param {idfed.admin.v1.IListOperationsResponse=} [properties] Properties to set
                 * @returns {idfed.admin.v1.ListOperationsResponse} ListOperationsResponse instance
                 */
                ListOperationsResponse.create = function create(properties) {
                    return new ListOperationsResponse(properties);
                };

                /**
                 * Encodes the specified ListOperationsResponse message. Does not implicitly {@link idfed.admin.v1.ListOperationsResponse.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @static
                 * @param {idfed.admin.v1.IListOperationsResponse} m ListOperationsResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ListOperationsResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.operations != null && m.operations.length) {
                        for (var i = 0; i < m.operations.length; ++i)
                            $root.idfed.admin.v1.Operation.encode(m.operations[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    return w;
                };

                /**
                 * Encodes the specified ListOperationsResponse message, length delimited. Does not implicitly {@link idfed.admin.v1.ListOperationsResponse.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @static
                 * @param {idfed.admin.v1.IListOperationsResponse} message ListOperationsResponse message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ListOperationsResponse.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a ListOperationsResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.admin.v1.ListOperationsResponse} ListOperationsResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ListOperationsResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.admin.v1.ListOperationsResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                if (!(m.operations && m.operations.length))
                                    m.operations = [];
                                m.operations.push($root.idfed.admin.v1.Operation.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a ListOperationsResponse message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.admin.v1.ListOperationsResponse} ListOperationsResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ListOperationsResponse.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a ListOperationsResponse message.
                 * @function verify
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                ListOperationsResponse.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.operations != null && Object.hasOwnProperty.call(m, "operations")) {
                        if (!Array.isArray(m.operations))
                            return "operations: array expected";
                        for (var i = 0; i < m.operations.length; ++i) {
                            {
                                var e = $root.idfed.admin.v1.Operation.verify(m.operations[i], n + 1);
                                if (e)
                                    return "operations." + e;
                            }
                        }
                    }
                    return null;
                };

                /**
                 * Creates a ListOperationsResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.admin.v1.ListOperationsResponse} ListOperationsResponse
                 */
                ListOperationsResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.admin.v1.ListOperationsResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.admin.v1.ListOperationsResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.admin.v1.ListOperationsResponse();
                    if (d.operations) {
                        if (!Array.isArray(d.operations))
                            throw TypeError(".idfed.admin.v1.ListOperationsResponse.operations: array expected");
                        m.operations = [];
                        for (var i = 0; i < d.operations.length; ++i) {
                            if (!$util.isObject(d.operations[i]))
                                throw TypeError(".idfed.admin.v1.ListOperationsResponse.operations: object expected");
                            m.operations[i] = $root.idfed.admin.v1.Operation.fromObject(d.operations[i], n + 1);
                        }
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a ListOperationsResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @static
                 * @param {idfed.admin.v1.ListOperationsResponse} m ListOperationsResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ListOperationsResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.operations = [];
                    }
                    if (m.operations && m.operations.length) {
                        d.operations = [];
                        for (var j = 0; j < m.operations.length; ++j) {
                            d.operations[j] = $root.idfed.admin.v1.Operation.toObject(m.operations[j], o, q + 1);
                        }
                    }
                    return d;
                };

                /**
                 * Converts this ListOperationsResponse to JSON.
                 * @function toJSON
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ListOperationsResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for ListOperationsResponse
                 * @function getTypeUrl
                 * @memberof idfed.admin.v1.ListOperationsResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                ListOperationsResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.admin.v1.ListOperationsResponse";
                };

                return ListOperationsResponse;
            })();

            return v1;
        })();

        return admin;
    })();

    idfed.authorizer = (function() {

        /**
         * Namespace authorizer.
         * @memberof idfed
         * @namespace
         */
        var authorizer = {};

        authorizer.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof idfed.authorizer
             * @namespace
             */
            var v1 = {};

            v1.Authorizer = (function() {

                /**
                 * Constructs a new Authorizer service.
                 * @memberof idfed.authorizer.v1
                 * @classdesc Represents an Authorizer
                 * @extends $protobuf.rpc.Service
                 * @constructor
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 */
                function Authorizer(rpcImpl, requestDelimited, responseDelimited) {
                    $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
                }

                (Authorizer.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = Authorizer;

                /**
                 * Creates new Authorizer service using the specified rpc implementation.
                 * @function create
                 * @memberof idfed.authorizer.v1.Authorizer
                 * @static
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 * @returns {Authorizer} RPC service. Useful where requests and/or responses are streamed.
                 */
                Authorizer.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                    return new this(rpcImpl, requestDelimited, responseDelimited);
                };

                /**
                 * Callback as used by {@link idfed.authorizer.v1.Authorizer#authorize}.
                 * @memberof idfed.authorizer.v1.Authorizer
                 * @typedef AuthorizeCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {idfed.authorizer.v1.AuthorizeResponse} [response] AuthorizeResponse
                 */

                /**
                 * Calls Authorize.
                 * @function authorize
                 * @memberof idfed.authorizer.v1.Authorizer
                 * @instance
                 * @param {idfed.authorizer.v1.IAuthorizeRequest} request AuthorizeRequest message or plain object
                 * @param {idfed.authorizer.v1.Authorizer.AuthorizeCallback} callback Node-style callback called with the error, if any, and AuthorizeResponse
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(Authorizer.prototype.authorize = function authorize(request, callback) {
                    return $protobuf.rpc.Service.prototype.rpcCall.call(this, authorize, $root.idfed.authorizer.v1.AuthorizeRequest, $root.idfed.authorizer.v1.AuthorizeResponse, request, callback);
                }, "name", { value: "Authorize" });

                /**
                 * Calls Authorize.
                 * @function authorize
                 * @memberof idfed.authorizer.v1.Authorizer
                 * @instance
                 * @param {idfed.authorizer.v1.IAuthorizeRequest} request AuthorizeRequest message or plain object
                 * @returns {Promise<idfed.authorizer.v1.AuthorizeResponse>} Promise
                 * @variation 2
                 */

                return Authorizer;
            })();

            v1.SignedRequest = (function() {

                /**
                 * Properties of a SignedRequest.
                 * @memberof idfed.authorizer.v1
                 * @interface ISignedRequest
                 * @property {string|null} [method] SignedRequest method
                 * @property {string|null} [path] SignedRequest path
                 * @property {string|null} [query] SignedRequest query
                 * @property {Object.<string,idfed.authorizer.v1.IHeaderValues>|null} [headers] SignedRequest headers
                 * @property {Uint8Array|null} [body] SignedRequest body
                 * @property {string|null} [service] SignedRequest service
                 * @property {string|null} [region] SignedRequest region
                 */

                /**
                 * Constructs a new SignedRequest.
                 * @memberof idfed.authorizer.v1
                 * @classdesc Represents a SignedRequest.
                 * @implements ISignedRequest
                 * @constructor
                 * @param {idfed.authorizer.v1.ISignedRequest=} [p] Properties to set
                 */
                function SignedRequest(p) {
                    this.headers = {};
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * SignedRequest method.
                 * @member {string} method
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @instance
                 */
                SignedRequest.prototype.method = "";

                /**
                 * SignedRequest path.
                 * @member {string} path
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @instance
                 */
                SignedRequest.prototype.path = "";

                /**
                 * SignedRequest query.
                 * @member {string} query
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @instance
                 */
                SignedRequest.prototype.query = "";

                /**
                 * SignedRequest headers.
                 * @member {Object.<string,idfed.authorizer.v1.IHeaderValues>} headers
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @instance
                 */
                SignedRequest.prototype.headers = $util.emptyObject;

                /**
                 * SignedRequest body.
                 * @member {Uint8Array} body
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @instance
                 */
                SignedRequest.prototype.body = $util.newBuffer([]);

                /**
                 * SignedRequest service.
                 * @member {string} service
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @instance
                 */
                SignedRequest.prototype.service = "";

                /**
                 * SignedRequest region.
                 * @member {string} region
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @instance
                 */
                SignedRequest.prototype.region = "";

                /**
                 * Creates a new SignedRequest instance using the specified properties.
                 * @function create
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @static
                 * @param {idfed.authorizer.v1.ISignedRequest=} [properties] Properties to set
                 * @returns {idfed.authorizer.v1.SignedRequest} SignedRequest instance
                 */
                SignedRequest.create = function create(properties) {
                    return new SignedRequest(properties);
                };

                /**
                 * Encodes the specified SignedRequest message. Does not implicitly {@link idfed.authorizer.v1.SignedRequest.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @static
                 * @param {idfed.authorizer.v1.ISignedRequest} m SignedRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SignedRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.method != null && Object.hasOwnProperty.call(m, "method"))
                        w.uint32(10).string(m.method);
                    if (m.path != null && Object.hasOwnProperty.call(m, "path"))
                        w.uint32(18).string(m.path);
                    if (m.query != null && Object.hasOwnProperty.call(m, "query"))
                        w.uint32(26).string(m.query);
                    if (m.headers != null && Object.hasOwnProperty.call(m, "headers")) {
                        for (var ks = Object.keys(m.headers), i = 0; i < ks.length; ++i) {
                            w.uint32(34).fork().uint32(10).string(ks[i]);
                            $root.idfed.authorizer.v1.HeaderValues.encode(m.headers[ks[i]], w.uint32(18).fork(), q + 1).ldelim().ldelim();
                        }
                    }
                    if (m.body != null && Object.hasOwnProperty.call(m, "body"))
                        w.uint32(42).bytes(m.body);
                    if (m.service != null && Object.hasOwnProperty.call(m, "service"))
                        w.uint32(50).string(m.service);
                    if (m.region != null && Object.hasOwnProperty.call(m, "region"))
                        w.uint32(58).string(m.region);
                    return w;
                };

                /**
                 * Encodes the specified SignedRequest message, length delimited. Does not implicitly {@link idfed.authorizer.v1.SignedRequest.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @static
                 * @param {idfed.authorizer.v1.ISignedRequest} message SignedRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SignedRequest.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a SignedRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.authorizer.v1.SignedRequest} SignedRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SignedRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m, k, value;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.authorizer.v1.SignedRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.method = r.string();
                                break;
                            }
                        case 2: {
                                m.path = r.string();
                                break;
                            }
                        case 3: {
                                m.query = r.string();
                                break;
                            }
                        case 4: {
                                if (m.headers === $util.emptyObject)
                                    m.headers = {};
                                var c2 = r.uint32() + r.pos;
                                if (c2 > r.len)
                                    throw RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                value = null;
                                while (r.pos < c2) {
                                    var tag2 = r.uint32();
                                    switch (tag2 >>> 3) {
                                    case 1:
                                        k = r.string();
                                        break;
                                    case 2:
                                        value = $root.idfed.authorizer.v1.HeaderValues.decode(r, r.uint32(), undefined, n + 1);
                                        break;
                                    default:
                                        r.skipType(tag2 & 7, n);
                                        break;
                                    }
                                }
                                if (r.pos !== c2)
                                    throw RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.headers, k);
                                m.headers[k] = value;
                                break;
                            }
                        case 5: {
                                m.body = r.bytes();
                                break;
                            }
                        case 6: {
                                m.service = r.string();
                                break;
                            }
                        case 7: {
                                m.region = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a SignedRequest message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.authorizer.v1.SignedRequest} SignedRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SignedRequest.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a SignedRequest message.
                 * @function verify
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                SignedRequest.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.method != null && Object.hasOwnProperty.call(m, "method")) {
                        if (!$util.isString(m.method))
                            return "method: string expected";
                    }
                    if (m.path != null && Object.hasOwnProperty.call(m, "path")) {
                        if (!$util.isString(m.path))
                            return "path: string expected";
                    }
                    if (m.query != null && Object.hasOwnProperty.call(m, "query")) {
                        if (!$util.isString(m.query))
                            return "query: string expected";
                    }
                    if (m.headers != null && Object.hasOwnProperty.call(m, "headers")) {
                        if (!$util.isObject(m.headers))
                            return "headers: object expected";
                        var k = Object.keys(m.headers);
                        for (var i = 0; i < k.length; ++i) {
                            {
                                var e = $root.idfed.authorizer.v1.HeaderValues.verify(m.headers[k[i]], n + 1);
                                if (e)
                                    return "headers." + e;
                            }
                        }
                    }
                    if (m.body != null && Object.hasOwnProperty.call(m, "body")) {
                        if (!(m.body && typeof m.body.length === "number" || $util.isString(m.body)))
                            return "body: buffer expected";
                    }
                    if (m.service != null && Object.hasOwnProperty.call(m, "service")) {
                        if (!$util.isString(m.service))
                            return "service: string expected";
                    }
                    if (m.region != null && Object.hasOwnProperty.call(m, "region")) {
                        if (!$util.isString(m.region))
                            return "region: string expected";
                    }
                    return null;
                };

                /**
                 * Creates a SignedRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.authorizer.v1.SignedRequest} SignedRequest
                 */
                SignedRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.authorizer.v1.SignedRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.authorizer.v1.SignedRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.authorizer.v1.SignedRequest();
                    if (d.method != null) {
                        m.method = String(d.method);
                    }
                    if (d.path != null) {
                        m.path = String(d.path);
                    }
                    if (d.query != null) {
                        m.query = String(d.query);
                    }
                    if (d.headers) {
                        if (!$util.isObject(d.headers))
                            throw TypeError(".idfed.authorizer.v1.SignedRequest.headers: object expected");
                        m.headers = {};
                        for (var ks = Object.keys(d.headers), i = 0; i < ks.length; ++i) {
                            if (ks[i] === "__proto__")
                                $util.makeProp(m.headers, ks[i]);
                            if (!$util.isObject(d.headers[ks[i]]))
                                throw TypeError(".idfed.authorizer.v1.SignedRequest.headers: object expected");
                            m.headers[ks[i]] = $root.idfed.authorizer.v1.HeaderValues.fromObject(d.headers[ks[i]], n + 1);
                        }
                    }
                    if (d.body != null) {
                        if (typeof d.body === "string")
                            $util.base64.decode(d.body, m.body = $util.newBuffer($util.base64.length(d.body)), 0);
                        else if (d.body.length >= 0)
                            m.body = d.body;
                    }
                    if (d.service != null) {
                        m.service = String(d.service);
                    }
                    if (d.region != null) {
                        m.region = String(d.region);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a SignedRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @static
                 * @param {idfed.authorizer.v1.SignedRequest} m SignedRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SignedRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.objects || o.defaults) {
                        d.headers = {};
                    }
                    if (o.defaults) {
                        d.method = "";
                        d.path = "";
                        d.query = "";
                        if (o.bytes === String)
                            d.body = "";
                        else {
                            d.body = [];
                            if (o.bytes !== Array)
                                d.body = $util.newBuffer(d.body);
                        }
                        d.service = "";
                        d.region = "";
                    }
                    if (m.method != null && Object.hasOwnProperty.call(m, "method")) {
                        d.method = m.method;
                    }
                    if (m.path != null && Object.hasOwnProperty.call(m, "path")) {
                        d.path = m.path;
                    }
                    if (m.query != null && Object.hasOwnProperty.call(m, "query")) {
                        d.query = m.query;
                    }
                    var ks2;
                    if (m.headers && (ks2 = Object.keys(m.headers)).length) {
                        d.headers = {};
                        for (var j = 0; j < ks2.length; ++j) {
                            if (ks2[j] === "__proto__")
                                $util.makeProp(d.headers, ks2[j]);
                            d.headers[ks2[j]] = $root.idfed.authorizer.v1.HeaderValues.toObject(m.headers[ks2[j]], o, q + 1);
                        }
                    }
                    if (m.body != null && Object.hasOwnProperty.call(m, "body")) {
                        d.body = o.bytes === String ? $util.base64.encode(m.body, 0, m.body.length) : o.bytes === Array ? Array.prototype.slice.call(m.body) : m.body;
                    }
                    if (m.service != null && Object.hasOwnProperty.call(m, "service")) {
                        d.service = m.service;
                    }
                    if (m.region != null && Object.hasOwnProperty.call(m, "region")) {
                        d.region = m.region;
                    }
                    return d;
                };

                /**
                 * Converts this SignedRequest to JSON.
                 * @function toJSON
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SignedRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for SignedRequest
                 * @function getTypeUrl
                 * @memberof idfed.authorizer.v1.SignedRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                SignedRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.authorizer.v1.SignedRequest";
                };

                return SignedRequest;
            })();

            v1.HeaderValues = (function() {

                /**
                 * Properties of a HeaderValues.
                 * @memberof idfed.authorizer.v1
                 * @interface IHeaderValues
                 * @property {Array.<string>|null} [values] HeaderValues values
                 */

                /**
                 * Constructs a new HeaderValues.
                 * @memberof idfed.authorizer.v1
                 * @classdesc Represents a HeaderValues.
                 * @implements IHeaderValues
                 * @constructor
                 * @param {idfed.authorizer.v1.IHeaderValues=} [p] Properties to set
                 */
                function HeaderValues(p) {
                    this.values = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * HeaderValues values.
                 * @member {Array.<string>} values
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @instance
                 */
                HeaderValues.prototype.values = $util.emptyArray;

                /**
                 * Creates a new HeaderValues instance using the specified properties.
                 * @function create
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @static
                 * @param {idfed.authorizer.v1.IHeaderValues=} [properties] Properties to set
                 * @returns {idfed.authorizer.v1.HeaderValues} HeaderValues instance
                 */
                HeaderValues.create = function create(properties) {
                    return new HeaderValues(properties);
                };

                /**
                 * Encodes the specified HeaderValues message. Does not implicitly {@link idfed.authorizer.v1.HeaderValues.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @static
                 * @param {idfed.authorizer.v1.IHeaderValues} m HeaderValues message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                HeaderValues.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.values != null && m.values.length) {
                        for (var i = 0; i < m.values.length; ++i)
                            w.uint32(10).string(m.values[i]);
                    }
                    return w;
                };

                /**
                 * Encodes the specified HeaderValues message, length delimited. Does not implicitly {@link idfed.authorizer.v1.HeaderValues.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @static
                 * @param {idfed.authorizer.v1.IHeaderValues} message HeaderValues message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                HeaderValues.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a HeaderValues message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.authorizer.v1.HeaderValues} HeaderValues
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                HeaderValues.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.authorizer.v1.HeaderValues();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                if (!(m.values && m.values.length))
                                    m.values = [];
                                m.values.push(r.string());
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a HeaderValues message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.authorizer.v1.HeaderValues} HeaderValues
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                HeaderValues.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a HeaderValues message.
                 * @function verify
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                HeaderValues.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.values != null && Object.hasOwnProperty.call(m, "values")) {
                        if (!Array.isArray(m.values))
                            return "values: array expected";
                        for (var i = 0; i < m.values.length; ++i) {
                            if (!$util.isString(m.values[i]))
                                return "values: string[] expected";
                        }
                    }
                    return null;
                };

                /**
                 * Creates a HeaderValues message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.authorizer.v1.HeaderValues} HeaderValues
                 */
                HeaderValues.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.authorizer.v1.HeaderValues)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.authorizer.v1.HeaderValues: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.authorizer.v1.HeaderValues();
                    if (d.values) {
                        if (!Array.isArray(d.values))
                            throw TypeError(".idfed.authorizer.v1.HeaderValues.values: array expected");
                        m.values = [];
                        for (var i = 0; i < d.values.length; ++i) {
                            m.values[i] = String(d.values[i]);
                        }
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a HeaderValues message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @static
                 * @param {idfed.authorizer.v1.HeaderValues} m HeaderValues
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                HeaderValues.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.values = [];
                    }
                    if (m.values && m.values.length) {
                        d.values = [];
                        for (var j = 0; j < m.values.length; ++j) {
                            d.values[j] = m.values[j];
                        }
                    }
                    return d;
                };

                /**
                 * Converts this HeaderValues to JSON.
                 * @function toJSON
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                HeaderValues.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for HeaderValues
                 * @function getTypeUrl
                 * @memberof idfed.authorizer.v1.HeaderValues
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                HeaderValues.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.authorizer.v1.HeaderValues";
                };

                return HeaderValues;
            })();

            v1.SessionCredentials = (function() {

                /**
                 * Properties of a SessionCredentials.
                 * @memberof idfed.authorizer.v1
                 * @interface ISessionCredentials
                 * @property {string|null} [accessKeyId] SessionCredentials accessKeyId
                 * @property {string|null} [sessionToken] SessionCredentials sessionToken
                 */

                /**
                 * Constructs a new SessionCredentials.
                 * @memberof idfed.authorizer.v1
                 * @classdesc Represents a SessionCredentials.
                 * @implements ISessionCredentials
                 * @constructor
                 * @param {idfed.authorizer.v1.ISessionCredentials=} [p] Properties to set
                 */
                function SessionCredentials(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * SessionCredentials accessKeyId.
                 * @member {string} accessKeyId
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @instance
                 */
                SessionCredentials.prototype.accessKeyId = "";

                /**
                 * SessionCredentials sessionToken.
                 * @member {string} sessionToken
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @instance
                 */
                SessionCredentials.prototype.sessionToken = "";

                /**
                 * Creates a new SessionCredentials instance using the specified properties.
                 * @function create
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @static
                 * @param {idfed.authorizer.v1.ISessionCredentials=} [properties] Properties to set
                 * @returns {idfed.authorizer.v1.SessionCredentials} SessionCredentials instance
                 */
                SessionCredentials.create = function create(properties) {
                    return new SessionCredentials(properties);
                };

                /**
                 * Encodes the specified SessionCredentials message. Does not implicitly {@link idfed.authorizer.v1.SessionCredentials.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @static
                 * @param {idfed.authorizer.v1.ISessionCredentials} m SessionCredentials message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SessionCredentials.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.accessKeyId != null && Object.hasOwnProperty.call(m, "accessKeyId"))
                        w.uint32(10).string(m.accessKeyId);
                    if (m.sessionToken != null && Object.hasOwnProperty.call(m, "sessionToken"))
                        w.uint32(18).string(m.sessionToken);
                    return w;
                };

                /**
                 * Encodes the specified SessionCredentials message, length delimited. Does not implicitly {@link idfed.authorizer.v1.SessionCredentials.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @static
                 * @param {idfed.authorizer.v1.ISessionCredentials} message SessionCredentials message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SessionCredentials.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a SessionCredentials message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.authorizer.v1.SessionCredentials} SessionCredentials
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SessionCredentials.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.authorizer.v1.SessionCredentials();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.accessKeyId = r.string();
                                break;
                            }
                        case 2: {
                                m.sessionToken = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a SessionCredentials message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.authorizer.v1.SessionCredentials} SessionCredentials
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SessionCredentials.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a SessionCredentials message.
                 * @function verify
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                SessionCredentials.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.accessKeyId != null && Object.hasOwnProperty.call(m, "accessKeyId")) {
                        if (!$util.isString(m.accessKeyId))
                            return "accessKeyId: string expected";
                    }
                    if (m.sessionToken != null && Object.hasOwnProperty.call(m, "sessionToken")) {
                        if (!$util.isString(m.sessionToken))
                            return "sessionToken: string expected";
                    }
                    return null;
                };

                /**
                 * Creates a SessionCredentials message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.authorizer.v1.SessionCredentials} SessionCredentials
                 */
                SessionCredentials.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.authorizer.v1.SessionCredentials)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.authorizer.v1.SessionCredentials: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.authorizer.v1.SessionCredentials();
                    if (d.accessKeyId != null) {
                        m.accessKeyId = String(d.accessKeyId);
                    }
                    if (d.sessionToken != null) {
                        m.sessionToken = String(d.sessionToken);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a SessionCredentials message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @static
                 * @param {idfed.authorizer.v1.SessionCredentials} m SessionCredentials
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SessionCredentials.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.accessKeyId = "";
                        d.sessionToken = "";
                    }
                    if (m.accessKeyId != null && Object.hasOwnProperty.call(m, "accessKeyId")) {
                        d.accessKeyId = m.accessKeyId;
                    }
                    if (m.sessionToken != null && Object.hasOwnProperty.call(m, "sessionToken")) {
                        d.sessionToken = m.sessionToken;
                    }
                    return d;
                };

                /**
                 * Converts this SessionCredentials to JSON.
                 * @function toJSON
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SessionCredentials.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for SessionCredentials
                 * @function getTypeUrl
                 * @memberof idfed.authorizer.v1.SessionCredentials
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                SessionCredentials.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.authorizer.v1.SessionCredentials";
                };

                return SessionCredentials;
            })();

            v1.AuthorizeRequest = (function() {

                /**
                 * Properties of an AuthorizeRequest.
                 * @memberof idfed.authorizer.v1
                 * @interface IAuthorizeRequest
                 * @property {string|null} [action] AuthorizeRequest action
                 * @property {string|null} [resource] AuthorizeRequest resource
                 * @property {Object.<string,string>|null} [contextJson] AuthorizeRequest contextJson
                 * @property {idfed.authorizer.v1.ISignedRequest|null} [request] AuthorizeRequest request
                 * @property {idfed.authorizer.v1.ISessionCredentials|null} [credentials] AuthorizeRequest credentials
                 */

                /**
                 * Constructs a new AuthorizeRequest.
                 * @memberof idfed.authorizer.v1
                 * @classdesc Represents an AuthorizeRequest.
                 * @implements IAuthorizeRequest
                 * @constructor
                 * @param {idfed.authorizer.v1.IAuthorizeRequest=} [p] Properties to set
                 */
                function AuthorizeRequest(p) {
                    this.contextJson = {};
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * AuthorizeRequest action.
                 * @member {string} action
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @instance
                 */
                AuthorizeRequest.prototype.action = "";

                /**
                 * AuthorizeRequest resource.
                 * @member {string} resource
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @instance
                 */
                AuthorizeRequest.prototype.resource = "";

                /**
                 * AuthorizeRequest contextJson.
                 * @member {Object.<string,string>} contextJson
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @instance
                 */
                AuthorizeRequest.prototype.contextJson = $util.emptyObject;

                /**
                 * AuthorizeRequest request.
                 * @member {idfed.authorizer.v1.ISignedRequest|null|undefined} request
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @instance
                 */
                AuthorizeRequest.prototype.request = null;

                /**
                 * AuthorizeRequest credentials.
                 * @member {idfed.authorizer.v1.ISessionCredentials|null|undefined} credentials
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @instance
                 */
                AuthorizeRequest.prototype.credentials = null;

                // OneOf field names bound to virtual getters and setters
                var $oneOfFields;

                /**
                 * AuthorizeRequest subject.
                 * @member {"request"|"credentials"|undefined} subject
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @instance
                 */
                Object.defineProperty(AuthorizeRequest.prototype, "subject", {
                    get: $util.oneOfGetter($oneOfFields = ["request", "credentials"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new AuthorizeRequest instance using the specified properties.
                 * @function create
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @static
                 * @param {idfed.authorizer.v1.IAuthorizeRequest=} [properties] Properties to set
                 * @returns {idfed.authorizer.v1.AuthorizeRequest} AuthorizeRequest instance
                 */
                AuthorizeRequest.create = function create(properties) {
                    return new AuthorizeRequest(properties);
                };

                /**
                 * Encodes the specified AuthorizeRequest message. Does not implicitly {@link idfed.authorizer.v1.AuthorizeRequest.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @static
                 * @param {idfed.authorizer.v1.IAuthorizeRequest} m AuthorizeRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                AuthorizeRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.action != null && Object.hasOwnProperty.call(m, "action"))
                        w.uint32(10).string(m.action);
                    if (m.resource != null && Object.hasOwnProperty.call(m, "resource"))
                        w.uint32(18).string(m.resource);
                    if (m.contextJson != null && Object.hasOwnProperty.call(m, "contextJson")) {
                        for (var ks = Object.keys(m.contextJson), i = 0; i < ks.length; ++i) {
                            w.uint32(26).fork().uint32(10).string(ks[i]).uint32(18).string(m.contextJson[ks[i]]).ldelim();
                        }
                    }
                    if (m.request != null && Object.hasOwnProperty.call(m, "request"))
                        $root.idfed.authorizer.v1.SignedRequest.encode(m.request, w.uint32(34).fork(), q + 1).ldelim();
                    if (m.credentials != null && Object.hasOwnProperty.call(m, "credentials"))
                        $root.idfed.authorizer.v1.SessionCredentials.encode(m.credentials, w.uint32(42).fork(), q + 1).ldelim();
                    return w;
                };

                /**
                 * Encodes the specified AuthorizeRequest message, length delimited. Does not implicitly {@link idfed.authorizer.v1.AuthorizeRequest.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @static
                 * @param {idfed.authorizer.v1.IAuthorizeRequest} message AuthorizeRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                AuthorizeRequest.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes an AuthorizeRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.authorizer.v1.AuthorizeRequest} AuthorizeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                AuthorizeRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m, k, value;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.authorizer.v1.AuthorizeRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.action = r.string();
                                break;
                            }
                        case 2: {
                                m.resource = r.string();
                                break;
                            }
                        case 3: {
                                if (m.contextJson === $util.emptyObject)
                                    m.contextJson = {};
                                var c2 = r.uint32() + r.pos;
                                if (c2 > r.len)
                                    throw RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                value = "";
                                while (r.pos < c2) {
                                    var tag2 = r.uint32();
                                    switch (tag2 >>> 3) {
                                    case 1:
                                        k = r.string();
                                        break;
                                    case 2:
                                        value = r.string();
                                        break;
                                    default:
                                        r.skipType(tag2 & 7, n);
                                        break;
                                    }
                                }
                                if (r.pos !== c2)
                                    throw RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.contextJson, k);
                                m.contextJson[k] = value;
                                break;
                            }
                        case 4: {
                                m.request = $root.idfed.authorizer.v1.SignedRequest.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 5: {
                                m.credentials = $root.idfed.authorizer.v1.SessionCredentials.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes an AuthorizeRequest message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.authorizer.v1.AuthorizeRequest} AuthorizeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                AuthorizeRequest.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies an AuthorizeRequest message.
                 * @function verify
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                AuthorizeRequest.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    var p = {};
                    if (m.action != null && Object.hasOwnProperty.call(m, "action")) {
                        if (!$util.isString(m.action))
                            return "action: string expected";
                    }
                    if (m.resource != null && Object.hasOwnProperty.call(m, "resource")) {
                        if (!$util.isString(m.resource))
                            return "resource: string expected";
                    }
                    if (m.contextJson != null && Object.hasOwnProperty.call(m, "contextJson")) {
                        if (!$util.isObject(m.contextJson))
                            return "contextJson: object expected";
                        var k = Object.keys(m.contextJson);
                        for (var i = 0; i < k.length; ++i) {
                            if (!$util.isString(m.contextJson[k[i]]))
                                return "contextJson: string{k:string} expected";
                        }
                    }
                    if (m.request != null && Object.hasOwnProperty.call(m, "request")) {
                        p.subject = 1;
                        {
                            var e = $root.idfed.authorizer.v1.SignedRequest.verify(m.request, n + 1);
                            if (e)
                                return "request." + e;
                        }
                    }
                    if (m.credentials != null && Object.hasOwnProperty.call(m, "credentials")) {
                        if (p.subject === 1)
                            return "subject: multiple values";
                        p.subject = 1;
                        {
                            var e = $root.idfed.authorizer.v1.SessionCredentials.verify(m.credentials, n + 1);
                            if (e)
                                return "credentials." + e;
                        }
                    }
                    return null;
                };

                /**
                 * Creates an AuthorizeRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.authorizer.v1.AuthorizeRequest} AuthorizeRequest
                 */
                AuthorizeRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.authorizer.v1.AuthorizeRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.authorizer.v1.AuthorizeRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.authorizer.v1.AuthorizeRequest();
                    if (d.action != null) {
                        m.action = String(d.action);
                    }
                    if (d.resource != null) {
                        m.resource = String(d.resource);
                    }
                    if (d.contextJson) {
                        if (!$util.isObject(d.contextJson))
                            throw TypeError(".idfed.authorizer.v1.AuthorizeRequest.contextJson: object expected");
                        m.contextJson = {};
                        for (var ks = Object.keys(d.contextJson), i = 0; i < ks.length; ++i) {
                            if (ks[i] === "__proto__")
                                $util.makeProp(m.contextJson, ks[i]);
                            m.contextJson[ks[i]] = String(d.contextJson[ks[i]]);
                        }
                    }
                    if (d.request != null) {
                        if (!$util.isObject(d.request))
                            throw TypeError(".idfed.authorizer.v1.AuthorizeRequest.request: object expected");
                        m.request = $root.idfed.authorizer.v1.SignedRequest.fromObject(d.request, n + 1);
                    }
                    if (d.credentials != null) {
                        if (!$util.isObject(d.credentials))
                            throw TypeError(".idfed.authorizer.v1.AuthorizeRequest.credentials: object expected");
                        m.credentials = $root.idfed.authorizer.v1.SessionCredentials.fromObject(d.credentials, n + 1);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an AuthorizeRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @static
                 * @param {idfed.authorizer.v1.AuthorizeRequest} m AuthorizeRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                AuthorizeRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.objects || o.defaults) {
                        d.contextJson = {};
                    }
                    if (o.defaults) {
                        d.action = "";
                        d.resource = "";
                    }
                    if (m.action != null && Object.hasOwnProperty.call(m, "action")) {
                        d.action = m.action;
                    }
                    if (m.resource != null && Object.hasOwnProperty.call(m, "resource")) {
                        d.resource = m.resource;
                    }
                    var ks2;
                    if (m.contextJson && (ks2 = Object.keys(m.contextJson)).length) {
                        d.contextJson = {};
                        for (var j = 0; j < ks2.length; ++j) {
                            if (ks2[j] === "__proto__")
                                $util.makeProp(d.contextJson, ks2[j]);
                            d.contextJson[ks2[j]] = m.contextJson[ks2[j]];
                        }
                    }
                    if (m.request != null && Object.hasOwnProperty.call(m, "request")) {
                        d.request = $root.idfed.authorizer.v1.SignedRequest.toObject(m.request, o, q + 1);
                        if (o.oneofs)
                            d.subject = "request";
                    }
                    if (m.credentials != null && Object.hasOwnProperty.call(m, "credentials")) {
                        d.credentials = $root.idfed.authorizer.v1.SessionCredentials.toObject(m.credentials, o, q + 1);
                        if (o.oneofs)
                            d.subject = "credentials";
                    }
                    return d;
                };

                /**
                 * Converts this AuthorizeRequest to JSON.
                 * @function toJSON
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                AuthorizeRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for AuthorizeRequest
                 * @function getTypeUrl
                 * @memberof idfed.authorizer.v1.AuthorizeRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                AuthorizeRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.authorizer.v1.AuthorizeRequest";
                };

                return AuthorizeRequest;
            })();

            v1.Principal = (function() {

                /**
                 * Properties of a Principal.
                 * @memberof idfed.authorizer.v1
                 * @interface IPrincipal
                 * @property {string|null} [type] Principal type
                 * @property {string|null} [arn] Principal arn
                 * @property {string|null} [accountId] Principal accountId
                 * @property {string|null} [userId] Principal userId
                 * @property {string|null} [roleArn] Principal roleArn
                 * @property {string|null} [sessionName] Principal sessionName
                 * @property {string|null} [json] Principal json
                 */

                /**
                 * Constructs a new Principal.
                 * @memberof idfed.authorizer.v1
                 * @classdesc Represents a Principal.
                 * @implements IPrincipal
                 * @constructor
                 * @param {idfed.authorizer.v1.IPrincipal=} [p] Properties to set
                 */
                function Principal(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Principal type.
                 * @member {string} type
                 * @memberof idfed.authorizer.v1.Principal
                 * @instance
                 */
                Principal.prototype.type = "";

                /**
                 * Principal arn.
                 * @member {string} arn
                 * @memberof idfed.authorizer.v1.Principal
                 * @instance
                 */
                Principal.prototype.arn = "";

                /**
                 * Principal accountId.
                 * @member {string} accountId
                 * @memberof idfed.authorizer.v1.Principal
                 * @instance
                 */
                Principal.prototype.accountId = "";

                /**
                 * Principal userId.
                 * @member {string} userId
                 * @memberof idfed.authorizer.v1.Principal
                 * @instance
                 */
                Principal.prototype.userId = "";

                /**
                 * Principal roleArn.
                 * @member {string} roleArn
                 * @memberof idfed.authorizer.v1.Principal
                 * @instance
                 */
                Principal.prototype.roleArn = "";

                /**
                 * Principal sessionName.
                 * @member {string} sessionName
                 * @memberof idfed.authorizer.v1.Principal
                 * @instance
                 */
                Principal.prototype.sessionName = "";

                /**
                 * Principal json.
                 * @member {string} json
                 * @memberof idfed.authorizer.v1.Principal
                 * @instance
                 */
                Principal.prototype.json = "";

                /**
                 * Creates a new Principal instance using the specified properties.
                 * @function create
                 * @memberof idfed.authorizer.v1.Principal
                 * @static
                 * @param {idfed.authorizer.v1.IPrincipal=} [properties] Properties to set
                 * @returns {idfed.authorizer.v1.Principal} Principal instance
                 */
                Principal.create = function create(properties) {
                    return new Principal(properties);
                };

                /**
                 * Encodes the specified Principal message. Does not implicitly {@link idfed.authorizer.v1.Principal.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.authorizer.v1.Principal
                 * @static
                 * @param {idfed.authorizer.v1.IPrincipal} m Principal message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Principal.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.type != null && Object.hasOwnProperty.call(m, "type"))
                        w.uint32(10).string(m.type);
                    if (m.arn != null && Object.hasOwnProperty.call(m, "arn"))
                        w.uint32(18).string(m.arn);
                    if (m.accountId != null && Object.hasOwnProperty.call(m, "accountId"))
                        w.uint32(26).string(m.accountId);
                    if (m.userId != null && Object.hasOwnProperty.call(m, "userId"))
                        w.uint32(34).string(m.userId);
                    if (m.roleArn != null && Object.hasOwnProperty.call(m, "roleArn"))
                        w.uint32(42).string(m.roleArn);
                    if (m.sessionName != null && Object.hasOwnProperty.call(m, "sessionName"))
                        w.uint32(50).string(m.sessionName);
                    if (m.json != null && Object.hasOwnProperty.call(m, "json"))
                        w.uint32(58).string(m.json);
                    return w;
                };

                /**
                 * Encodes the specified Principal message, length delimited. Does not implicitly {@link idfed.authorizer.v1.Principal.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.authorizer.v1.Principal
                 * @static
                 * @param {idfed.authorizer.v1.IPrincipal} message Principal message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Principal.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a Principal message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.authorizer.v1.Principal
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.authorizer.v1.Principal} Principal
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Principal.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.authorizer.v1.Principal();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.type = r.string();
                                break;
                            }
                        case 2: {
                                m.arn = r.string();
                                break;
                            }
                        case 3: {
                                m.accountId = r.string();
                                break;
                            }
                        case 4: {
                                m.userId = r.string();
                                break;
                            }
                        case 5: {
                                m.roleArn = r.string();
                                break;
                            }
                        case 6: {
                                m.sessionName = r.string();
                                break;
                            }
                        case 7: {
                                m.json = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a Principal message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.authorizer.v1.Principal
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.authorizer.v1.Principal} Principal
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Principal.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a Principal message.
                 * @function verify
                 * @memberof idfed.authorizer.v1.Principal
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Principal.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.type != null && Object.hasOwnProperty.call(m, "type")) {
                        if (!$util.isString(m.type))
                            return "type: string expected";
                    }
                    if (m.arn != null && Object.hasOwnProperty.call(m, "arn")) {
                        if (!$util.isString(m.arn))
                            return "arn: string expected";
                    }
                    if (m.accountId != null && Object.hasOwnProperty.call(m, "accountId")) {
                        if (!$util.isString(m.accountId))
                            return "accountId: string expected";
                    }
                    if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                        if (!$util.isString(m.userId))
                            return "userId: string expected";
                    }
                    if (m.roleArn != null && Object.hasOwnProperty.call(m, "roleArn")) {
                        if (!$util.isString(m.roleArn))
                            return "roleArn: string expected";
                    }
                    if (m.sessionName != null && Object.hasOwnProperty.call(m, "sessionName")) {
                        if (!$util.isString(m.sessionName))
                            return "sessionName: string expected";
                    }
                    if (m.json != null && Object.hasOwnProperty.call(m, "json")) {
                        if (!$util.isString(m.json))
                            return "json: string expected";
                    }
                    return null;
                };

                /**
                 * Creates a Principal message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.authorizer.v1.Principal
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.authorizer.v1.Principal} Principal
                 */
                Principal.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.authorizer.v1.Principal)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.authorizer.v1.Principal: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.authorizer.v1.Principal();
                    if (d.type != null) {
                        m.type = String(d.type);
                    }
                    if (d.arn != null) {
                        m.arn = String(d.arn);
                    }
                    if (d.accountId != null) {
                        m.accountId = String(d.accountId);
                    }
                    if (d.userId != null) {
                        m.userId = String(d.userId);
                    }
                    if (d.roleArn != null) {
                        m.roleArn = String(d.roleArn);
                    }
                    if (d.sessionName != null) {
                        m.sessionName = String(d.sessionName);
                    }
                    if (d.json != null) {
                        m.json = String(d.json);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a Principal message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.authorizer.v1.Principal
                 * @static
                 * @param {idfed.authorizer.v1.Principal} m Principal
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Principal.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.type = "";
                        d.arn = "";
                        d.accountId = "";
                        d.userId = "";
                        d.roleArn = "";
                        d.sessionName = "";
                        d.json = "";
                    }
                    if (m.type != null && Object.hasOwnProperty.call(m, "type")) {
                        d.type = m.type;
                    }
                    if (m.arn != null && Object.hasOwnProperty.call(m, "arn")) {
                        d.arn = m.arn;
                    }
                    if (m.accountId != null && Object.hasOwnProperty.call(m, "accountId")) {
                        d.accountId = m.accountId;
                    }
                    if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                        d.userId = m.userId;
                    }
                    if (m.roleArn != null && Object.hasOwnProperty.call(m, "roleArn")) {
                        d.roleArn = m.roleArn;
                    }
                    if (m.sessionName != null && Object.hasOwnProperty.call(m, "sessionName")) {
                        d.sessionName = m.sessionName;
                    }
                    if (m.json != null && Object.hasOwnProperty.call(m, "json")) {
                        d.json = m.json;
                    }
                    return d;
                };

                /**
                 * Converts this Principal to JSON.
                 * @function toJSON
                 * @memberof idfed.authorizer.v1.Principal
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Principal.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Principal
                 * @function getTypeUrl
                 * @memberof idfed.authorizer.v1.Principal
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Principal.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.authorizer.v1.Principal";
                };

                return Principal;
            })();

            v1.DecidingStatement = (function() {

                /**
                 * Properties of a DecidingStatement.
                 * @memberof idfed.authorizer.v1
                 * @interface IDecidingStatement
                 * @property {string|null} [policy] DecidingStatement policy
                 * @property {string|null} [sid] DecidingStatement sid
                 * @property {string|null} [effect] DecidingStatement effect
                 */

                /**
                 * Constructs a new DecidingStatement.
                 * @memberof idfed.authorizer.v1
                 * @classdesc Represents a DecidingStatement.
                 * @implements IDecidingStatement
                 * @constructor
                 * @param {idfed.authorizer.v1.IDecidingStatement=} [p] Properties to set
                 */
                function DecidingStatement(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * DecidingStatement policy.
                 * @member {string} policy
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @instance
                 */
                DecidingStatement.prototype.policy = "";

                /**
                 * DecidingStatement sid.
                 * @member {string} sid
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @instance
                 */
                DecidingStatement.prototype.sid = "";

                /**
                 * DecidingStatement effect.
                 * @member {string} effect
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @instance
                 */
                DecidingStatement.prototype.effect = "";

                /**
                 * Creates a new DecidingStatement instance using the specified properties.
                 * @function create
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @static
                 * @param {idfed.authorizer.v1.IDecidingStatement=} [properties] Properties to set
                 * @returns {idfed.authorizer.v1.DecidingStatement} DecidingStatement instance
                 */
                DecidingStatement.create = function create(properties) {
                    return new DecidingStatement(properties);
                };

                /**
                 * Encodes the specified DecidingStatement message. Does not implicitly {@link idfed.authorizer.v1.DecidingStatement.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @static
                 * @param {idfed.authorizer.v1.IDecidingStatement} m DecidingStatement message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                DecidingStatement.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.policy != null && Object.hasOwnProperty.call(m, "policy"))
                        w.uint32(10).string(m.policy);
                    if (m.sid != null && Object.hasOwnProperty.call(m, "sid"))
                        w.uint32(18).string(m.sid);
                    if (m.effect != null && Object.hasOwnProperty.call(m, "effect"))
                        w.uint32(26).string(m.effect);
                    return w;
                };

                /**
                 * Encodes the specified DecidingStatement message, length delimited. Does not implicitly {@link idfed.authorizer.v1.DecidingStatement.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @static
                 * @param {idfed.authorizer.v1.IDecidingStatement} message DecidingStatement message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                DecidingStatement.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a DecidingStatement message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.authorizer.v1.DecidingStatement} DecidingStatement
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                DecidingStatement.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.authorizer.v1.DecidingStatement();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.policy = r.string();
                                break;
                            }
                        case 2: {
                                m.sid = r.string();
                                break;
                            }
                        case 3: {
                                m.effect = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a DecidingStatement message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.authorizer.v1.DecidingStatement} DecidingStatement
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                DecidingStatement.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a DecidingStatement message.
                 * @function verify
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                DecidingStatement.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.policy != null && Object.hasOwnProperty.call(m, "policy")) {
                        if (!$util.isString(m.policy))
                            return "policy: string expected";
                    }
                    if (m.sid != null && Object.hasOwnProperty.call(m, "sid")) {
                        if (!$util.isString(m.sid))
                            return "sid: string expected";
                    }
                    if (m.effect != null && Object.hasOwnProperty.call(m, "effect")) {
                        if (!$util.isString(m.effect))
                            return "effect: string expected";
                    }
                    return null;
                };

                /**
                 * Creates a DecidingStatement message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.authorizer.v1.DecidingStatement} DecidingStatement
                 */
                DecidingStatement.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.authorizer.v1.DecidingStatement)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.authorizer.v1.DecidingStatement: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.authorizer.v1.DecidingStatement();
                    if (d.policy != null) {
                        m.policy = String(d.policy);
                    }
                    if (d.sid != null) {
                        m.sid = String(d.sid);
                    }
                    if (d.effect != null) {
                        m.effect = String(d.effect);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a DecidingStatement message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @static
                 * @param {idfed.authorizer.v1.DecidingStatement} m DecidingStatement
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                DecidingStatement.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.policy = "";
                        d.sid = "";
                        d.effect = "";
                    }
                    if (m.policy != null && Object.hasOwnProperty.call(m, "policy")) {
                        d.policy = m.policy;
                    }
                    if (m.sid != null && Object.hasOwnProperty.call(m, "sid")) {
                        d.sid = m.sid;
                    }
                    if (m.effect != null && Object.hasOwnProperty.call(m, "effect")) {
                        d.effect = m.effect;
                    }
                    return d;
                };

                /**
                 * Converts this DecidingStatement to JSON.
                 * @function toJSON
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                DecidingStatement.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for DecidingStatement
                 * @function getTypeUrl
                 * @memberof idfed.authorizer.v1.DecidingStatement
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                DecidingStatement.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.authorizer.v1.DecidingStatement";
                };

                return DecidingStatement;
            })();

            v1.AuthorizeResponse = (function() {

                /**
                 * Properties of an AuthorizeResponse.
                 * @memberof idfed.authorizer.v1
                 * @interface IAuthorizeResponse
                 * @property {boolean|null} [authenticated] AuthorizeResponse authenticated
                 * @property {boolean|null} [allowed] AuthorizeResponse allowed
                 * @property {string|null} [decision] AuthorizeResponse decision
                 * @property {string|null} [reason] AuthorizeResponse reason
                 * @property {idfed.authorizer.v1.IPrincipal|null} [principal] AuthorizeResponse principal
                 * @property {idfed.authorizer.v1.IDecidingStatement|null} [decidedBy] AuthorizeResponse decidedBy
                 * @property {string|null} [errorName] AuthorizeResponse errorName
                 * @property {string|null} [errorMessage] AuthorizeResponse errorMessage
                 */

                /**
                 * Constructs a new AuthorizeResponse.
                 * @memberof idfed.authorizer.v1
                 * @classdesc Represents an AuthorizeResponse.
                 * @implements IAuthorizeResponse
                 * @constructor
                 * @param {idfed.authorizer.v1.IAuthorizeResponse=} [p] Properties to set
                 */
                function AuthorizeResponse(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * AuthorizeResponse authenticated.
                 * @member {boolean} authenticated
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @instance
                 */
                AuthorizeResponse.prototype.authenticated = false;

                /**
                 * AuthorizeResponse allowed.
                 * @member {boolean} allowed
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @instance
                 */
                AuthorizeResponse.prototype.allowed = false;

                /**
                 * AuthorizeResponse decision.
                 * @member {string} decision
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @instance
                 */
                AuthorizeResponse.prototype.decision = "";

                /**
                 * AuthorizeResponse reason.
                 * @member {string} reason
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @instance
                 */
                AuthorizeResponse.prototype.reason = "";

                /**
                 * AuthorizeResponse principal.
                 * @member {idfed.authorizer.v1.IPrincipal|null|undefined} principal
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @instance
                 */
                AuthorizeResponse.prototype.principal = null;

                /**
                 * AuthorizeResponse decidedBy.
                 * @member {idfed.authorizer.v1.IDecidingStatement|null|undefined} decidedBy
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @instance
                 */
                AuthorizeResponse.prototype.decidedBy = null;

                /**
                 * AuthorizeResponse errorName.
                 * @member {string} errorName
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @instance
                 */
                AuthorizeResponse.prototype.errorName = "";

                /**
                 * AuthorizeResponse errorMessage.
                 * @member {string} errorMessage
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @instance
                 */
                AuthorizeResponse.prototype.errorMessage = "";

                /**
                 * Creates a new AuthorizeResponse instance using the specified properties.
                 * @function create
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @static
                 * @param {idfed.authorizer.v1.IAuthorizeResponse=} [properties] Properties to set
                 * @returns {idfed.authorizer.v1.AuthorizeResponse} AuthorizeResponse instance
                 */
                AuthorizeResponse.create = function create(properties) {
                    return new AuthorizeResponse(properties);
                };

                /**
                 * Encodes the specified AuthorizeResponse message. Does not implicitly {@link idfed.authorizer.v1.AuthorizeResponse.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @static
                 * @param {idfed.authorizer.v1.IAuthorizeResponse} m AuthorizeResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                AuthorizeResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.authenticated != null && Object.hasOwnProperty.call(m, "authenticated"))
                        w.uint32(8).bool(m.authenticated);
                    if (m.allowed != null && Object.hasOwnProperty.call(m, "allowed"))
                        w.uint32(16).bool(m.allowed);
                    if (m.decision != null && Object.hasOwnProperty.call(m, "decision"))
                        w.uint32(26).string(m.decision);
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason"))
                        w.uint32(34).string(m.reason);
                    if (m.principal != null && Object.hasOwnProperty.call(m, "principal"))
                        $root.idfed.authorizer.v1.Principal.encode(m.principal, w.uint32(42).fork(), q + 1).ldelim();
                    if (m.decidedBy != null && Object.hasOwnProperty.call(m, "decidedBy"))
                        $root.idfed.authorizer.v1.DecidingStatement.encode(m.decidedBy, w.uint32(50).fork(), q + 1).ldelim();
                    if (m.errorName != null && Object.hasOwnProperty.call(m, "errorName"))
                        w.uint32(58).string(m.errorName);
                    if (m.errorMessage != null && Object.hasOwnProperty.call(m, "errorMessage"))
                        w.uint32(66).string(m.errorMessage);
                    return w;
                };

                /**
                 * Encodes the specified AuthorizeResponse message, length delimited. Does not implicitly {@link idfed.authorizer.v1.AuthorizeResponse.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @static
                 * @param {idfed.authorizer.v1.IAuthorizeResponse} message AuthorizeResponse message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                AuthorizeResponse.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes an AuthorizeResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.authorizer.v1.AuthorizeResponse} AuthorizeResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                AuthorizeResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.authorizer.v1.AuthorizeResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.authenticated = r.bool();
                                break;
                            }
                        case 2: {
                                m.allowed = r.bool();
                                break;
                            }
                        case 3: {
                                m.decision = r.string();
                                break;
                            }
                        case 4: {
                                m.reason = r.string();
                                break;
                            }
                        case 5: {
                                m.principal = $root.idfed.authorizer.v1.Principal.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 6: {
                                m.decidedBy = $root.idfed.authorizer.v1.DecidingStatement.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 7: {
                                m.errorName = r.string();
                                break;
                            }
                        case 8: {
                                m.errorMessage = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes an AuthorizeResponse message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.authorizer.v1.AuthorizeResponse} AuthorizeResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                AuthorizeResponse.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies an AuthorizeResponse message.
                 * @function verify
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                AuthorizeResponse.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.authenticated != null && Object.hasOwnProperty.call(m, "authenticated")) {
                        if (typeof m.authenticated !== "boolean")
                            return "authenticated: boolean expected";
                    }
                    if (m.allowed != null && Object.hasOwnProperty.call(m, "allowed")) {
                        if (typeof m.allowed !== "boolean")
                            return "allowed: boolean expected";
                    }
                    if (m.decision != null && Object.hasOwnProperty.call(m, "decision")) {
                        if (!$util.isString(m.decision))
                            return "decision: string expected";
                    }
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason")) {
                        if (!$util.isString(m.reason))
                            return "reason: string expected";
                    }
                    if (m.principal != null && Object.hasOwnProperty.call(m, "principal")) {
                        {
                            var e = $root.idfed.authorizer.v1.Principal.verify(m.principal, n + 1);
                            if (e)
                                return "principal." + e;
                        }
                    }
                    if (m.decidedBy != null && Object.hasOwnProperty.call(m, "decidedBy")) {
                        {
                            var e = $root.idfed.authorizer.v1.DecidingStatement.verify(m.decidedBy, n + 1);
                            if (e)
                                return "decidedBy." + e;
                        }
                    }
                    if (m.errorName != null && Object.hasOwnProperty.call(m, "errorName")) {
                        if (!$util.isString(m.errorName))
                            return "errorName: string expected";
                    }
                    if (m.errorMessage != null && Object.hasOwnProperty.call(m, "errorMessage")) {
                        if (!$util.isString(m.errorMessage))
                            return "errorMessage: string expected";
                    }
                    return null;
                };

                /**
                 * Creates an AuthorizeResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.authorizer.v1.AuthorizeResponse} AuthorizeResponse
                 */
                AuthorizeResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.authorizer.v1.AuthorizeResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.authorizer.v1.AuthorizeResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.authorizer.v1.AuthorizeResponse();
                    if (d.authenticated != null) {
                        m.authenticated = Boolean(d.authenticated);
                    }
                    if (d.allowed != null) {
                        m.allowed = Boolean(d.allowed);
                    }
                    if (d.decision != null) {
                        m.decision = String(d.decision);
                    }
                    if (d.reason != null) {
                        m.reason = String(d.reason);
                    }
                    if (d.principal != null) {
                        if (!$util.isObject(d.principal))
                            throw TypeError(".idfed.authorizer.v1.AuthorizeResponse.principal: object expected");
                        m.principal = $root.idfed.authorizer.v1.Principal.fromObject(d.principal, n + 1);
                    }
                    if (d.decidedBy != null) {
                        if (!$util.isObject(d.decidedBy))
                            throw TypeError(".idfed.authorizer.v1.AuthorizeResponse.decidedBy: object expected");
                        m.decidedBy = $root.idfed.authorizer.v1.DecidingStatement.fromObject(d.decidedBy, n + 1);
                    }
                    if (d.errorName != null) {
                        m.errorName = String(d.errorName);
                    }
                    if (d.errorMessage != null) {
                        m.errorMessage = String(d.errorMessage);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an AuthorizeResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @static
                 * @param {idfed.authorizer.v1.AuthorizeResponse} m AuthorizeResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                AuthorizeResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.authenticated = false;
                        d.allowed = false;
                        d.decision = "";
                        d.reason = "";
                        d.principal = null;
                        d.decidedBy = null;
                        d.errorName = "";
                        d.errorMessage = "";
                    }
                    if (m.authenticated != null && Object.hasOwnProperty.call(m, "authenticated")) {
                        d.authenticated = m.authenticated;
                    }
                    if (m.allowed != null && Object.hasOwnProperty.call(m, "allowed")) {
                        d.allowed = m.allowed;
                    }
                    if (m.decision != null && Object.hasOwnProperty.call(m, "decision")) {
                        d.decision = m.decision;
                    }
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason")) {
                        d.reason = m.reason;
                    }
                    if (m.principal != null && Object.hasOwnProperty.call(m, "principal")) {
                        d.principal = $root.idfed.authorizer.v1.Principal.toObject(m.principal, o, q + 1);
                    }
                    if (m.decidedBy != null && Object.hasOwnProperty.call(m, "decidedBy")) {
                        d.decidedBy = $root.idfed.authorizer.v1.DecidingStatement.toObject(m.decidedBy, o, q + 1);
                    }
                    if (m.errorName != null && Object.hasOwnProperty.call(m, "errorName")) {
                        d.errorName = m.errorName;
                    }
                    if (m.errorMessage != null && Object.hasOwnProperty.call(m, "errorMessage")) {
                        d.errorMessage = m.errorMessage;
                    }
                    return d;
                };

                /**
                 * Converts this AuthorizeResponse to JSON.
                 * @function toJSON
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                AuthorizeResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for AuthorizeResponse
                 * @function getTypeUrl
                 * @memberof idfed.authorizer.v1.AuthorizeResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                AuthorizeResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.authorizer.v1.AuthorizeResponse";
                };

                return AuthorizeResponse;
            })();

            return v1;
        })();

        return authorizer;
    })();

    idfed.events = (function() {

        /**
         * Namespace events.
         * @memberof idfed
         * @namespace
         */
        var events = {};

        events.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof idfed.events
             * @namespace
             */
            var v1 = {};

            v1.AccountEvents = (function() {

                /**
                 * Constructs a new AccountEvents service.
                 * @memberof idfed.events.v1
                 * @classdesc Represents an AccountEvents
                 * @extends $protobuf.rpc.Service
                 * @constructor
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 */
                function AccountEvents(rpcImpl, requestDelimited, responseDelimited) {
                    $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
                }

                (AccountEvents.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = AccountEvents;

                /**
                 * Creates new AccountEvents service using the specified rpc implementation.
                 * @function create
                 * @memberof idfed.events.v1.AccountEvents
                 * @static
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 * @returns {AccountEvents} RPC service. Useful where requests and/or responses are streamed.
                 */
                AccountEvents.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                    return new this(rpcImpl, requestDelimited, responseDelimited);
                };

                /**
                 * Callback as used by {@link idfed.events.v1.AccountEvents#subscribe}.
                 * @memberof idfed.events.v1.AccountEvents
                 * @typedef SubscribeCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {idfed.events.v1.AccountEvent} [response] AccountEvent
                 */

                /**
                 * Calls Subscribe.
                 * @function subscribe
                 * @memberof idfed.events.v1.AccountEvents
                 * @instance
                 * @param {idfed.events.v1.ISubscribeRequest} request SubscribeRequest message or plain object
                 * @param {idfed.events.v1.AccountEvents.SubscribeCallback} callback Node-style callback called with the error, if any, and AccountEvent
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(AccountEvents.prototype.subscribe = function subscribe(request, callback) {
                    return $protobuf.rpc.Service.prototype.rpcCall.call(this, subscribe, $root.idfed.events.v1.SubscribeRequest, $root.idfed.events.v1.AccountEvent, request, callback);
                }, "name", { value: "Subscribe" });

                /**
                 * Calls Subscribe.
                 * @function subscribe
                 * @memberof idfed.events.v1.AccountEvents
                 * @instance
                 * @param {idfed.events.v1.ISubscribeRequest} request SubscribeRequest message or plain object
                 * @returns {Promise<idfed.events.v1.AccountEvent>} Promise
                 * @variation 2
                 */

                return AccountEvents;
            })();

            /**
             * AccountEventType enum.
             * @name idfed.events.v1.AccountEventType
             * @enum {number}
             * @property {number} ACCOUNT_EVENT_TYPE_UNSPECIFIED=0 ACCOUNT_EVENT_TYPE_UNSPECIFIED value
             * @property {number} USER_DELETED=1 USER_DELETED value
             * @property {number} USER_DISABLED=2 USER_DISABLED value
             * @property {number} USER_ENABLED=3 USER_ENABLED value
             * @property {number} USER_SIGNED_OUT=4 USER_SIGNED_OUT value
             * @property {number} SESSION_REVOKED=5 SESSION_REVOKED value
             * @property {number} GROUPS_CHANGED=6 GROUPS_CHANGED value
             * @property {number} USER_POOL_DELETED=7 USER_POOL_DELETED value
             * @property {number} IDENTITY_MERGED=8 IDENTITY_MERGED value
             * @property {number} IDENTITY_DELETED=9 IDENTITY_DELETED value
             * @property {number} DATASET_CHANGED=10 DATASET_CHANGED value
             * @property {number} GROUP_CHANGED=11 GROUP_CHANGED value
             */
            v1.AccountEventType = (function() {
                var valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "ACCOUNT_EVENT_TYPE_UNSPECIFIED"] = 0;
                values[valuesById[1] = "USER_DELETED"] = 1;
                values[valuesById[2] = "USER_DISABLED"] = 2;
                values[valuesById[3] = "USER_ENABLED"] = 3;
                values[valuesById[4] = "USER_SIGNED_OUT"] = 4;
                values[valuesById[5] = "SESSION_REVOKED"] = 5;
                values[valuesById[6] = "GROUPS_CHANGED"] = 6;
                values[valuesById[7] = "USER_POOL_DELETED"] = 7;
                values[valuesById[8] = "IDENTITY_MERGED"] = 8;
                values[valuesById[9] = "IDENTITY_DELETED"] = 9;
                values[valuesById[10] = "DATASET_CHANGED"] = 10;
                values[valuesById[11] = "GROUP_CHANGED"] = 11;
                return values;
            })();

            /**
             * GroupChange enum.
             * @name idfed.events.v1.GroupChange
             * @enum {number}
             * @property {number} GROUP_CHANGE_UNSPECIFIED=0 GROUP_CHANGE_UNSPECIFIED value
             * @property {number} ADDED=1 ADDED value
             * @property {number} REMOVED=2 REMOVED value
             */
            v1.GroupChange = (function() {
                var valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "GROUP_CHANGE_UNSPECIFIED"] = 0;
                values[valuesById[1] = "ADDED"] = 1;
                values[valuesById[2] = "REMOVED"] = 2;
                return values;
            })();

            /**
             * GroupDefinitionChange enum.
             * @name idfed.events.v1.GroupDefinitionChange
             * @enum {number}
             * @property {number} GROUP_DEFINITION_CHANGE_UNSPECIFIED=0 GROUP_DEFINITION_CHANGE_UNSPECIFIED value
             * @property {number} CREATED=1 CREATED value
             * @property {number} UPDATED=2 UPDATED value
             * @property {number} DELETED=3 DELETED value
             */
            v1.GroupDefinitionChange = (function() {
                var valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "GROUP_DEFINITION_CHANGE_UNSPECIFIED"] = 0;
                values[valuesById[1] = "CREATED"] = 1;
                values[valuesById[2] = "UPDATED"] = 2;
                values[valuesById[3] = "DELETED"] = 3;
                return values;
            })();

            v1.SubscribeRequest = (function() {

                /**
                 * Properties of a SubscribeRequest.
                 * @memberof idfed.events.v1
                 * @interface ISubscribeRequest
                 * @property {Array.<idfed.events.v1.AccountEventType>|null} [types] SubscribeRequest types
                 * @property {Array.<string>|null} [userPoolIds] SubscribeRequest userPoolIds
                 * @property {Array.<string>|null} [identityPoolIds] SubscribeRequest identityPoolIds
                 */

                /**
                 * Constructs a new SubscribeRequest.
                 * @memberof idfed.events.v1
                 * @classdesc Represents a SubscribeRequest.
                 * @implements ISubscribeRequest
                 * @constructor
                 * @param {idfed.events.v1.ISubscribeRequest=} [p] Properties to set
                 */
                function SubscribeRequest(p) {
                    this.types = [];
                    this.userPoolIds = [];
                    this.identityPoolIds = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * SubscribeRequest types.
                 * @member {Array.<idfed.events.v1.AccountEventType>} types
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @instance
                 */
                SubscribeRequest.prototype.types = $util.emptyArray;

                /**
                 * SubscribeRequest userPoolIds.
                 * @member {Array.<string>} userPoolIds
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @instance
                 */
                SubscribeRequest.prototype.userPoolIds = $util.emptyArray;

                /**
                 * SubscribeRequest identityPoolIds.
                 * @member {Array.<string>} identityPoolIds
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @instance
                 */
                SubscribeRequest.prototype.identityPoolIds = $util.emptyArray;

                /**
                 * Creates a new SubscribeRequest instance using the specified properties.
                 * @function create
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @static
                 * @param {idfed.events.v1.ISubscribeRequest=} [properties] Properties to set
                 * @returns {idfed.events.v1.SubscribeRequest} SubscribeRequest instance
                 */
                SubscribeRequest.create = function create(properties) {
                    return new SubscribeRequest(properties);
                };

                /**
                 * Encodes the specified SubscribeRequest message. Does not implicitly {@link idfed.events.v1.SubscribeRequest.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @static
                 * @param {idfed.events.v1.ISubscribeRequest} m SubscribeRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SubscribeRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.types != null && m.types.length) {
                        w.uint32(10).fork();
                        for (var i = 0; i < m.types.length; ++i)
                            w.int32(m.types[i]);
                        w.ldelim();
                    }
                    if (m.userPoolIds != null && m.userPoolIds.length) {
                        for (var i = 0; i < m.userPoolIds.length; ++i)
                            w.uint32(18).string(m.userPoolIds[i]);
                    }
                    if (m.identityPoolIds != null && m.identityPoolIds.length) {
                        for (var i = 0; i < m.identityPoolIds.length; ++i)
                            w.uint32(26).string(m.identityPoolIds[i]);
                    }
                    return w;
                };

                /**
                 * Encodes the specified SubscribeRequest message, length delimited. Does not implicitly {@link idfed.events.v1.SubscribeRequest.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @static
                 * @param {idfed.events.v1.ISubscribeRequest} message SubscribeRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SubscribeRequest.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a SubscribeRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.events.v1.SubscribeRequest} SubscribeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SubscribeRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.events.v1.SubscribeRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                if (!(m.types && m.types.length))
                                    m.types = [];
                                if ((t & 7) === 2) {
                                    var c2 = r.uint32() + r.pos;
                                    if (c2 > r.len)
                                        throw RangeError("index out of range");
                                    r.len = c2;
                                    while (r.pos < c2)
                                        m.types.push(r.int32());
                                    if (r.pos !== c2)
                                        throw RangeError("index out of range");
                                    r.len = c;
                                } else
                                    m.types.push(r.int32());
                                break;
                            }
                        case 2: {
                                if (!(m.userPoolIds && m.userPoolIds.length))
                                    m.userPoolIds = [];
                                m.userPoolIds.push(r.string());
                                break;
                            }
                        case 3: {
                                if (!(m.identityPoolIds && m.identityPoolIds.length))
                                    m.identityPoolIds = [];
                                m.identityPoolIds.push(r.string());
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a SubscribeRequest message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.events.v1.SubscribeRequest} SubscribeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SubscribeRequest.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a SubscribeRequest message.
                 * @function verify
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                SubscribeRequest.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.types != null && Object.hasOwnProperty.call(m, "types")) {
                        if (!Array.isArray(m.types))
                            return "types: array expected";
                        for (var i = 0; i < m.types.length; ++i) {
                            switch (m.types[i]) {
                            default:
                                return "types: enum value[] expected";
                            case 0:
                            case 1:
                            case 2:
                            case 3:
                            case 4:
                            case 5:
                            case 6:
                            case 7:
                            case 8:
                            case 9:
                            case 10:
                            case 11:
                                break;
                            }
                        }
                    }
                    if (m.userPoolIds != null && Object.hasOwnProperty.call(m, "userPoolIds")) {
                        if (!Array.isArray(m.userPoolIds))
                            return "userPoolIds: array expected";
                        for (var i = 0; i < m.userPoolIds.length; ++i) {
                            if (!$util.isString(m.userPoolIds[i]))
                                return "userPoolIds: string[] expected";
                        }
                    }
                    if (m.identityPoolIds != null && Object.hasOwnProperty.call(m, "identityPoolIds")) {
                        if (!Array.isArray(m.identityPoolIds))
                            return "identityPoolIds: array expected";
                        for (var i = 0; i < m.identityPoolIds.length; ++i) {
                            if (!$util.isString(m.identityPoolIds[i]))
                                return "identityPoolIds: string[] expected";
                        }
                    }
                    return null;
                };

                /**
                 * Creates a SubscribeRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.events.v1.SubscribeRequest} SubscribeRequest
                 */
                SubscribeRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.events.v1.SubscribeRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.events.v1.SubscribeRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.events.v1.SubscribeRequest();
                    if (d.types) {
                        if (!Array.isArray(d.types))
                            throw TypeError(".idfed.events.v1.SubscribeRequest.types: array expected");
                        m.types = [];
                        for (var i = 0; i < d.types.length; ++i) {
                            switch (d.types[i]) {
                            default:
                                if (typeof d.types[i] === "number") {
                                    m.types[i] = d.types[i];
                                    break;
                                }
                            case "ACCOUNT_EVENT_TYPE_UNSPECIFIED":
                            case 0:
                                m.types[i] = 0;
                                break;
                            case "USER_DELETED":
                            case 1:
                                m.types[i] = 1;
                                break;
                            case "USER_DISABLED":
                            case 2:
                                m.types[i] = 2;
                                break;
                            case "USER_ENABLED":
                            case 3:
                                m.types[i] = 3;
                                break;
                            case "USER_SIGNED_OUT":
                            case 4:
                                m.types[i] = 4;
                                break;
                            case "SESSION_REVOKED":
                            case 5:
                                m.types[i] = 5;
                                break;
                            case "GROUPS_CHANGED":
                            case 6:
                                m.types[i] = 6;
                                break;
                            case "USER_POOL_DELETED":
                            case 7:
                                m.types[i] = 7;
                                break;
                            case "IDENTITY_MERGED":
                            case 8:
                                m.types[i] = 8;
                                break;
                            case "IDENTITY_DELETED":
                            case 9:
                                m.types[i] = 9;
                                break;
                            case "DATASET_CHANGED":
                            case 10:
                                m.types[i] = 10;
                                break;
                            case "GROUP_CHANGED":
                            case 11:
                                m.types[i] = 11;
                                break;
                            }
                        }
                    }
                    if (d.userPoolIds) {
                        if (!Array.isArray(d.userPoolIds))
                            throw TypeError(".idfed.events.v1.SubscribeRequest.userPoolIds: array expected");
                        m.userPoolIds = [];
                        for (var i = 0; i < d.userPoolIds.length; ++i) {
                            m.userPoolIds[i] = String(d.userPoolIds[i]);
                        }
                    }
                    if (d.identityPoolIds) {
                        if (!Array.isArray(d.identityPoolIds))
                            throw TypeError(".idfed.events.v1.SubscribeRequest.identityPoolIds: array expected");
                        m.identityPoolIds = [];
                        for (var i = 0; i < d.identityPoolIds.length; ++i) {
                            m.identityPoolIds[i] = String(d.identityPoolIds[i]);
                        }
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a SubscribeRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @static
                 * @param {idfed.events.v1.SubscribeRequest} m SubscribeRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SubscribeRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.types = [];
                        d.userPoolIds = [];
                        d.identityPoolIds = [];
                    }
                    if (m.types && m.types.length) {
                        d.types = [];
                        for (var j = 0; j < m.types.length; ++j) {
                            d.types[j] = o.enums === String ? $root.idfed.events.v1.AccountEventType[m.types[j]] === undefined ? m.types[j] : $root.idfed.events.v1.AccountEventType[m.types[j]] : m.types[j];
                        }
                    }
                    if (m.userPoolIds && m.userPoolIds.length) {
                        d.userPoolIds = [];
                        for (var j = 0; j < m.userPoolIds.length; ++j) {
                            d.userPoolIds[j] = m.userPoolIds[j];
                        }
                    }
                    if (m.identityPoolIds && m.identityPoolIds.length) {
                        d.identityPoolIds = [];
                        for (var j = 0; j < m.identityPoolIds.length; ++j) {
                            d.identityPoolIds[j] = m.identityPoolIds[j];
                        }
                    }
                    return d;
                };

                /**
                 * Converts this SubscribeRequest to JSON.
                 * @function toJSON
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SubscribeRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for SubscribeRequest
                 * @function getTypeUrl
                 * @memberof idfed.events.v1.SubscribeRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                SubscribeRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.events.v1.SubscribeRequest";
                };

                return SubscribeRequest;
            })();

            v1.AccountEvent = (function() {

                /**
                 * Properties of an AccountEvent.
                 * @memberof idfed.events.v1
                 * @interface IAccountEvent
                 * @property {idfed.events.v1.AccountEventType|null} [type] AccountEvent type
                 * @property {string|null} [eventId] AccountEvent eventId
                 * @property {string|null} [occurredAt] AccountEvent occurredAt
                 * @property {string|null} [userPoolId] AccountEvent userPoolId
                 * @property {string|null} [sub] AccountEvent sub
                 * @property {string|null} [username] AccountEvent username
                 * @property {string|null} [tokensValidAfter] AccountEvent tokensValidAfter
                 * @property {Array.<string>|null} [revokedSessions] AccountEvent revokedSessions
                 * @property {string|null} [groupName] AccountEvent groupName
                 * @property {idfed.events.v1.GroupChange|null} [groupChange] AccountEvent groupChange
                 * @property {string|null} [identityPoolId] AccountEvent identityPoolId
                 * @property {string|null} [identityId] AccountEvent identityId
                 * @property {string|null} [sourceIdentityId] AccountEvent sourceIdentityId
                 * @property {string|null} [datasetName] AccountEvent datasetName
                 * @property {number|null} [syncCount] AccountEvent syncCount
                 * @property {boolean|null} [deleted] AccountEvent deleted
                 * @property {string|null} [topic] AccountEvent topic
                 * @property {idfed.events.v1.GroupDefinitionChange|null} [groupDefinitionChange] AccountEvent groupDefinitionChange
                 * @property {string|null} [groupRoleArn] AccountEvent groupRoleArn
                 * @property {number|null} [groupPrecedence] AccountEvent groupPrecedence
                 */

                /**
                 * Constructs a new AccountEvent.
                 * @memberof idfed.events.v1
                 * @classdesc Represents an AccountEvent.
                 * @implements IAccountEvent
                 * @constructor
                 * @param {idfed.events.v1.IAccountEvent=} [p] Properties to set
                 */
                function AccountEvent(p) {
                    this.revokedSessions = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * AccountEvent type.
                 * @member {idfed.events.v1.AccountEventType} type
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.type = 0;

                /**
                 * AccountEvent eventId.
                 * @member {string} eventId
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.eventId = "";

                /**
                 * AccountEvent occurredAt.
                 * @member {string} occurredAt
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.occurredAt = "";

                /**
                 * AccountEvent userPoolId.
                 * @member {string} userPoolId
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.userPoolId = "";

                /**
                 * AccountEvent sub.
                 * @member {string} sub
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.sub = "";

                /**
                 * AccountEvent username.
                 * @member {string} username
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.username = "";

                /**
                 * AccountEvent tokensValidAfter.
                 * @member {string} tokensValidAfter
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.tokensValidAfter = "";

                /**
                 * AccountEvent revokedSessions.
                 * @member {Array.<string>} revokedSessions
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.revokedSessions = $util.emptyArray;

                /**
                 * AccountEvent groupName.
                 * @member {string} groupName
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.groupName = "";

                /**
                 * AccountEvent groupChange.
                 * @member {idfed.events.v1.GroupChange} groupChange
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.groupChange = 0;

                /**
                 * AccountEvent identityPoolId.
                 * @member {string} identityPoolId
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.identityPoolId = "";

                /**
                 * AccountEvent identityId.
                 * @member {string} identityId
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.identityId = "";

                /**
                 * AccountEvent sourceIdentityId.
                 * @member {string} sourceIdentityId
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.sourceIdentityId = "";

                /**
                 * AccountEvent datasetName.
                 * @member {string} datasetName
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.datasetName = "";

                /**
                 * AccountEvent syncCount.
                 * @member {number} syncCount
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.syncCount = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * AccountEvent deleted.
                 * @member {boolean} deleted
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.deleted = false;

                /**
                 * AccountEvent topic.
                 * @member {string} topic
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.topic = "";

                /**
                 * AccountEvent groupDefinitionChange.
                 * @member {idfed.events.v1.GroupDefinitionChange} groupDefinitionChange
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.groupDefinitionChange = 0;

                /**
                 * AccountEvent groupRoleArn.
                 * @member {string} groupRoleArn
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.groupRoleArn = "";

                /**
                 * AccountEvent groupPrecedence.
                 * @member {number|null|undefined} groupPrecedence
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 */
                AccountEvent.prototype.groupPrecedence = null;

                // OneOf field names bound to virtual getters and setters
                var $oneOfFields;

                // Virtual OneOf for proto3 optional field
                Object.defineProperty(AccountEvent.prototype, "_groupPrecedence", {
                    get: $util.oneOfGetter($oneOfFields = ["groupPrecedence"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new AccountEvent instance using the specified properties.
                 * @function create
                 * @memberof idfed.events.v1.AccountEvent
                 * @static
                 * @param {idfed.events.v1.IAccountEvent=} [properties] Properties to set
                 * @returns {idfed.events.v1.AccountEvent} AccountEvent instance
                 */
                AccountEvent.create = function create(properties) {
                    return new AccountEvent(properties);
                };

                /**
                 * Encodes the specified AccountEvent message. Does not implicitly {@link idfed.events.v1.AccountEvent.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.events.v1.AccountEvent
                 * @static
                 * @param {idfed.events.v1.IAccountEvent} m AccountEvent message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                AccountEvent.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.type != null && Object.hasOwnProperty.call(m, "type"))
                        w.uint32(8).int32(m.type);
                    if (m.eventId != null && Object.hasOwnProperty.call(m, "eventId"))
                        w.uint32(18).string(m.eventId);
                    if (m.occurredAt != null && Object.hasOwnProperty.call(m, "occurredAt"))
                        w.uint32(26).string(m.occurredAt);
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId"))
                        w.uint32(34).string(m.userPoolId);
                    if (m.sub != null && Object.hasOwnProperty.call(m, "sub"))
                        w.uint32(42).string(m.sub);
                    if (m.username != null && Object.hasOwnProperty.call(m, "username"))
                        w.uint32(50).string(m.username);
                    if (m.tokensValidAfter != null && Object.hasOwnProperty.call(m, "tokensValidAfter"))
                        w.uint32(58).string(m.tokensValidAfter);
                    if (m.revokedSessions != null && m.revokedSessions.length) {
                        for (var i = 0; i < m.revokedSessions.length; ++i)
                            w.uint32(66).string(m.revokedSessions[i]);
                    }
                    if (m.groupName != null && Object.hasOwnProperty.call(m, "groupName"))
                        w.uint32(74).string(m.groupName);
                    if (m.groupChange != null && Object.hasOwnProperty.call(m, "groupChange"))
                        w.uint32(80).int32(m.groupChange);
                    if (m.identityPoolId != null && Object.hasOwnProperty.call(m, "identityPoolId"))
                        w.uint32(90).string(m.identityPoolId);
                    if (m.identityId != null && Object.hasOwnProperty.call(m, "identityId"))
                        w.uint32(98).string(m.identityId);
                    if (m.sourceIdentityId != null && Object.hasOwnProperty.call(m, "sourceIdentityId"))
                        w.uint32(106).string(m.sourceIdentityId);
                    if (m.datasetName != null && Object.hasOwnProperty.call(m, "datasetName"))
                        w.uint32(114).string(m.datasetName);
                    if (m.syncCount != null && Object.hasOwnProperty.call(m, "syncCount"))
                        w.uint32(120).int64(m.syncCount);
                    if (m.deleted != null && Object.hasOwnProperty.call(m, "deleted"))
                        w.uint32(128).bool(m.deleted);
                    if (m.topic != null && Object.hasOwnProperty.call(m, "topic"))
                        w.uint32(138).string(m.topic);
                    if (m.groupDefinitionChange != null && Object.hasOwnProperty.call(m, "groupDefinitionChange"))
                        w.uint32(144).int32(m.groupDefinitionChange);
                    if (m.groupRoleArn != null && Object.hasOwnProperty.call(m, "groupRoleArn"))
                        w.uint32(154).string(m.groupRoleArn);
                    if (m.groupPrecedence != null && Object.hasOwnProperty.call(m, "groupPrecedence"))
                        w.uint32(160).int32(m.groupPrecedence);
                    return w;
                };

                /**
                 * Encodes the specified AccountEvent message, length delimited. Does not implicitly {@link idfed.events.v1.AccountEvent.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.events.v1.AccountEvent
                 * @static
                 * @param {idfed.events.v1.IAccountEvent} message AccountEvent message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                AccountEvent.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes an AccountEvent message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.events.v1.AccountEvent
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.events.v1.AccountEvent} AccountEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                AccountEvent.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.events.v1.AccountEvent();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.type = r.int32();
                                break;
                            }
                        case 2: {
                                m.eventId = r.string();
                                break;
                            }
                        case 3: {
                                m.occurredAt = r.string();
                                break;
                            }
                        case 4: {
                                m.userPoolId = r.string();
                                break;
                            }
                        case 5: {
                                m.sub = r.string();
                                break;
                            }
                        case 6: {
                                m.username = r.string();
                                break;
                            }
                        case 7: {
                                m.tokensValidAfter = r.string();
                                break;
                            }
                        case 8: {
                                if (!(m.revokedSessions && m.revokedSessions.length))
                                    m.revokedSessions = [];
                                m.revokedSessions.push(r.string());
                                break;
                            }
                        case 9: {
                                m.groupName = r.string();
                                break;
                            }
                        case 10: {
                                m.groupChange = r.int32();
                                break;
                            }
                        case 11: {
                                m.identityPoolId = r.string();
                                break;
                            }
                        case 12: {
                                m.identityId = r.string();
                                break;
                            }
                        case 13: {
                                m.sourceIdentityId = r.string();
                                break;
                            }
                        case 14: {
                                m.datasetName = r.string();
                                break;
                            }
                        case 15: {
                                m.syncCount = r.int64();
                                break;
                            }
                        case 16: {
                                m.deleted = r.bool();
                                break;
                            }
                        case 17: {
                                m.topic = r.string();
                                break;
                            }
                        case 18: {
                                m.groupDefinitionChange = r.int32();
                                break;
                            }
                        case 19: {
                                m.groupRoleArn = r.string();
                                break;
                            }
                        case 20: {
                                m.groupPrecedence = r.int32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes an AccountEvent message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.events.v1.AccountEvent
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.events.v1.AccountEvent} AccountEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                AccountEvent.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies an AccountEvent message.
                 * @function verify
                 * @memberof idfed.events.v1.AccountEvent
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                AccountEvent.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    var p = {};
                    if (m.type != null && Object.hasOwnProperty.call(m, "type")) {
                        switch (m.type) {
                        default:
                            return "type: enum value expected";
                        case 0:
                        case 1:
                        case 2:
                        case 3:
                        case 4:
                        case 5:
                        case 6:
                        case 7:
                        case 8:
                        case 9:
                        case 10:
                        case 11:
                            break;
                        }
                    }
                    if (m.eventId != null && Object.hasOwnProperty.call(m, "eventId")) {
                        if (!$util.isString(m.eventId))
                            return "eventId: string expected";
                    }
                    if (m.occurredAt != null && Object.hasOwnProperty.call(m, "occurredAt")) {
                        if (!$util.isString(m.occurredAt))
                            return "occurredAt: string expected";
                    }
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId")) {
                        if (!$util.isString(m.userPoolId))
                            return "userPoolId: string expected";
                    }
                    if (m.sub != null && Object.hasOwnProperty.call(m, "sub")) {
                        if (!$util.isString(m.sub))
                            return "sub: string expected";
                    }
                    if (m.username != null && Object.hasOwnProperty.call(m, "username")) {
                        if (!$util.isString(m.username))
                            return "username: string expected";
                    }
                    if (m.tokensValidAfter != null && Object.hasOwnProperty.call(m, "tokensValidAfter")) {
                        if (!$util.isString(m.tokensValidAfter))
                            return "tokensValidAfter: string expected";
                    }
                    if (m.revokedSessions != null && Object.hasOwnProperty.call(m, "revokedSessions")) {
                        if (!Array.isArray(m.revokedSessions))
                            return "revokedSessions: array expected";
                        for (var i = 0; i < m.revokedSessions.length; ++i) {
                            if (!$util.isString(m.revokedSessions[i]))
                                return "revokedSessions: string[] expected";
                        }
                    }
                    if (m.groupName != null && Object.hasOwnProperty.call(m, "groupName")) {
                        if (!$util.isString(m.groupName))
                            return "groupName: string expected";
                    }
                    if (m.groupChange != null && Object.hasOwnProperty.call(m, "groupChange")) {
                        switch (m.groupChange) {
                        default:
                            return "groupChange: enum value expected";
                        case 0:
                        case 1:
                        case 2:
                            break;
                        }
                    }
                    if (m.identityPoolId != null && Object.hasOwnProperty.call(m, "identityPoolId")) {
                        if (!$util.isString(m.identityPoolId))
                            return "identityPoolId: string expected";
                    }
                    if (m.identityId != null && Object.hasOwnProperty.call(m, "identityId")) {
                        if (!$util.isString(m.identityId))
                            return "identityId: string expected";
                    }
                    if (m.sourceIdentityId != null && Object.hasOwnProperty.call(m, "sourceIdentityId")) {
                        if (!$util.isString(m.sourceIdentityId))
                            return "sourceIdentityId: string expected";
                    }
                    if (m.datasetName != null && Object.hasOwnProperty.call(m, "datasetName")) {
                        if (!$util.isString(m.datasetName))
                            return "datasetName: string expected";
                    }
                    if (m.syncCount != null && Object.hasOwnProperty.call(m, "syncCount")) {
                        if (!$util.isInteger(m.syncCount) && !(m.syncCount && $util.isInteger(m.syncCount.low) && $util.isInteger(m.syncCount.high)))
                            return "syncCount: integer|Long expected";
                    }
                    if (m.deleted != null && Object.hasOwnProperty.call(m, "deleted")) {
                        if (typeof m.deleted !== "boolean")
                            return "deleted: boolean expected";
                    }
                    if (m.topic != null && Object.hasOwnProperty.call(m, "topic")) {
                        if (!$util.isString(m.topic))
                            return "topic: string expected";
                    }
                    if (m.groupDefinitionChange != null && Object.hasOwnProperty.call(m, "groupDefinitionChange")) {
                        switch (m.groupDefinitionChange) {
                        default:
                            return "groupDefinitionChange: enum value expected";
                        case 0:
                        case 1:
                        case 2:
                        case 3:
                            break;
                        }
                    }
                    if (m.groupRoleArn != null && Object.hasOwnProperty.call(m, "groupRoleArn")) {
                        if (!$util.isString(m.groupRoleArn))
                            return "groupRoleArn: string expected";
                    }
                    if (m.groupPrecedence != null && Object.hasOwnProperty.call(m, "groupPrecedence")) {
                        p._groupPrecedence = 1;
                        if (!$util.isInteger(m.groupPrecedence))
                            return "groupPrecedence: integer expected";
                    }
                    return null;
                };

                /**
                 * Creates an AccountEvent message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.events.v1.AccountEvent
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.events.v1.AccountEvent} AccountEvent
                 */
                AccountEvent.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.events.v1.AccountEvent)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.events.v1.AccountEvent: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.events.v1.AccountEvent();
                    switch (d.type) {
                    default:
                        if (typeof d.type === "number") {
                            m.type = d.type;
                            break;
                        }
                        break;
                    case "ACCOUNT_EVENT_TYPE_UNSPECIFIED":
                    case 0:
                        m.type = 0;
                        break;
                    case "USER_DELETED":
                    case 1:
                        m.type = 1;
                        break;
                    case "USER_DISABLED":
                    case 2:
                        m.type = 2;
                        break;
                    case "USER_ENABLED":
                    case 3:
                        m.type = 3;
                        break;
                    case "USER_SIGNED_OUT":
                    case 4:
                        m.type = 4;
                        break;
                    case "SESSION_REVOKED":
                    case 5:
                        m.type = 5;
                        break;
                    case "GROUPS_CHANGED":
                    case 6:
                        m.type = 6;
                        break;
                    case "USER_POOL_DELETED":
                    case 7:
                        m.type = 7;
                        break;
                    case "IDENTITY_MERGED":
                    case 8:
                        m.type = 8;
                        break;
                    case "IDENTITY_DELETED":
                    case 9:
                        m.type = 9;
                        break;
                    case "DATASET_CHANGED":
                    case 10:
                        m.type = 10;
                        break;
                    case "GROUP_CHANGED":
                    case 11:
                        m.type = 11;
                        break;
                    }
                    if (d.eventId != null) {
                        m.eventId = String(d.eventId);
                    }
                    if (d.occurredAt != null) {
                        m.occurredAt = String(d.occurredAt);
                    }
                    if (d.userPoolId != null) {
                        m.userPoolId = String(d.userPoolId);
                    }
                    if (d.sub != null) {
                        m.sub = String(d.sub);
                    }
                    if (d.username != null) {
                        m.username = String(d.username);
                    }
                    if (d.tokensValidAfter != null) {
                        m.tokensValidAfter = String(d.tokensValidAfter);
                    }
                    if (d.revokedSessions) {
                        if (!Array.isArray(d.revokedSessions))
                            throw TypeError(".idfed.events.v1.AccountEvent.revokedSessions: array expected");
                        m.revokedSessions = [];
                        for (var i = 0; i < d.revokedSessions.length; ++i) {
                            m.revokedSessions[i] = String(d.revokedSessions[i]);
                        }
                    }
                    if (d.groupName != null) {
                        m.groupName = String(d.groupName);
                    }
                    switch (d.groupChange) {
                    default:
                        if (typeof d.groupChange === "number") {
                            m.groupChange = d.groupChange;
                            break;
                        }
                        break;
                    case "GROUP_CHANGE_UNSPECIFIED":
                    case 0:
                        m.groupChange = 0;
                        break;
                    case "ADDED":
                    case 1:
                        m.groupChange = 1;
                        break;
                    case "REMOVED":
                    case 2:
                        m.groupChange = 2;
                        break;
                    }
                    if (d.identityPoolId != null) {
                        m.identityPoolId = String(d.identityPoolId);
                    }
                    if (d.identityId != null) {
                        m.identityId = String(d.identityId);
                    }
                    if (d.sourceIdentityId != null) {
                        m.sourceIdentityId = String(d.sourceIdentityId);
                    }
                    if (d.datasetName != null) {
                        m.datasetName = String(d.datasetName);
                    }
                    if (d.syncCount != null) {
                        if ($util.Long)
                            m.syncCount = $util.Long.fromValue(d.syncCount, false);
                        else if (typeof d.syncCount === "string")
                            m.syncCount = parseInt(d.syncCount, 10);
                        else if (typeof d.syncCount === "number")
                            m.syncCount = d.syncCount;
                        else if (typeof d.syncCount === "object")
                            m.syncCount = new $util.LongBits(d.syncCount.low >>> 0, d.syncCount.high >>> 0).toNumber();
                    }
                    if (d.deleted != null) {
                        m.deleted = Boolean(d.deleted);
                    }
                    if (d.topic != null) {
                        m.topic = String(d.topic);
                    }
                    switch (d.groupDefinitionChange) {
                    default:
                        if (typeof d.groupDefinitionChange === "number") {
                            m.groupDefinitionChange = d.groupDefinitionChange;
                            break;
                        }
                        break;
                    case "GROUP_DEFINITION_CHANGE_UNSPECIFIED":
                    case 0:
                        m.groupDefinitionChange = 0;
                        break;
                    case "CREATED":
                    case 1:
                        m.groupDefinitionChange = 1;
                        break;
                    case "UPDATED":
                    case 2:
                        m.groupDefinitionChange = 2;
                        break;
                    case "DELETED":
                    case 3:
                        m.groupDefinitionChange = 3;
                        break;
                    }
                    if (d.groupRoleArn != null) {
                        m.groupRoleArn = String(d.groupRoleArn);
                    }
                    if (d.groupPrecedence != null) {
                        m.groupPrecedence = d.groupPrecedence | 0;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an AccountEvent message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.events.v1.AccountEvent
                 * @static
                 * @param {idfed.events.v1.AccountEvent} m AccountEvent
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                AccountEvent.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.revokedSessions = [];
                    }
                    if (o.defaults) {
                        d.type = o.enums === String ? "ACCOUNT_EVENT_TYPE_UNSPECIFIED" : 0;
                        d.eventId = "";
                        d.occurredAt = "";
                        d.userPoolId = "";
                        d.sub = "";
                        d.username = "";
                        d.tokensValidAfter = "";
                        d.groupName = "";
                        d.groupChange = o.enums === String ? "GROUP_CHANGE_UNSPECIFIED" : 0;
                        d.identityPoolId = "";
                        d.identityId = "";
                        d.sourceIdentityId = "";
                        d.datasetName = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.syncCount = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.syncCount = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.deleted = false;
                        d.topic = "";
                        d.groupDefinitionChange = o.enums === String ? "GROUP_DEFINITION_CHANGE_UNSPECIFIED" : 0;
                        d.groupRoleArn = "";
                    }
                    if (m.type != null && Object.hasOwnProperty.call(m, "type")) {
                        d.type = o.enums === String ? $root.idfed.events.v1.AccountEventType[m.type] === undefined ? m.type : $root.idfed.events.v1.AccountEventType[m.type] : m.type;
                    }
                    if (m.eventId != null && Object.hasOwnProperty.call(m, "eventId")) {
                        d.eventId = m.eventId;
                    }
                    if (m.occurredAt != null && Object.hasOwnProperty.call(m, "occurredAt")) {
                        d.occurredAt = m.occurredAt;
                    }
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId")) {
                        d.userPoolId = m.userPoolId;
                    }
                    if (m.sub != null && Object.hasOwnProperty.call(m, "sub")) {
                        d.sub = m.sub;
                    }
                    if (m.username != null && Object.hasOwnProperty.call(m, "username")) {
                        d.username = m.username;
                    }
                    if (m.tokensValidAfter != null && Object.hasOwnProperty.call(m, "tokensValidAfter")) {
                        d.tokensValidAfter = m.tokensValidAfter;
                    }
                    if (m.revokedSessions && m.revokedSessions.length) {
                        d.revokedSessions = [];
                        for (var j = 0; j < m.revokedSessions.length; ++j) {
                            d.revokedSessions[j] = m.revokedSessions[j];
                        }
                    }
                    if (m.groupName != null && Object.hasOwnProperty.call(m, "groupName")) {
                        d.groupName = m.groupName;
                    }
                    if (m.groupChange != null && Object.hasOwnProperty.call(m, "groupChange")) {
                        d.groupChange = o.enums === String ? $root.idfed.events.v1.GroupChange[m.groupChange] === undefined ? m.groupChange : $root.idfed.events.v1.GroupChange[m.groupChange] : m.groupChange;
                    }
                    if (m.identityPoolId != null && Object.hasOwnProperty.call(m, "identityPoolId")) {
                        d.identityPoolId = m.identityPoolId;
                    }
                    if (m.identityId != null && Object.hasOwnProperty.call(m, "identityId")) {
                        d.identityId = m.identityId;
                    }
                    if (m.sourceIdentityId != null && Object.hasOwnProperty.call(m, "sourceIdentityId")) {
                        d.sourceIdentityId = m.sourceIdentityId;
                    }
                    if (m.datasetName != null && Object.hasOwnProperty.call(m, "datasetName")) {
                        d.datasetName = m.datasetName;
                    }
                    if (m.syncCount != null && Object.hasOwnProperty.call(m, "syncCount")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.syncCount = typeof m.syncCount === "number" ? BigInt(m.syncCount) : $util.Long.fromBits(m.syncCount.low >>> 0, m.syncCount.high >>> 0, false).toBigInt();
                        else if (typeof m.syncCount === "number")
                            d.syncCount = o.longs === String ? String(m.syncCount) : m.syncCount;
                        else
                            d.syncCount = o.longs === String ? $util.Long.prototype.toString.call(m.syncCount) : o.longs === Number ? new $util.LongBits(m.syncCount.low >>> 0, m.syncCount.high >>> 0).toNumber() : m.syncCount;
                    }
                    if (m.deleted != null && Object.hasOwnProperty.call(m, "deleted")) {
                        d.deleted = m.deleted;
                    }
                    if (m.topic != null && Object.hasOwnProperty.call(m, "topic")) {
                        d.topic = m.topic;
                    }
                    if (m.groupDefinitionChange != null && Object.hasOwnProperty.call(m, "groupDefinitionChange")) {
                        d.groupDefinitionChange = o.enums === String ? $root.idfed.events.v1.GroupDefinitionChange[m.groupDefinitionChange] === undefined ? m.groupDefinitionChange : $root.idfed.events.v1.GroupDefinitionChange[m.groupDefinitionChange] : m.groupDefinitionChange;
                    }
                    if (m.groupRoleArn != null && Object.hasOwnProperty.call(m, "groupRoleArn")) {
                        d.groupRoleArn = m.groupRoleArn;
                    }
                    if (m.groupPrecedence != null && Object.hasOwnProperty.call(m, "groupPrecedence")) {
                        d.groupPrecedence = m.groupPrecedence;
                        if (o.oneofs)
                            d._groupPrecedence = "groupPrecedence";
                    }
                    return d;
                };

                /**
                 * Converts this AccountEvent to JSON.
                 * @function toJSON
                 * @memberof idfed.events.v1.AccountEvent
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                AccountEvent.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for AccountEvent
                 * @function getTypeUrl
                 * @memberof idfed.events.v1.AccountEvent
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                AccountEvent.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.events.v1.AccountEvent";
                };

                return AccountEvent;
            })();

            return v1;
        })();

        return events;
    })();

    idfed.tokens = (function() {

        /**
         * Namespace tokens.
         * @memberof idfed
         * @namespace
         */
        var tokens = {};

        tokens.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof idfed.tokens
             * @namespace
             */
            var v1 = {};

            v1.Tokens = (function() {

                /**
                 * Constructs a new Tokens service.
                 * @memberof idfed.tokens.v1
                 * @classdesc Represents a Tokens
                 * @extends $protobuf.rpc.Service
                 * @constructor
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 */
                function Tokens(rpcImpl, requestDelimited, responseDelimited) {
                    $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
                }

                (Tokens.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = Tokens;

                /**
                 * Creates new Tokens service using the specified rpc implementation.
                 * @function create
                 * @memberof idfed.tokens.v1.Tokens
                 * @static
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 * @returns {Tokens} RPC service. Useful where requests and/or responses are streamed.
                 */
                Tokens.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                    return new this(rpcImpl, requestDelimited, responseDelimited);
                };

                /**
                 * Callback as used by {@link idfed.tokens.v1.Tokens#verifyToken}.
                 * @memberof idfed.tokens.v1.Tokens
                 * @typedef VerifyTokenCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {idfed.tokens.v1.VerifyTokenResponse} [response] VerifyTokenResponse
                 */

                /**
                 * Calls VerifyToken.
                 * @function verifyToken
                 * @memberof idfed.tokens.v1.Tokens
                 * @instance
                 * @param {idfed.tokens.v1.IVerifyTokenRequest} request VerifyTokenRequest message or plain object
                 * @param {idfed.tokens.v1.Tokens.VerifyTokenCallback} callback Node-style callback called with the error, if any, and VerifyTokenResponse
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(Tokens.prototype.verifyToken = function verifyToken(request, callback) {
                    return $protobuf.rpc.Service.prototype.rpcCall.call(this, verifyToken, $root.idfed.tokens.v1.VerifyTokenRequest, $root.idfed.tokens.v1.VerifyTokenResponse, request, callback);
                }, "name", { value: "VerifyToken" });

                /**
                 * Calls VerifyToken.
                 * @function verifyToken
                 * @memberof idfed.tokens.v1.Tokens
                 * @instance
                 * @param {idfed.tokens.v1.IVerifyTokenRequest} request VerifyTokenRequest message or plain object
                 * @returns {Promise<idfed.tokens.v1.VerifyTokenResponse>} Promise
                 * @variation 2
                 */

                /**
                 * Callback as used by {@link idfed.tokens.v1.Tokens#verifyOpenIdToken}.
                 * @memberof idfed.tokens.v1.Tokens
                 * @typedef VerifyOpenIdTokenCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {idfed.tokens.v1.VerifyOpenIdTokenResponse} [response] VerifyOpenIdTokenResponse
                 */

                /**
                 * Calls VerifyOpenIdToken.
                 * @function verifyOpenIdToken
                 * @memberof idfed.tokens.v1.Tokens
                 * @instance
                 * @param {idfed.tokens.v1.IVerifyOpenIdTokenRequest} request VerifyOpenIdTokenRequest message or plain object
                 * @param {idfed.tokens.v1.Tokens.VerifyOpenIdTokenCallback} callback Node-style callback called with the error, if any, and VerifyOpenIdTokenResponse
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(Tokens.prototype.verifyOpenIdToken = function verifyOpenIdToken(request, callback) {
                    return $protobuf.rpc.Service.prototype.rpcCall.call(this, verifyOpenIdToken, $root.idfed.tokens.v1.VerifyOpenIdTokenRequest, $root.idfed.tokens.v1.VerifyOpenIdTokenResponse, request, callback);
                }, "name", { value: "VerifyOpenIdToken" });

                /**
                 * Calls VerifyOpenIdToken.
                 * @function verifyOpenIdToken
                 * @memberof idfed.tokens.v1.Tokens
                 * @instance
                 * @param {idfed.tokens.v1.IVerifyOpenIdTokenRequest} request VerifyOpenIdTokenRequest message or plain object
                 * @returns {Promise<idfed.tokens.v1.VerifyOpenIdTokenResponse>} Promise
                 * @variation 2
                 */

                /**
                 * Callback as used by {@link idfed.tokens.v1.Tokens#verifyTokens}.
                 * @memberof idfed.tokens.v1.Tokens
                 * @typedef VerifyTokensCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {idfed.tokens.v1.VerifyTokensResponse} [response] VerifyTokensResponse
                 */

                /**
                 * Calls VerifyTokens.
                 * @function verifyTokens
                 * @memberof idfed.tokens.v1.Tokens
                 * @instance
                 * @param {idfed.tokens.v1.IVerifyTokensRequest} request VerifyTokensRequest message or plain object
                 * @param {idfed.tokens.v1.Tokens.VerifyTokensCallback} callback Node-style callback called with the error, if any, and VerifyTokensResponse
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(Tokens.prototype.verifyTokens = function verifyTokens(request, callback) {
                    return $protobuf.rpc.Service.prototype.rpcCall.call(this, verifyTokens, $root.idfed.tokens.v1.VerifyTokensRequest, $root.idfed.tokens.v1.VerifyTokensResponse, request, callback);
                }, "name", { value: "VerifyTokens" });

                /**
                 * Calls VerifyTokens.
                 * @function verifyTokens
                 * @memberof idfed.tokens.v1.Tokens
                 * @instance
                 * @param {idfed.tokens.v1.IVerifyTokensRequest} request VerifyTokensRequest message or plain object
                 * @returns {Promise<idfed.tokens.v1.VerifyTokensResponse>} Promise
                 * @variation 2
                 */

                return Tokens;
            })();

            v1.VerifyTokensRequest = (function() {

                /**
                 * Properties of a VerifyTokensRequest.
                 * @memberof idfed.tokens.v1
                 * @interface IVerifyTokensRequest
                 * @property {Array.<idfed.tokens.v1.IVerifyTokensItem>|null} [items] VerifyTokensRequest items
                 */

                /**
                 * Constructs a new VerifyTokensRequest.
                 * @memberof idfed.tokens.v1
                 * @classdesc Represents a VerifyTokensRequest.
                 * @implements IVerifyTokensRequest
                 * @constructor
                 * @param {idfed.tokens.v1.IVerifyTokensRequest=} [p] Properties to set
                 */
                function VerifyTokensRequest(p) {
                    this.items = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * VerifyTokensRequest items.
                 * @member {Array.<idfed.tokens.v1.IVerifyTokensItem>} items
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @instance
                 */
                VerifyTokensRequest.prototype.items = $util.emptyArray;

                /**
                 * Creates a new VerifyTokensRequest instance using the specified properties.
                 * @function create
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensRequest=} [properties] Properties to set
                 * @returns {idfed.tokens.v1.VerifyTokensRequest} VerifyTokensRequest instance
                 */
                VerifyTokensRequest.create = function create(properties) {
                    return new VerifyTokensRequest(properties);
                };

                /**
                 * Encodes the specified VerifyTokensRequest message. Does not implicitly {@link idfed.tokens.v1.VerifyTokensRequest.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensRequest} m VerifyTokensRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokensRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.items != null && m.items.length) {
                        for (var i = 0; i < m.items.length; ++i)
                            $root.idfed.tokens.v1.VerifyTokensItem.encode(m.items[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    return w;
                };

                /**
                 * Encodes the specified VerifyTokensRequest message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokensRequest.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensRequest} message VerifyTokensRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokensRequest.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a VerifyTokensRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.tokens.v1.VerifyTokensRequest} VerifyTokensRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokensRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.tokens.v1.VerifyTokensRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                if (!(m.items && m.items.length))
                                    m.items = [];
                                m.items.push($root.idfed.tokens.v1.VerifyTokensItem.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a VerifyTokensRequest message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.tokens.v1.VerifyTokensRequest} VerifyTokensRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokensRequest.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a VerifyTokensRequest message.
                 * @function verify
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                VerifyTokensRequest.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.items != null && Object.hasOwnProperty.call(m, "items")) {
                        if (!Array.isArray(m.items))
                            return "items: array expected";
                        for (var i = 0; i < m.items.length; ++i) {
                            {
                                var e = $root.idfed.tokens.v1.VerifyTokensItem.verify(m.items[i], n + 1);
                                if (e)
                                    return "items." + e;
                            }
                        }
                    }
                    return null;
                };

                /**
                 * Creates a VerifyTokensRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.tokens.v1.VerifyTokensRequest} VerifyTokensRequest
                 */
                VerifyTokensRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.tokens.v1.VerifyTokensRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.tokens.v1.VerifyTokensRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.tokens.v1.VerifyTokensRequest();
                    if (d.items) {
                        if (!Array.isArray(d.items))
                            throw TypeError(".idfed.tokens.v1.VerifyTokensRequest.items: array expected");
                        m.items = [];
                        for (var i = 0; i < d.items.length; ++i) {
                            if (!$util.isObject(d.items[i]))
                                throw TypeError(".idfed.tokens.v1.VerifyTokensRequest.items: object expected");
                            m.items[i] = $root.idfed.tokens.v1.VerifyTokensItem.fromObject(d.items[i], n + 1);
                        }
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a VerifyTokensRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @static
                 * @param {idfed.tokens.v1.VerifyTokensRequest} m VerifyTokensRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                VerifyTokensRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.items = [];
                    }
                    if (m.items && m.items.length) {
                        d.items = [];
                        for (var j = 0; j < m.items.length; ++j) {
                            d.items[j] = $root.idfed.tokens.v1.VerifyTokensItem.toObject(m.items[j], o, q + 1);
                        }
                    }
                    return d;
                };

                /**
                 * Converts this VerifyTokensRequest to JSON.
                 * @function toJSON
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                VerifyTokensRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for VerifyTokensRequest
                 * @function getTypeUrl
                 * @memberof idfed.tokens.v1.VerifyTokensRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                VerifyTokensRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.tokens.v1.VerifyTokensRequest";
                };

                return VerifyTokensRequest;
            })();

            v1.VerifyTokensItem = (function() {

                /**
                 * Properties of a VerifyTokensItem.
                 * @memberof idfed.tokens.v1
                 * @interface IVerifyTokensItem
                 * @property {string|null} [id] VerifyTokensItem id
                 * @property {idfed.tokens.v1.IVerifyTokenRequest|null} [request] VerifyTokensItem request
                 */

                /**
                 * Constructs a new VerifyTokensItem.
                 * @memberof idfed.tokens.v1
                 * @classdesc Represents a VerifyTokensItem.
                 * @implements IVerifyTokensItem
                 * @constructor
                 * @param {idfed.tokens.v1.IVerifyTokensItem=} [p] Properties to set
                 */
                function VerifyTokensItem(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * VerifyTokensItem id.
                 * @member {string} id
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @instance
                 */
                VerifyTokensItem.prototype.id = "";

                /**
                 * VerifyTokensItem request.
                 * @member {idfed.tokens.v1.IVerifyTokenRequest|null|undefined} request
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @instance
                 */
                VerifyTokensItem.prototype.request = null;

                /**
                 * Creates a new VerifyTokensItem instance using the specified properties.
                 * @function create
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensItem=} [properties] Properties to set
                 * @returns {idfed.tokens.v1.VerifyTokensItem} VerifyTokensItem instance
                 */
                VerifyTokensItem.create = function create(properties) {
                    return new VerifyTokensItem(properties);
                };

                /**
                 * Encodes the specified VerifyTokensItem message. Does not implicitly {@link idfed.tokens.v1.VerifyTokensItem.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensItem} m VerifyTokensItem message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokensItem.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(10).string(m.id);
                    if (m.request != null && Object.hasOwnProperty.call(m, "request"))
                        $root.idfed.tokens.v1.VerifyTokenRequest.encode(m.request, w.uint32(18).fork(), q + 1).ldelim();
                    return w;
                };

                /**
                 * Encodes the specified VerifyTokensItem message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokensItem.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensItem} message VerifyTokensItem message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokensItem.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a VerifyTokensItem message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.tokens.v1.VerifyTokensItem} VerifyTokensItem
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokensItem.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.tokens.v1.VerifyTokensItem();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.id = r.string();
                                break;
                            }
                        case 2: {
                                m.request = $root.idfed.tokens.v1.VerifyTokenRequest.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a VerifyTokensItem message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.tokens.v1.VerifyTokensItem} VerifyTokensItem
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokensItem.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a VerifyTokensItem message.
                 * @function verify
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                VerifyTokensItem.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        if (!$util.isString(m.id))
                            return "id: string expected";
                    }
                    if (m.request != null && Object.hasOwnProperty.call(m, "request")) {
                        {
                            var e = $root.idfed.tokens.v1.VerifyTokenRequest.verify(m.request, n + 1);
                            if (e)
                                return "request." + e;
                        }
                    }
                    return null;
                };

                /**
                 * Creates a VerifyTokensItem message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.tokens.v1.VerifyTokensItem} VerifyTokensItem
                 */
                VerifyTokensItem.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.tokens.v1.VerifyTokensItem)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.tokens.v1.VerifyTokensItem: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.tokens.v1.VerifyTokensItem();
                    if (d.id != null) {
                        m.id = String(d.id);
                    }
                    if (d.request != null) {
                        if (!$util.isObject(d.request))
                            throw TypeError(".idfed.tokens.v1.VerifyTokensItem.request: object expected");
                        m.request = $root.idfed.tokens.v1.VerifyTokenRequest.fromObject(d.request, n + 1);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a VerifyTokensItem message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @static
                 * @param {idfed.tokens.v1.VerifyTokensItem} m VerifyTokensItem
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                VerifyTokensItem.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.id = "";
                        d.request = null;
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.request != null && Object.hasOwnProperty.call(m, "request")) {
                        d.request = $root.idfed.tokens.v1.VerifyTokenRequest.toObject(m.request, o, q + 1);
                    }
                    return d;
                };

                /**
                 * Converts this VerifyTokensItem to JSON.
                 * @function toJSON
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                VerifyTokensItem.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for VerifyTokensItem
                 * @function getTypeUrl
                 * @memberof idfed.tokens.v1.VerifyTokensItem
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                VerifyTokensItem.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.tokens.v1.VerifyTokensItem";
                };

                return VerifyTokensItem;
            })();

            v1.VerifyTokensResponse = (function() {

                /**
                 * Properties of a VerifyTokensResponse.
                 * @memberof idfed.tokens.v1
                 * @interface IVerifyTokensResponse
                 * @property {Array.<idfed.tokens.v1.IVerifyTokensResult>|null} [results] VerifyTokensResponse results
                 */

                /**
                 * Constructs a new VerifyTokensResponse.
                 * @memberof idfed.tokens.v1
                 * @classdesc Represents a VerifyTokensResponse.
                 * @implements IVerifyTokensResponse
                 * @constructor
                 * @param {idfed.tokens.v1.IVerifyTokensResponse=} [p] Properties to set
                 */
                function VerifyTokensResponse(p) {
                    this.results = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * VerifyTokensResponse results.
                 * @member {Array.<idfed.tokens.v1.IVerifyTokensResult>} results
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @instance
                 */
                VerifyTokensResponse.prototype.results = $util.emptyArray;

                /**
                 * Creates a new VerifyTokensResponse instance using the specified properties.
                 * @function create
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensResponse=} [properties] Properties to set
                 * @returns {idfed.tokens.v1.VerifyTokensResponse} VerifyTokensResponse instance
                 */
                VerifyTokensResponse.create = function create(properties) {
                    return new VerifyTokensResponse(properties);
                };

                /**
                 * Encodes the specified VerifyTokensResponse message. Does not implicitly {@link idfed.tokens.v1.VerifyTokensResponse.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensResponse} m VerifyTokensResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokensResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.results != null && m.results.length) {
                        for (var i = 0; i < m.results.length; ++i)
                            $root.idfed.tokens.v1.VerifyTokensResult.encode(m.results[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    return w;
                };

                /**
                 * Encodes the specified VerifyTokensResponse message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokensResponse.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensResponse} message VerifyTokensResponse message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokensResponse.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a VerifyTokensResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.tokens.v1.VerifyTokensResponse} VerifyTokensResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokensResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.tokens.v1.VerifyTokensResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                if (!(m.results && m.results.length))
                                    m.results = [];
                                m.results.push($root.idfed.tokens.v1.VerifyTokensResult.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a VerifyTokensResponse message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.tokens.v1.VerifyTokensResponse} VerifyTokensResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokensResponse.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a VerifyTokensResponse message.
                 * @function verify
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                VerifyTokensResponse.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.results != null && Object.hasOwnProperty.call(m, "results")) {
                        if (!Array.isArray(m.results))
                            return "results: array expected";
                        for (var i = 0; i < m.results.length; ++i) {
                            {
                                var e = $root.idfed.tokens.v1.VerifyTokensResult.verify(m.results[i], n + 1);
                                if (e)
                                    return "results." + e;
                            }
                        }
                    }
                    return null;
                };

                /**
                 * Creates a VerifyTokensResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.tokens.v1.VerifyTokensResponse} VerifyTokensResponse
                 */
                VerifyTokensResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.tokens.v1.VerifyTokensResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.tokens.v1.VerifyTokensResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.tokens.v1.VerifyTokensResponse();
                    if (d.results) {
                        if (!Array.isArray(d.results))
                            throw TypeError(".idfed.tokens.v1.VerifyTokensResponse.results: array expected");
                        m.results = [];
                        for (var i = 0; i < d.results.length; ++i) {
                            if (!$util.isObject(d.results[i]))
                                throw TypeError(".idfed.tokens.v1.VerifyTokensResponse.results: object expected");
                            m.results[i] = $root.idfed.tokens.v1.VerifyTokensResult.fromObject(d.results[i], n + 1);
                        }
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a VerifyTokensResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @static
                 * @param {idfed.tokens.v1.VerifyTokensResponse} m VerifyTokensResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                VerifyTokensResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.results = [];
                    }
                    if (m.results && m.results.length) {
                        d.results = [];
                        for (var j = 0; j < m.results.length; ++j) {
                            d.results[j] = $root.idfed.tokens.v1.VerifyTokensResult.toObject(m.results[j], o, q + 1);
                        }
                    }
                    return d;
                };

                /**
                 * Converts this VerifyTokensResponse to JSON.
                 * @function toJSON
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                VerifyTokensResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for VerifyTokensResponse
                 * @function getTypeUrl
                 * @memberof idfed.tokens.v1.VerifyTokensResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                VerifyTokensResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.tokens.v1.VerifyTokensResponse";
                };

                return VerifyTokensResponse;
            })();

            v1.VerifyTokensResult = (function() {

                /**
                 * Properties of a VerifyTokensResult.
                 * @memberof idfed.tokens.v1
                 * @interface IVerifyTokensResult
                 * @property {string|null} [id] VerifyTokensResult id
                 * @property {idfed.tokens.v1.IVerifyTokenResponse|null} [response] VerifyTokensResult response
                 */

                /**
                 * Constructs a new VerifyTokensResult.
                 * @memberof idfed.tokens.v1
                 * @classdesc Represents a VerifyTokensResult.
                 * @implements IVerifyTokensResult
                 * @constructor
                 * @param {idfed.tokens.v1.IVerifyTokensResult=} [p] Properties to set
                 */
                function VerifyTokensResult(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * VerifyTokensResult id.
                 * @member {string} id
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @instance
                 */
                VerifyTokensResult.prototype.id = "";

                /**
                 * VerifyTokensResult response.
                 * @member {idfed.tokens.v1.IVerifyTokenResponse|null|undefined} response
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @instance
                 */
                VerifyTokensResult.prototype.response = null;

                /**
                 * Creates a new VerifyTokensResult instance using the specified properties.
                 * @function create
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensResult=} [properties] Properties to set
                 * @returns {idfed.tokens.v1.VerifyTokensResult} VerifyTokensResult instance
                 */
                VerifyTokensResult.create = function create(properties) {
                    return new VerifyTokensResult(properties);
                };

                /**
                 * Encodes the specified VerifyTokensResult message. Does not implicitly {@link idfed.tokens.v1.VerifyTokensResult.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensResult} m VerifyTokensResult message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokensResult.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(10).string(m.id);
                    if (m.response != null && Object.hasOwnProperty.call(m, "response"))
                        $root.idfed.tokens.v1.VerifyTokenResponse.encode(m.response, w.uint32(18).fork(), q + 1).ldelim();
                    return w;
                };

                /**
                 * Encodes the specified VerifyTokensResult message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokensResult.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokensResult} message VerifyTokensResult message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokensResult.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a VerifyTokensResult message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.tokens.v1.VerifyTokensResult} VerifyTokensResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokensResult.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.tokens.v1.VerifyTokensResult();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.id = r.string();
                                break;
                            }
                        case 2: {
                                m.response = $root.idfed.tokens.v1.VerifyTokenResponse.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a VerifyTokensResult message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.tokens.v1.VerifyTokensResult} VerifyTokensResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokensResult.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a VerifyTokensResult message.
                 * @function verify
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                VerifyTokensResult.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        if (!$util.isString(m.id))
                            return "id: string expected";
                    }
                    if (m.response != null && Object.hasOwnProperty.call(m, "response")) {
                        {
                            var e = $root.idfed.tokens.v1.VerifyTokenResponse.verify(m.response, n + 1);
                            if (e)
                                return "response." + e;
                        }
                    }
                    return null;
                };

                /**
                 * Creates a VerifyTokensResult message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.tokens.v1.VerifyTokensResult} VerifyTokensResult
                 */
                VerifyTokensResult.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.tokens.v1.VerifyTokensResult)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.tokens.v1.VerifyTokensResult: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.tokens.v1.VerifyTokensResult();
                    if (d.id != null) {
                        m.id = String(d.id);
                    }
                    if (d.response != null) {
                        if (!$util.isObject(d.response))
                            throw TypeError(".idfed.tokens.v1.VerifyTokensResult.response: object expected");
                        m.response = $root.idfed.tokens.v1.VerifyTokenResponse.fromObject(d.response, n + 1);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a VerifyTokensResult message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @static
                 * @param {idfed.tokens.v1.VerifyTokensResult} m VerifyTokensResult
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                VerifyTokensResult.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.id = "";
                        d.response = null;
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.response != null && Object.hasOwnProperty.call(m, "response")) {
                        d.response = $root.idfed.tokens.v1.VerifyTokenResponse.toObject(m.response, o, q + 1);
                    }
                    return d;
                };

                /**
                 * Converts this VerifyTokensResult to JSON.
                 * @function toJSON
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                VerifyTokensResult.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for VerifyTokensResult
                 * @function getTypeUrl
                 * @memberof idfed.tokens.v1.VerifyTokensResult
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                VerifyTokensResult.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.tokens.v1.VerifyTokensResult";
                };

                return VerifyTokensResult;
            })();

            /**
             * TokenUse enum.
             * @name idfed.tokens.v1.TokenUse
             * @enum {number}
             * @property {number} TOKEN_USE_UNSPECIFIED=0 TOKEN_USE_UNSPECIFIED value
             * @property {number} TOKEN_USE_ACCESS=1 TOKEN_USE_ACCESS value
             * @property {number} TOKEN_USE_ID=2 TOKEN_USE_ID value
             */
            v1.TokenUse = (function() {
                var valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "TOKEN_USE_UNSPECIFIED"] = 0;
                values[valuesById[1] = "TOKEN_USE_ACCESS"] = 1;
                values[valuesById[2] = "TOKEN_USE_ID"] = 2;
                return values;
            })();

            v1.VerifyTokenRequest = (function() {

                /**
                 * Properties of a VerifyTokenRequest.
                 * @memberof idfed.tokens.v1
                 * @interface IVerifyTokenRequest
                 * @property {string|null} [token] VerifyTokenRequest token
                 * @property {string|null} [userPoolId] VerifyTokenRequest userPoolId
                 * @property {Array.<string>|null} [clientIds] VerifyTokenRequest clientIds
                 * @property {idfed.tokens.v1.TokenUse|null} [tokenUse] VerifyTokenRequest tokenUse
                 */

                /**
                 * Constructs a new VerifyTokenRequest.
                 * @memberof idfed.tokens.v1
                 * @classdesc Represents a VerifyTokenRequest.
                 * @implements IVerifyTokenRequest
                 * @constructor
                 * @param {idfed.tokens.v1.IVerifyTokenRequest=} [p] Properties to set
                 */
                function VerifyTokenRequest(p) {
                    this.clientIds = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * VerifyTokenRequest token.
                 * @member {string} token
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @instance
                 */
                VerifyTokenRequest.prototype.token = "";

                /**
                 * VerifyTokenRequest userPoolId.
                 * @member {string} userPoolId
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @instance
                 */
                VerifyTokenRequest.prototype.userPoolId = "";

                /**
                 * VerifyTokenRequest clientIds.
                 * @member {Array.<string>} clientIds
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @instance
                 */
                VerifyTokenRequest.prototype.clientIds = $util.emptyArray;

                /**
                 * VerifyTokenRequest tokenUse.
                 * @member {idfed.tokens.v1.TokenUse} tokenUse
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @instance
                 */
                VerifyTokenRequest.prototype.tokenUse = 0;

                /**
                 * Creates a new VerifyTokenRequest instance using the specified properties.
                 * @function create
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokenRequest=} [properties] Properties to set
                 * @returns {idfed.tokens.v1.VerifyTokenRequest} VerifyTokenRequest instance
                 */
                VerifyTokenRequest.create = function create(properties) {
                    return new VerifyTokenRequest(properties);
                };

                /**
                 * Encodes the specified VerifyTokenRequest message. Does not implicitly {@link idfed.tokens.v1.VerifyTokenRequest.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokenRequest} m VerifyTokenRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokenRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.token != null && Object.hasOwnProperty.call(m, "token"))
                        w.uint32(10).string(m.token);
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId"))
                        w.uint32(18).string(m.userPoolId);
                    if (m.clientIds != null && m.clientIds.length) {
                        for (var i = 0; i < m.clientIds.length; ++i)
                            w.uint32(26).string(m.clientIds[i]);
                    }
                    if (m.tokenUse != null && Object.hasOwnProperty.call(m, "tokenUse"))
                        w.uint32(32).int32(m.tokenUse);
                    return w;
                };

                /**
                 * Encodes the specified VerifyTokenRequest message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokenRequest.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokenRequest} message VerifyTokenRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokenRequest.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a VerifyTokenRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.tokens.v1.VerifyTokenRequest} VerifyTokenRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokenRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.tokens.v1.VerifyTokenRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.token = r.string();
                                break;
                            }
                        case 2: {
                                m.userPoolId = r.string();
                                break;
                            }
                        case 3: {
                                if (!(m.clientIds && m.clientIds.length))
                                    m.clientIds = [];
                                m.clientIds.push(r.string());
                                break;
                            }
                        case 4: {
                                m.tokenUse = r.int32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a VerifyTokenRequest message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.tokens.v1.VerifyTokenRequest} VerifyTokenRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokenRequest.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a VerifyTokenRequest message.
                 * @function verify
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                VerifyTokenRequest.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.token != null && Object.hasOwnProperty.call(m, "token")) {
                        if (!$util.isString(m.token))
                            return "token: string expected";
                    }
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId")) {
                        if (!$util.isString(m.userPoolId))
                            return "userPoolId: string expected";
                    }
                    if (m.clientIds != null && Object.hasOwnProperty.call(m, "clientIds")) {
                        if (!Array.isArray(m.clientIds))
                            return "clientIds: array expected";
                        for (var i = 0; i < m.clientIds.length; ++i) {
                            if (!$util.isString(m.clientIds[i]))
                                return "clientIds: string[] expected";
                        }
                    }
                    if (m.tokenUse != null && Object.hasOwnProperty.call(m, "tokenUse")) {
                        switch (m.tokenUse) {
                        default:
                            return "tokenUse: enum value expected";
                        case 0:
                        case 1:
                        case 2:
                            break;
                        }
                    }
                    return null;
                };

                /**
                 * Creates a VerifyTokenRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.tokens.v1.VerifyTokenRequest} VerifyTokenRequest
                 */
                VerifyTokenRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.tokens.v1.VerifyTokenRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.tokens.v1.VerifyTokenRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.tokens.v1.VerifyTokenRequest();
                    if (d.token != null) {
                        m.token = String(d.token);
                    }
                    if (d.userPoolId != null) {
                        m.userPoolId = String(d.userPoolId);
                    }
                    if (d.clientIds) {
                        if (!Array.isArray(d.clientIds))
                            throw TypeError(".idfed.tokens.v1.VerifyTokenRequest.clientIds: array expected");
                        m.clientIds = [];
                        for (var i = 0; i < d.clientIds.length; ++i) {
                            m.clientIds[i] = String(d.clientIds[i]);
                        }
                    }
                    switch (d.tokenUse) {
                    default:
                        if (typeof d.tokenUse === "number") {
                            m.tokenUse = d.tokenUse;
                            break;
                        }
                        break;
                    case "TOKEN_USE_UNSPECIFIED":
                    case 0:
                        m.tokenUse = 0;
                        break;
                    case "TOKEN_USE_ACCESS":
                    case 1:
                        m.tokenUse = 1;
                        break;
                    case "TOKEN_USE_ID":
                    case 2:
                        m.tokenUse = 2;
                        break;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a VerifyTokenRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @static
                 * @param {idfed.tokens.v1.VerifyTokenRequest} m VerifyTokenRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                VerifyTokenRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.clientIds = [];
                    }
                    if (o.defaults) {
                        d.token = "";
                        d.userPoolId = "";
                        d.tokenUse = o.enums === String ? "TOKEN_USE_UNSPECIFIED" : 0;
                    }
                    if (m.token != null && Object.hasOwnProperty.call(m, "token")) {
                        d.token = m.token;
                    }
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId")) {
                        d.userPoolId = m.userPoolId;
                    }
                    if (m.clientIds && m.clientIds.length) {
                        d.clientIds = [];
                        for (var j = 0; j < m.clientIds.length; ++j) {
                            d.clientIds[j] = m.clientIds[j];
                        }
                    }
                    if (m.tokenUse != null && Object.hasOwnProperty.call(m, "tokenUse")) {
                        d.tokenUse = o.enums === String ? $root.idfed.tokens.v1.TokenUse[m.tokenUse] === undefined ? m.tokenUse : $root.idfed.tokens.v1.TokenUse[m.tokenUse] : m.tokenUse;
                    }
                    return d;
                };

                /**
                 * Converts this VerifyTokenRequest to JSON.
                 * @function toJSON
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                VerifyTokenRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for VerifyTokenRequest
                 * @function getTypeUrl
                 * @memberof idfed.tokens.v1.VerifyTokenRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                VerifyTokenRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.tokens.v1.VerifyTokenRequest";
                };

                return VerifyTokenRequest;
            })();

            v1.VerifyTokenResponse = (function() {

                /**
                 * Properties of a VerifyTokenResponse.
                 * @memberof idfed.tokens.v1
                 * @interface IVerifyTokenResponse
                 * @property {boolean|null} [active] VerifyTokenResponse active
                 * @property {string|null} [errorName] VerifyTokenResponse errorName
                 * @property {string|null} [reason] VerifyTokenResponse reason
                 * @property {string|null} [userPoolId] VerifyTokenResponse userPoolId
                 * @property {string|null} [sub] VerifyTokenResponse sub
                 * @property {string|null} [username] VerifyTokenResponse username
                 * @property {string|null} [clientId] VerifyTokenResponse clientId
                 * @property {idfed.tokens.v1.TokenUse|null} [tokenUse] VerifyTokenResponse tokenUse
                 * @property {Array.<string>|null} [groups] VerifyTokenResponse groups
                 * @property {string|null} [scope] VerifyTokenResponse scope
                 * @property {number|null} [issuedAt] VerifyTokenResponse issuedAt
                 * @property {number|null} [expiresAt] VerifyTokenResponse expiresAt
                 * @property {string|null} [claimsJson] VerifyTokenResponse claimsJson
                 */

                /**
                 * Constructs a new VerifyTokenResponse.
                 * @memberof idfed.tokens.v1
                 * @classdesc Represents a VerifyTokenResponse.
                 * @implements IVerifyTokenResponse
                 * @constructor
                 * @param {idfed.tokens.v1.IVerifyTokenResponse=} [p] Properties to set
                 */
                function VerifyTokenResponse(p) {
                    this.groups = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * VerifyTokenResponse active.
                 * @member {boolean} active
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.active = false;

                /**
                 * VerifyTokenResponse errorName.
                 * @member {string} errorName
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.errorName = "";

                /**
                 * VerifyTokenResponse reason.
                 * @member {string} reason
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.reason = "";

                /**
                 * VerifyTokenResponse userPoolId.
                 * @member {string} userPoolId
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.userPoolId = "";

                /**
                 * VerifyTokenResponse sub.
                 * @member {string} sub
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.sub = "";

                /**
                 * VerifyTokenResponse username.
                 * @member {string} username
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.username = "";

                /**
                 * VerifyTokenResponse clientId.
                 * @member {string} clientId
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.clientId = "";

                /**
                 * VerifyTokenResponse tokenUse.
                 * @member {idfed.tokens.v1.TokenUse} tokenUse
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.tokenUse = 0;

                /**
                 * VerifyTokenResponse groups.
                 * @member {Array.<string>} groups
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.groups = $util.emptyArray;

                /**
                 * VerifyTokenResponse scope.
                 * @member {string} scope
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.scope = "";

                /**
                 * VerifyTokenResponse issuedAt.
                 * @member {number} issuedAt
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.issuedAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * VerifyTokenResponse expiresAt.
                 * @member {number} expiresAt
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * VerifyTokenResponse claimsJson.
                 * @member {string} claimsJson
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 */
                VerifyTokenResponse.prototype.claimsJson = "";

                /**
                 * Creates a new VerifyTokenResponse instance using the specified properties.
                 * @function create
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokenResponse=} [properties] Properties to set
                 * @returns {idfed.tokens.v1.VerifyTokenResponse} VerifyTokenResponse instance
                 */
                VerifyTokenResponse.create = function create(properties) {
                    return new VerifyTokenResponse(properties);
                };

                /**
                 * Encodes the specified VerifyTokenResponse message. Does not implicitly {@link idfed.tokens.v1.VerifyTokenResponse.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokenResponse} m VerifyTokenResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokenResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.active != null && Object.hasOwnProperty.call(m, "active"))
                        w.uint32(8).bool(m.active);
                    if (m.errorName != null && Object.hasOwnProperty.call(m, "errorName"))
                        w.uint32(18).string(m.errorName);
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason"))
                        w.uint32(26).string(m.reason);
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId"))
                        w.uint32(34).string(m.userPoolId);
                    if (m.sub != null && Object.hasOwnProperty.call(m, "sub"))
                        w.uint32(42).string(m.sub);
                    if (m.username != null && Object.hasOwnProperty.call(m, "username"))
                        w.uint32(50).string(m.username);
                    if (m.clientId != null && Object.hasOwnProperty.call(m, "clientId"))
                        w.uint32(58).string(m.clientId);
                    if (m.tokenUse != null && Object.hasOwnProperty.call(m, "tokenUse"))
                        w.uint32(64).int32(m.tokenUse);
                    if (m.groups != null && m.groups.length) {
                        for (var i = 0; i < m.groups.length; ++i)
                            w.uint32(74).string(m.groups[i]);
                    }
                    if (m.scope != null && Object.hasOwnProperty.call(m, "scope"))
                        w.uint32(82).string(m.scope);
                    if (m.issuedAt != null && Object.hasOwnProperty.call(m, "issuedAt"))
                        w.uint32(88).int64(m.issuedAt);
                    if (m.expiresAt != null && Object.hasOwnProperty.call(m, "expiresAt"))
                        w.uint32(96).int64(m.expiresAt);
                    if (m.claimsJson != null && Object.hasOwnProperty.call(m, "claimsJson"))
                        w.uint32(106).string(m.claimsJson);
                    return w;
                };

                /**
                 * Encodes the specified VerifyTokenResponse message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyTokenResponse.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @static
                 * @param {idfed.tokens.v1.IVerifyTokenResponse} message VerifyTokenResponse message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyTokenResponse.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a VerifyTokenResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.tokens.v1.VerifyTokenResponse} VerifyTokenResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokenResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.tokens.v1.VerifyTokenResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.active = r.bool();
                                break;
                            }
                        case 2: {
                                m.errorName = r.string();
                                break;
                            }
                        case 3: {
                                m.reason = r.string();
                                break;
                            }
                        case 4: {
                                m.userPoolId = r.string();
                                break;
                            }
                        case 5: {
                                m.sub = r.string();
                                break;
                            }
                        case 6: {
                                m.username = r.string();
                                break;
                            }
                        case 7: {
                                m.clientId = r.string();
                                break;
                            }
                        case 8: {
                                m.tokenUse = r.int32();
                                break;
                            }
                        case 9: {
                                if (!(m.groups && m.groups.length))
                                    m.groups = [];
                                m.groups.push(r.string());
                                break;
                            }
                        case 10: {
                                m.scope = r.string();
                                break;
                            }
                        case 11: {
                                m.issuedAt = r.int64();
                                break;
                            }
                        case 12: {
                                m.expiresAt = r.int64();
                                break;
                            }
                        case 13: {
                                m.claimsJson = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a VerifyTokenResponse message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.tokens.v1.VerifyTokenResponse} VerifyTokenResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyTokenResponse.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a VerifyTokenResponse message.
                 * @function verify
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                VerifyTokenResponse.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.active != null && Object.hasOwnProperty.call(m, "active")) {
                        if (typeof m.active !== "boolean")
                            return "active: boolean expected";
                    }
                    if (m.errorName != null && Object.hasOwnProperty.call(m, "errorName")) {
                        if (!$util.isString(m.errorName))
                            return "errorName: string expected";
                    }
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason")) {
                        if (!$util.isString(m.reason))
                            return "reason: string expected";
                    }
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId")) {
                        if (!$util.isString(m.userPoolId))
                            return "userPoolId: string expected";
                    }
                    if (m.sub != null && Object.hasOwnProperty.call(m, "sub")) {
                        if (!$util.isString(m.sub))
                            return "sub: string expected";
                    }
                    if (m.username != null && Object.hasOwnProperty.call(m, "username")) {
                        if (!$util.isString(m.username))
                            return "username: string expected";
                    }
                    if (m.clientId != null && Object.hasOwnProperty.call(m, "clientId")) {
                        if (!$util.isString(m.clientId))
                            return "clientId: string expected";
                    }
                    if (m.tokenUse != null && Object.hasOwnProperty.call(m, "tokenUse")) {
                        switch (m.tokenUse) {
                        default:
                            return "tokenUse: enum value expected";
                        case 0:
                        case 1:
                        case 2:
                            break;
                        }
                    }
                    if (m.groups != null && Object.hasOwnProperty.call(m, "groups")) {
                        if (!Array.isArray(m.groups))
                            return "groups: array expected";
                        for (var i = 0; i < m.groups.length; ++i) {
                            if (!$util.isString(m.groups[i]))
                                return "groups: string[] expected";
                        }
                    }
                    if (m.scope != null && Object.hasOwnProperty.call(m, "scope")) {
                        if (!$util.isString(m.scope))
                            return "scope: string expected";
                    }
                    if (m.issuedAt != null && Object.hasOwnProperty.call(m, "issuedAt")) {
                        if (!$util.isInteger(m.issuedAt) && !(m.issuedAt && $util.isInteger(m.issuedAt.low) && $util.isInteger(m.issuedAt.high)))
                            return "issuedAt: integer|Long expected";
                    }
                    if (m.expiresAt != null && Object.hasOwnProperty.call(m, "expiresAt")) {
                        if (!$util.isInteger(m.expiresAt) && !(m.expiresAt && $util.isInteger(m.expiresAt.low) && $util.isInteger(m.expiresAt.high)))
                            return "expiresAt: integer|Long expected";
                    }
                    if (m.claimsJson != null && Object.hasOwnProperty.call(m, "claimsJson")) {
                        if (!$util.isString(m.claimsJson))
                            return "claimsJson: string expected";
                    }
                    return null;
                };

                /**
                 * Creates a VerifyTokenResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.tokens.v1.VerifyTokenResponse} VerifyTokenResponse
                 */
                VerifyTokenResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.tokens.v1.VerifyTokenResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.tokens.v1.VerifyTokenResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.tokens.v1.VerifyTokenResponse();
                    if (d.active != null) {
                        m.active = Boolean(d.active);
                    }
                    if (d.errorName != null) {
                        m.errorName = String(d.errorName);
                    }
                    if (d.reason != null) {
                        m.reason = String(d.reason);
                    }
                    if (d.userPoolId != null) {
                        m.userPoolId = String(d.userPoolId);
                    }
                    if (d.sub != null) {
                        m.sub = String(d.sub);
                    }
                    if (d.username != null) {
                        m.username = String(d.username);
                    }
                    if (d.clientId != null) {
                        m.clientId = String(d.clientId);
                    }
                    switch (d.tokenUse) {
                    default:
                        if (typeof d.tokenUse === "number") {
                            m.tokenUse = d.tokenUse;
                            break;
                        }
                        break;
                    case "TOKEN_USE_UNSPECIFIED":
                    case 0:
                        m.tokenUse = 0;
                        break;
                    case "TOKEN_USE_ACCESS":
                    case 1:
                        m.tokenUse = 1;
                        break;
                    case "TOKEN_USE_ID":
                    case 2:
                        m.tokenUse = 2;
                        break;
                    }
                    if (d.groups) {
                        if (!Array.isArray(d.groups))
                            throw TypeError(".idfed.tokens.v1.VerifyTokenResponse.groups: array expected");
                        m.groups = [];
                        for (var i = 0; i < d.groups.length; ++i) {
                            m.groups[i] = String(d.groups[i]);
                        }
                    }
                    if (d.scope != null) {
                        m.scope = String(d.scope);
                    }
                    if (d.issuedAt != null) {
                        if ($util.Long)
                            m.issuedAt = $util.Long.fromValue(d.issuedAt, false);
                        else if (typeof d.issuedAt === "string")
                            m.issuedAt = parseInt(d.issuedAt, 10);
                        else if (typeof d.issuedAt === "number")
                            m.issuedAt = d.issuedAt;
                        else if (typeof d.issuedAt === "object")
                            m.issuedAt = new $util.LongBits(d.issuedAt.low >>> 0, d.issuedAt.high >>> 0).toNumber();
                    }
                    if (d.expiresAt != null) {
                        if ($util.Long)
                            m.expiresAt = $util.Long.fromValue(d.expiresAt, false);
                        else if (typeof d.expiresAt === "string")
                            m.expiresAt = parseInt(d.expiresAt, 10);
                        else if (typeof d.expiresAt === "number")
                            m.expiresAt = d.expiresAt;
                        else if (typeof d.expiresAt === "object")
                            m.expiresAt = new $util.LongBits(d.expiresAt.low >>> 0, d.expiresAt.high >>> 0).toNumber();
                    }
                    if (d.claimsJson != null) {
                        m.claimsJson = String(d.claimsJson);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a VerifyTokenResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @static
                 * @param {idfed.tokens.v1.VerifyTokenResponse} m VerifyTokenResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                VerifyTokenResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.groups = [];
                    }
                    if (o.defaults) {
                        d.active = false;
                        d.errorName = "";
                        d.reason = "";
                        d.userPoolId = "";
                        d.sub = "";
                        d.username = "";
                        d.clientId = "";
                        d.tokenUse = o.enums === String ? "TOKEN_USE_UNSPECIFIED" : 0;
                        d.scope = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.issuedAt = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.issuedAt = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.expiresAt = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.expiresAt = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.claimsJson = "";
                    }
                    if (m.active != null && Object.hasOwnProperty.call(m, "active")) {
                        d.active = m.active;
                    }
                    if (m.errorName != null && Object.hasOwnProperty.call(m, "errorName")) {
                        d.errorName = m.errorName;
                    }
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason")) {
                        d.reason = m.reason;
                    }
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId")) {
                        d.userPoolId = m.userPoolId;
                    }
                    if (m.sub != null && Object.hasOwnProperty.call(m, "sub")) {
                        d.sub = m.sub;
                    }
                    if (m.username != null && Object.hasOwnProperty.call(m, "username")) {
                        d.username = m.username;
                    }
                    if (m.clientId != null && Object.hasOwnProperty.call(m, "clientId")) {
                        d.clientId = m.clientId;
                    }
                    if (m.tokenUse != null && Object.hasOwnProperty.call(m, "tokenUse")) {
                        d.tokenUse = o.enums === String ? $root.idfed.tokens.v1.TokenUse[m.tokenUse] === undefined ? m.tokenUse : $root.idfed.tokens.v1.TokenUse[m.tokenUse] : m.tokenUse;
                    }
                    if (m.groups && m.groups.length) {
                        d.groups = [];
                        for (var j = 0; j < m.groups.length; ++j) {
                            d.groups[j] = m.groups[j];
                        }
                    }
                    if (m.scope != null && Object.hasOwnProperty.call(m, "scope")) {
                        d.scope = m.scope;
                    }
                    if (m.issuedAt != null && Object.hasOwnProperty.call(m, "issuedAt")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.issuedAt = typeof m.issuedAt === "number" ? BigInt(m.issuedAt) : $util.Long.fromBits(m.issuedAt.low >>> 0, m.issuedAt.high >>> 0, false).toBigInt();
                        else if (typeof m.issuedAt === "number")
                            d.issuedAt = o.longs === String ? String(m.issuedAt) : m.issuedAt;
                        else
                            d.issuedAt = o.longs === String ? $util.Long.prototype.toString.call(m.issuedAt) : o.longs === Number ? new $util.LongBits(m.issuedAt.low >>> 0, m.issuedAt.high >>> 0).toNumber() : m.issuedAt;
                    }
                    if (m.expiresAt != null && Object.hasOwnProperty.call(m, "expiresAt")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.expiresAt = typeof m.expiresAt === "number" ? BigInt(m.expiresAt) : $util.Long.fromBits(m.expiresAt.low >>> 0, m.expiresAt.high >>> 0, false).toBigInt();
                        else if (typeof m.expiresAt === "number")
                            d.expiresAt = o.longs === String ? String(m.expiresAt) : m.expiresAt;
                        else
                            d.expiresAt = o.longs === String ? $util.Long.prototype.toString.call(m.expiresAt) : o.longs === Number ? new $util.LongBits(m.expiresAt.low >>> 0, m.expiresAt.high >>> 0).toNumber() : m.expiresAt;
                    }
                    if (m.claimsJson != null && Object.hasOwnProperty.call(m, "claimsJson")) {
                        d.claimsJson = m.claimsJson;
                    }
                    return d;
                };

                /**
                 * Converts this VerifyTokenResponse to JSON.
                 * @function toJSON
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                VerifyTokenResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for VerifyTokenResponse
                 * @function getTypeUrl
                 * @memberof idfed.tokens.v1.VerifyTokenResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                VerifyTokenResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.tokens.v1.VerifyTokenResponse";
                };

                return VerifyTokenResponse;
            })();

            v1.VerifyOpenIdTokenRequest = (function() {

                /**
                 * Properties of a VerifyOpenIdTokenRequest.
                 * @memberof idfed.tokens.v1
                 * @interface IVerifyOpenIdTokenRequest
                 * @property {string|null} [token] VerifyOpenIdTokenRequest token
                 * @property {string|null} [identityPoolId] VerifyOpenIdTokenRequest identityPoolId
                 */

                /**
                 * Constructs a new VerifyOpenIdTokenRequest.
                 * @memberof idfed.tokens.v1
                 * @classdesc Represents a VerifyOpenIdTokenRequest.
                 * @implements IVerifyOpenIdTokenRequest
                 * @constructor
                 * @param {idfed.tokens.v1.IVerifyOpenIdTokenRequest=} [p] Properties to set
                 */
                function VerifyOpenIdTokenRequest(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * VerifyOpenIdTokenRequest token.
                 * @member {string} token
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @instance
                 */
                VerifyOpenIdTokenRequest.prototype.token = "";

                /**
                 * VerifyOpenIdTokenRequest identityPoolId.
                 * @member {string} identityPoolId
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @instance
                 */
                VerifyOpenIdTokenRequest.prototype.identityPoolId = "";

                /**
                 * Creates a new VerifyOpenIdTokenRequest instance using the specified properties.
                 * @function create
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @static
                 * @param {idfed.tokens.v1.IVerifyOpenIdTokenRequest=} [properties] Properties to set
                 * @returns {idfed.tokens.v1.VerifyOpenIdTokenRequest} VerifyOpenIdTokenRequest instance
                 */
                VerifyOpenIdTokenRequest.create = function create(properties) {
                    return new VerifyOpenIdTokenRequest(properties);
                };

                /**
                 * Encodes the specified VerifyOpenIdTokenRequest message. Does not implicitly {@link idfed.tokens.v1.VerifyOpenIdTokenRequest.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @static
                 * @param {idfed.tokens.v1.IVerifyOpenIdTokenRequest} m VerifyOpenIdTokenRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyOpenIdTokenRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.token != null && Object.hasOwnProperty.call(m, "token"))
                        w.uint32(10).string(m.token);
                    if (m.identityPoolId != null && Object.hasOwnProperty.call(m, "identityPoolId"))
                        w.uint32(18).string(m.identityPoolId);
                    return w;
                };

                /**
                 * Encodes the specified VerifyOpenIdTokenRequest message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyOpenIdTokenRequest.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @static
                 * @param {idfed.tokens.v1.IVerifyOpenIdTokenRequest} message VerifyOpenIdTokenRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyOpenIdTokenRequest.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a VerifyOpenIdTokenRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.tokens.v1.VerifyOpenIdTokenRequest} VerifyOpenIdTokenRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyOpenIdTokenRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.tokens.v1.VerifyOpenIdTokenRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.token = r.string();
                                break;
                            }
                        case 2: {
                                m.identityPoolId = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a VerifyOpenIdTokenRequest message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.tokens.v1.VerifyOpenIdTokenRequest} VerifyOpenIdTokenRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyOpenIdTokenRequest.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a VerifyOpenIdTokenRequest message.
                 * @function verify
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                VerifyOpenIdTokenRequest.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.token != null && Object.hasOwnProperty.call(m, "token")) {
                        if (!$util.isString(m.token))
                            return "token: string expected";
                    }
                    if (m.identityPoolId != null && Object.hasOwnProperty.call(m, "identityPoolId")) {
                        if (!$util.isString(m.identityPoolId))
                            return "identityPoolId: string expected";
                    }
                    return null;
                };

                /**
                 * Creates a VerifyOpenIdTokenRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.tokens.v1.VerifyOpenIdTokenRequest} VerifyOpenIdTokenRequest
                 */
                VerifyOpenIdTokenRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.tokens.v1.VerifyOpenIdTokenRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.tokens.v1.VerifyOpenIdTokenRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.tokens.v1.VerifyOpenIdTokenRequest();
                    if (d.token != null) {
                        m.token = String(d.token);
                    }
                    if (d.identityPoolId != null) {
                        m.identityPoolId = String(d.identityPoolId);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a VerifyOpenIdTokenRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @static
                 * @param {idfed.tokens.v1.VerifyOpenIdTokenRequest} m VerifyOpenIdTokenRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                VerifyOpenIdTokenRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.token = "";
                        d.identityPoolId = "";
                    }
                    if (m.token != null && Object.hasOwnProperty.call(m, "token")) {
                        d.token = m.token;
                    }
                    if (m.identityPoolId != null && Object.hasOwnProperty.call(m, "identityPoolId")) {
                        d.identityPoolId = m.identityPoolId;
                    }
                    return d;
                };

                /**
                 * Converts this VerifyOpenIdTokenRequest to JSON.
                 * @function toJSON
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                VerifyOpenIdTokenRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for VerifyOpenIdTokenRequest
                 * @function getTypeUrl
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                VerifyOpenIdTokenRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.tokens.v1.VerifyOpenIdTokenRequest";
                };

                return VerifyOpenIdTokenRequest;
            })();

            v1.VerifyOpenIdTokenResponse = (function() {

                /**
                 * Properties of a VerifyOpenIdTokenResponse.
                 * @memberof idfed.tokens.v1
                 * @interface IVerifyOpenIdTokenResponse
                 * @property {boolean|null} [active] VerifyOpenIdTokenResponse active
                 * @property {string|null} [errorName] VerifyOpenIdTokenResponse errorName
                 * @property {string|null} [reason] VerifyOpenIdTokenResponse reason
                 * @property {string|null} [identityId] VerifyOpenIdTokenResponse identityId
                 * @property {string|null} [identityPoolId] VerifyOpenIdTokenResponse identityPoolId
                 * @property {Array.<string>|null} [amr] VerifyOpenIdTokenResponse amr
                 * @property {number|null} [issuedAt] VerifyOpenIdTokenResponse issuedAt
                 * @property {number|null} [expiresAt] VerifyOpenIdTokenResponse expiresAt
                 * @property {string|null} [claimsJson] VerifyOpenIdTokenResponse claimsJson
                 */

                /**
                 * Constructs a new VerifyOpenIdTokenResponse.
                 * @memberof idfed.tokens.v1
                 * @classdesc Represents a VerifyOpenIdTokenResponse.
                 * @implements IVerifyOpenIdTokenResponse
                 * @constructor
                 * @param {idfed.tokens.v1.IVerifyOpenIdTokenResponse=} [p] Properties to set
                 */
                function VerifyOpenIdTokenResponse(p) {
                    this.amr = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * VerifyOpenIdTokenResponse active.
                 * @member {boolean} active
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @instance
                 */
                VerifyOpenIdTokenResponse.prototype.active = false;

                /**
                 * VerifyOpenIdTokenResponse errorName.
                 * @member {string} errorName
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @instance
                 */
                VerifyOpenIdTokenResponse.prototype.errorName = "";

                /**
                 * VerifyOpenIdTokenResponse reason.
                 * @member {string} reason
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @instance
                 */
                VerifyOpenIdTokenResponse.prototype.reason = "";

                /**
                 * VerifyOpenIdTokenResponse identityId.
                 * @member {string} identityId
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @instance
                 */
                VerifyOpenIdTokenResponse.prototype.identityId = "";

                /**
                 * VerifyOpenIdTokenResponse identityPoolId.
                 * @member {string} identityPoolId
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @instance
                 */
                VerifyOpenIdTokenResponse.prototype.identityPoolId = "";

                /**
                 * VerifyOpenIdTokenResponse amr.
                 * @member {Array.<string>} amr
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @instance
                 */
                VerifyOpenIdTokenResponse.prototype.amr = $util.emptyArray;

                /**
                 * VerifyOpenIdTokenResponse issuedAt.
                 * @member {number} issuedAt
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @instance
                 */
                VerifyOpenIdTokenResponse.prototype.issuedAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * VerifyOpenIdTokenResponse expiresAt.
                 * @member {number} expiresAt
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @instance
                 */
                VerifyOpenIdTokenResponse.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * VerifyOpenIdTokenResponse claimsJson.
                 * @member {string} claimsJson
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @instance
                 */
                VerifyOpenIdTokenResponse.prototype.claimsJson = "";

                /**
                 * Creates a new VerifyOpenIdTokenResponse instance using the specified properties.
                 * @function create
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @static
                 * @param {idfed.tokens.v1.IVerifyOpenIdTokenResponse=} [properties] Properties to set
                 * @returns {idfed.tokens.v1.VerifyOpenIdTokenResponse} VerifyOpenIdTokenResponse instance
                 */
                VerifyOpenIdTokenResponse.create = function create(properties) {
                    return new VerifyOpenIdTokenResponse(properties);
                };

                /**
                 * Encodes the specified VerifyOpenIdTokenResponse message. Does not implicitly {@link idfed.tokens.v1.VerifyOpenIdTokenResponse.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @static
                 * @param {idfed.tokens.v1.IVerifyOpenIdTokenResponse} m VerifyOpenIdTokenResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyOpenIdTokenResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.active != null && Object.hasOwnProperty.call(m, "active"))
                        w.uint32(8).bool(m.active);
                    if (m.errorName != null && Object.hasOwnProperty.call(m, "errorName"))
                        w.uint32(18).string(m.errorName);
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason"))
                        w.uint32(26).string(m.reason);
                    if (m.identityId != null && Object.hasOwnProperty.call(m, "identityId"))
                        w.uint32(34).string(m.identityId);
                    if (m.identityPoolId != null && Object.hasOwnProperty.call(m, "identityPoolId"))
                        w.uint32(42).string(m.identityPoolId);
                    if (m.amr != null && m.amr.length) {
                        for (var i = 0; i < m.amr.length; ++i)
                            w.uint32(50).string(m.amr[i]);
                    }
                    if (m.issuedAt != null && Object.hasOwnProperty.call(m, "issuedAt"))
                        w.uint32(56).int64(m.issuedAt);
                    if (m.expiresAt != null && Object.hasOwnProperty.call(m, "expiresAt"))
                        w.uint32(64).int64(m.expiresAt);
                    if (m.claimsJson != null && Object.hasOwnProperty.call(m, "claimsJson"))
                        w.uint32(74).string(m.claimsJson);
                    return w;
                };

                /**
                 * Encodes the specified VerifyOpenIdTokenResponse message, length delimited. Does not implicitly {@link idfed.tokens.v1.VerifyOpenIdTokenResponse.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @static
                 * @param {idfed.tokens.v1.IVerifyOpenIdTokenResponse} message VerifyOpenIdTokenResponse message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                VerifyOpenIdTokenResponse.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a VerifyOpenIdTokenResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.tokens.v1.VerifyOpenIdTokenResponse} VerifyOpenIdTokenResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyOpenIdTokenResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.tokens.v1.VerifyOpenIdTokenResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.active = r.bool();
                                break;
                            }
                        case 2: {
                                m.errorName = r.string();
                                break;
                            }
                        case 3: {
                                m.reason = r.string();
                                break;
                            }
                        case 4: {
                                m.identityId = r.string();
                                break;
                            }
                        case 5: {
                                m.identityPoolId = r.string();
                                break;
                            }
                        case 6: {
                                if (!(m.amr && m.amr.length))
                                    m.amr = [];
                                m.amr.push(r.string());
                                break;
                            }
                        case 7: {
                                m.issuedAt = r.int64();
                                break;
                            }
                        case 8: {
                                m.expiresAt = r.int64();
                                break;
                            }
                        case 9: {
                                m.claimsJson = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a VerifyOpenIdTokenResponse message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.tokens.v1.VerifyOpenIdTokenResponse} VerifyOpenIdTokenResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                VerifyOpenIdTokenResponse.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a VerifyOpenIdTokenResponse message.
                 * @function verify
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                VerifyOpenIdTokenResponse.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.active != null && Object.hasOwnProperty.call(m, "active")) {
                        if (typeof m.active !== "boolean")
                            return "active: boolean expected";
                    }
                    if (m.errorName != null && Object.hasOwnProperty.call(m, "errorName")) {
                        if (!$util.isString(m.errorName))
                            return "errorName: string expected";
                    }
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason")) {
                        if (!$util.isString(m.reason))
                            return "reason: string expected";
                    }
                    if (m.identityId != null && Object.hasOwnProperty.call(m, "identityId")) {
                        if (!$util.isString(m.identityId))
                            return "identityId: string expected";
                    }
                    if (m.identityPoolId != null && Object.hasOwnProperty.call(m, "identityPoolId")) {
                        if (!$util.isString(m.identityPoolId))
                            return "identityPoolId: string expected";
                    }
                    if (m.amr != null && Object.hasOwnProperty.call(m, "amr")) {
                        if (!Array.isArray(m.amr))
                            return "amr: array expected";
                        for (var i = 0; i < m.amr.length; ++i) {
                            if (!$util.isString(m.amr[i]))
                                return "amr: string[] expected";
                        }
                    }
                    if (m.issuedAt != null && Object.hasOwnProperty.call(m, "issuedAt")) {
                        if (!$util.isInteger(m.issuedAt) && !(m.issuedAt && $util.isInteger(m.issuedAt.low) && $util.isInteger(m.issuedAt.high)))
                            return "issuedAt: integer|Long expected";
                    }
                    if (m.expiresAt != null && Object.hasOwnProperty.call(m, "expiresAt")) {
                        if (!$util.isInteger(m.expiresAt) && !(m.expiresAt && $util.isInteger(m.expiresAt.low) && $util.isInteger(m.expiresAt.high)))
                            return "expiresAt: integer|Long expected";
                    }
                    if (m.claimsJson != null && Object.hasOwnProperty.call(m, "claimsJson")) {
                        if (!$util.isString(m.claimsJson))
                            return "claimsJson: string expected";
                    }
                    return null;
                };

                /**
                 * Creates a VerifyOpenIdTokenResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.tokens.v1.VerifyOpenIdTokenResponse} VerifyOpenIdTokenResponse
                 */
                VerifyOpenIdTokenResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.tokens.v1.VerifyOpenIdTokenResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.tokens.v1.VerifyOpenIdTokenResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.tokens.v1.VerifyOpenIdTokenResponse();
                    if (d.active != null) {
                        m.active = Boolean(d.active);
                    }
                    if (d.errorName != null) {
                        m.errorName = String(d.errorName);
                    }
                    if (d.reason != null) {
                        m.reason = String(d.reason);
                    }
                    if (d.identityId != null) {
                        m.identityId = String(d.identityId);
                    }
                    if (d.identityPoolId != null) {
                        m.identityPoolId = String(d.identityPoolId);
                    }
                    if (d.amr) {
                        if (!Array.isArray(d.amr))
                            throw TypeError(".idfed.tokens.v1.VerifyOpenIdTokenResponse.amr: array expected");
                        m.amr = [];
                        for (var i = 0; i < d.amr.length; ++i) {
                            m.amr[i] = String(d.amr[i]);
                        }
                    }
                    if (d.issuedAt != null) {
                        if ($util.Long)
                            m.issuedAt = $util.Long.fromValue(d.issuedAt, false);
                        else if (typeof d.issuedAt === "string")
                            m.issuedAt = parseInt(d.issuedAt, 10);
                        else if (typeof d.issuedAt === "number")
                            m.issuedAt = d.issuedAt;
                        else if (typeof d.issuedAt === "object")
                            m.issuedAt = new $util.LongBits(d.issuedAt.low >>> 0, d.issuedAt.high >>> 0).toNumber();
                    }
                    if (d.expiresAt != null) {
                        if ($util.Long)
                            m.expiresAt = $util.Long.fromValue(d.expiresAt, false);
                        else if (typeof d.expiresAt === "string")
                            m.expiresAt = parseInt(d.expiresAt, 10);
                        else if (typeof d.expiresAt === "number")
                            m.expiresAt = d.expiresAt;
                        else if (typeof d.expiresAt === "object")
                            m.expiresAt = new $util.LongBits(d.expiresAt.low >>> 0, d.expiresAt.high >>> 0).toNumber();
                    }
                    if (d.claimsJson != null) {
                        m.claimsJson = String(d.claimsJson);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a VerifyOpenIdTokenResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @static
                 * @param {idfed.tokens.v1.VerifyOpenIdTokenResponse} m VerifyOpenIdTokenResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                VerifyOpenIdTokenResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.amr = [];
                    }
                    if (o.defaults) {
                        d.active = false;
                        d.errorName = "";
                        d.reason = "";
                        d.identityId = "";
                        d.identityPoolId = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.issuedAt = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.issuedAt = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.expiresAt = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.expiresAt = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.claimsJson = "";
                    }
                    if (m.active != null && Object.hasOwnProperty.call(m, "active")) {
                        d.active = m.active;
                    }
                    if (m.errorName != null && Object.hasOwnProperty.call(m, "errorName")) {
                        d.errorName = m.errorName;
                    }
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason")) {
                        d.reason = m.reason;
                    }
                    if (m.identityId != null && Object.hasOwnProperty.call(m, "identityId")) {
                        d.identityId = m.identityId;
                    }
                    if (m.identityPoolId != null && Object.hasOwnProperty.call(m, "identityPoolId")) {
                        d.identityPoolId = m.identityPoolId;
                    }
                    if (m.amr && m.amr.length) {
                        d.amr = [];
                        for (var j = 0; j < m.amr.length; ++j) {
                            d.amr[j] = m.amr[j];
                        }
                    }
                    if (m.issuedAt != null && Object.hasOwnProperty.call(m, "issuedAt")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.issuedAt = typeof m.issuedAt === "number" ? BigInt(m.issuedAt) : $util.Long.fromBits(m.issuedAt.low >>> 0, m.issuedAt.high >>> 0, false).toBigInt();
                        else if (typeof m.issuedAt === "number")
                            d.issuedAt = o.longs === String ? String(m.issuedAt) : m.issuedAt;
                        else
                            d.issuedAt = o.longs === String ? $util.Long.prototype.toString.call(m.issuedAt) : o.longs === Number ? new $util.LongBits(m.issuedAt.low >>> 0, m.issuedAt.high >>> 0).toNumber() : m.issuedAt;
                    }
                    if (m.expiresAt != null && Object.hasOwnProperty.call(m, "expiresAt")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.expiresAt = typeof m.expiresAt === "number" ? BigInt(m.expiresAt) : $util.Long.fromBits(m.expiresAt.low >>> 0, m.expiresAt.high >>> 0, false).toBigInt();
                        else if (typeof m.expiresAt === "number")
                            d.expiresAt = o.longs === String ? String(m.expiresAt) : m.expiresAt;
                        else
                            d.expiresAt = o.longs === String ? $util.Long.prototype.toString.call(m.expiresAt) : o.longs === Number ? new $util.LongBits(m.expiresAt.low >>> 0, m.expiresAt.high >>> 0).toNumber() : m.expiresAt;
                    }
                    if (m.claimsJson != null && Object.hasOwnProperty.call(m, "claimsJson")) {
                        d.claimsJson = m.claimsJson;
                    }
                    return d;
                };

                /**
                 * Converts this VerifyOpenIdTokenResponse to JSON.
                 * @function toJSON
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                VerifyOpenIdTokenResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for VerifyOpenIdTokenResponse
                 * @function getTypeUrl
                 * @memberof idfed.tokens.v1.VerifyOpenIdTokenResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                VerifyOpenIdTokenResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.tokens.v1.VerifyOpenIdTokenResponse";
                };

                return VerifyOpenIdTokenResponse;
            })();

            return v1;
        })();

        return tokens;
    })();

    idfed.userdirectory = (function() {

        /**
         * Namespace userdirectory.
         * @memberof idfed
         * @namespace
         */
        var userdirectory = {};

        userdirectory.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof idfed.userdirectory
             * @namespace
             */
            var v1 = {};

            v1.UserDirectory = (function() {

                /**
                 * Constructs a new UserDirectory service.
                 * @memberof idfed.userdirectory.v1
                 * @classdesc Represents a UserDirectory
                 * @extends $protobuf.rpc.Service
                 * @constructor
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 */
                function UserDirectory(rpcImpl, requestDelimited, responseDelimited) {
                    $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
                }

                (UserDirectory.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = UserDirectory;

                /**
                 * Creates new UserDirectory service using the specified rpc implementation.
                 * @function create
                 * @memberof idfed.userdirectory.v1.UserDirectory
                 * @static
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 * @returns {UserDirectory} RPC service. Useful where requests and/or responses are streamed.
                 */
                UserDirectory.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                    return new this(rpcImpl, requestDelimited, responseDelimited);
                };

                /**
                 * Callback as used by {@link idfed.userdirectory.v1.UserDirectory#getUser}.
                 * @memberof idfed.userdirectory.v1.UserDirectory
                 * @typedef GetUserCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {idfed.userdirectory.v1.GetUserResponse} [response] GetUserResponse
                 */

                /**
                 * Calls GetUser.
                 * @function getUser
                 * @memberof idfed.userdirectory.v1.UserDirectory
                 * @instance
                 * @param {idfed.userdirectory.v1.IGetUserRequest} request GetUserRequest message or plain object
                 * @param {idfed.userdirectory.v1.UserDirectory.GetUserCallback} callback Node-style callback called with the error, if any, and GetUserResponse
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(UserDirectory.prototype.getUser = function getUser(request, callback) {
                    return $protobuf.rpc.Service.prototype.rpcCall.call(this, getUser, $root.idfed.userdirectory.v1.GetUserRequest, $root.idfed.userdirectory.v1.GetUserResponse, request, callback);
                }, "name", { value: "GetUser" });

                /**
                 * Calls GetUser.
                 * @function getUser
                 * @memberof idfed.userdirectory.v1.UserDirectory
                 * @instance
                 * @param {idfed.userdirectory.v1.IGetUserRequest} request GetUserRequest message or plain object
                 * @returns {Promise<idfed.userdirectory.v1.GetUserResponse>} Promise
                 * @variation 2
                 */

                return UserDirectory;
            })();

            v1.GetUserRequest = (function() {

                /**
                 * Properties of a GetUserRequest.
                 * @memberof idfed.userdirectory.v1
                 * @interface IGetUserRequest
                 * @property {string|null} [userPoolId] GetUserRequest userPoolId
                 * @property {string|null} [username] GetUserRequest username
                 */

                /**
                 * Constructs a new GetUserRequest.
                 * @memberof idfed.userdirectory.v1
                 * @classdesc Represents a GetUserRequest.
                 * @implements IGetUserRequest
                 * @constructor
                 * @param {idfed.userdirectory.v1.IGetUserRequest=} [p] Properties to set
                 */
                function GetUserRequest(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * GetUserRequest userPoolId.
                 * @member {string} userPoolId
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @instance
                 */
                GetUserRequest.prototype.userPoolId = "";

                /**
                 * GetUserRequest username.
                 * @member {string} username
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @instance
                 */
                GetUserRequest.prototype.username = "";

                /**
                 * Creates a new GetUserRequest instance using the specified properties.
                 * @function create
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @static
                 * @param {idfed.userdirectory.v1.IGetUserRequest=} [properties] Properties to set
                 * @returns {idfed.userdirectory.v1.GetUserRequest} GetUserRequest instance
                 */
                GetUserRequest.create = function create(properties) {
                    return new GetUserRequest(properties);
                };

                /**
                 * Encodes the specified GetUserRequest message. Does not implicitly {@link idfed.userdirectory.v1.GetUserRequest.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @static
                 * @param {idfed.userdirectory.v1.IGetUserRequest} m GetUserRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                GetUserRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId"))
                        w.uint32(10).string(m.userPoolId);
                    if (m.username != null && Object.hasOwnProperty.call(m, "username"))
                        w.uint32(18).string(m.username);
                    return w;
                };

                /**
                 * Encodes the specified GetUserRequest message, length delimited. Does not implicitly {@link idfed.userdirectory.v1.GetUserRequest.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @static
                 * @param {idfed.userdirectory.v1.IGetUserRequest} message GetUserRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                GetUserRequest.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a GetUserRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.userdirectory.v1.GetUserRequest} GetUserRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                GetUserRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.userdirectory.v1.GetUserRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.userPoolId = r.string();
                                break;
                            }
                        case 2: {
                                m.username = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a GetUserRequest message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.userdirectory.v1.GetUserRequest} GetUserRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                GetUserRequest.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a GetUserRequest message.
                 * @function verify
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                GetUserRequest.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId")) {
                        if (!$util.isString(m.userPoolId))
                            return "userPoolId: string expected";
                    }
                    if (m.username != null && Object.hasOwnProperty.call(m, "username")) {
                        if (!$util.isString(m.username))
                            return "username: string expected";
                    }
                    return null;
                };

                /**
                 * Creates a GetUserRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.userdirectory.v1.GetUserRequest} GetUserRequest
                 */
                GetUserRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.userdirectory.v1.GetUserRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.userdirectory.v1.GetUserRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.userdirectory.v1.GetUserRequest();
                    if (d.userPoolId != null) {
                        m.userPoolId = String(d.userPoolId);
                    }
                    if (d.username != null) {
                        m.username = String(d.username);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a GetUserRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @static
                 * @param {idfed.userdirectory.v1.GetUserRequest} m GetUserRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                GetUserRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.userPoolId = "";
                        d.username = "";
                    }
                    if (m.userPoolId != null && Object.hasOwnProperty.call(m, "userPoolId")) {
                        d.userPoolId = m.userPoolId;
                    }
                    if (m.username != null && Object.hasOwnProperty.call(m, "username")) {
                        d.username = m.username;
                    }
                    return d;
                };

                /**
                 * Converts this GetUserRequest to JSON.
                 * @function toJSON
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                GetUserRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for GetUserRequest
                 * @function getTypeUrl
                 * @memberof idfed.userdirectory.v1.GetUserRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                GetUserRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.userdirectory.v1.GetUserRequest";
                };

                return GetUserRequest;
            })();

            v1.Attribute = (function() {

                /**
                 * Properties of an Attribute.
                 * @memberof idfed.userdirectory.v1
                 * @interface IAttribute
                 * @property {string|null} [name] Attribute name
                 * @property {string|null} [value] Attribute value
                 */

                /**
                 * Constructs a new Attribute.
                 * @memberof idfed.userdirectory.v1
                 * @classdesc Represents an Attribute.
                 * @implements IAttribute
                 * @constructor
                 * @param {idfed.userdirectory.v1.IAttribute=} [p] Properties to set
                 */
                function Attribute(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Attribute name.
                 * @member {string} name
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @instance
                 */
                Attribute.prototype.name = "";

                /**
                 * Attribute value.
                 * @member {string} value
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @instance
                 */
                Attribute.prototype.value = "";

                /**
                 * Creates a new Attribute instance using the specified properties.
                 * @function create
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @static
                 * @param {idfed.userdirectory.v1.IAttribute=} [properties] Properties to set
                 * @returns {idfed.userdirectory.v1.Attribute} Attribute instance
                 */
                Attribute.create = function create(properties) {
                    return new Attribute(properties);
                };

                /**
                 * Encodes the specified Attribute message. Does not implicitly {@link idfed.userdirectory.v1.Attribute.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @static
                 * @param {idfed.userdirectory.v1.IAttribute} m Attribute message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Attribute.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.name != null && Object.hasOwnProperty.call(m, "name"))
                        w.uint32(10).string(m.name);
                    if (m.value != null && Object.hasOwnProperty.call(m, "value"))
                        w.uint32(18).string(m.value);
                    return w;
                };

                /**
                 * Encodes the specified Attribute message, length delimited. Does not implicitly {@link idfed.userdirectory.v1.Attribute.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @static
                 * @param {idfed.userdirectory.v1.IAttribute} message Attribute message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Attribute.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes an Attribute message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.userdirectory.v1.Attribute} Attribute
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Attribute.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.userdirectory.v1.Attribute();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.name = r.string();
                                break;
                            }
                        case 2: {
                                m.value = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes an Attribute message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.userdirectory.v1.Attribute} Attribute
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Attribute.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies an Attribute message.
                 * @function verify
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Attribute.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                        if (!$util.isString(m.name))
                            return "name: string expected";
                    }
                    if (m.value != null && Object.hasOwnProperty.call(m, "value")) {
                        if (!$util.isString(m.value))
                            return "value: string expected";
                    }
                    return null;
                };

                /**
                 * Creates an Attribute message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.userdirectory.v1.Attribute} Attribute
                 */
                Attribute.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.userdirectory.v1.Attribute)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.userdirectory.v1.Attribute: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.userdirectory.v1.Attribute();
                    if (d.name != null) {
                        m.name = String(d.name);
                    }
                    if (d.value != null) {
                        m.value = String(d.value);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an Attribute message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @static
                 * @param {idfed.userdirectory.v1.Attribute} m Attribute
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Attribute.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.name = "";
                        d.value = "";
                    }
                    if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                        d.name = m.name;
                    }
                    if (m.value != null && Object.hasOwnProperty.call(m, "value")) {
                        d.value = m.value;
                    }
                    return d;
                };

                /**
                 * Converts this Attribute to JSON.
                 * @function toJSON
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Attribute.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Attribute
                 * @function getTypeUrl
                 * @memberof idfed.userdirectory.v1.Attribute
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Attribute.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.userdirectory.v1.Attribute";
                };

                return Attribute;
            })();

            v1.Group = (function() {

                /**
                 * Properties of a Group.
                 * @memberof idfed.userdirectory.v1
                 * @interface IGroup
                 * @property {string|null} [name] Group name
                 * @property {string|null} [description] Group description
                 * @property {string|null} [roleArn] Group roleArn
                 * @property {number|null} [precedence] Group precedence
                 */

                /**
                 * Constructs a new Group.
                 * @memberof idfed.userdirectory.v1
                 * @classdesc Represents a Group.
                 * @implements IGroup
                 * @constructor
                 * @param {idfed.userdirectory.v1.IGroup=} [p] Properties to set
                 */
                function Group(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Group name.
                 * @member {string} name
                 * @memberof idfed.userdirectory.v1.Group
                 * @instance
                 */
                Group.prototype.name = "";

                /**
                 * Group description.
                 * @member {string} description
                 * @memberof idfed.userdirectory.v1.Group
                 * @instance
                 */
                Group.prototype.description = "";

                /**
                 * Group roleArn.
                 * @member {string} roleArn
                 * @memberof idfed.userdirectory.v1.Group
                 * @instance
                 */
                Group.prototype.roleArn = "";

                /**
                 * Group precedence.
                 * @member {number|null|undefined} precedence
                 * @memberof idfed.userdirectory.v1.Group
                 * @instance
                 */
                Group.prototype.precedence = null;

                // OneOf field names bound to virtual getters and setters
                var $oneOfFields;

                // Virtual OneOf for proto3 optional field
                Object.defineProperty(Group.prototype, "_precedence", {
                    get: $util.oneOfGetter($oneOfFields = ["precedence"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new Group instance using the specified properties.
                 * @function create
                 * @memberof idfed.userdirectory.v1.Group
                 * @static
                 * @param {idfed.userdirectory.v1.IGroup=} [properties] Properties to set
                 * @returns {idfed.userdirectory.v1.Group} Group instance
                 */
                Group.create = function create(properties) {
                    return new Group(properties);
                };

                /**
                 * Encodes the specified Group message. Does not implicitly {@link idfed.userdirectory.v1.Group.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.userdirectory.v1.Group
                 * @static
                 * @param {idfed.userdirectory.v1.IGroup} m Group message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Group.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.name != null && Object.hasOwnProperty.call(m, "name"))
                        w.uint32(10).string(m.name);
                    if (m.description != null && Object.hasOwnProperty.call(m, "description"))
                        w.uint32(18).string(m.description);
                    if (m.roleArn != null && Object.hasOwnProperty.call(m, "roleArn"))
                        w.uint32(26).string(m.roleArn);
                    if (m.precedence != null && Object.hasOwnProperty.call(m, "precedence"))
                        w.uint32(32).int32(m.precedence);
                    return w;
                };

                /**
                 * Encodes the specified Group message, length delimited. Does not implicitly {@link idfed.userdirectory.v1.Group.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.userdirectory.v1.Group
                 * @static
                 * @param {idfed.userdirectory.v1.IGroup} message Group message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Group.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a Group message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.userdirectory.v1.Group
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.userdirectory.v1.Group} Group
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Group.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.userdirectory.v1.Group();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.name = r.string();
                                break;
                            }
                        case 2: {
                                m.description = r.string();
                                break;
                            }
                        case 3: {
                                m.roleArn = r.string();
                                break;
                            }
                        case 4: {
                                m.precedence = r.int32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a Group message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.userdirectory.v1.Group
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.userdirectory.v1.Group} Group
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Group.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a Group message.
                 * @function verify
                 * @memberof idfed.userdirectory.v1.Group
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Group.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    var p = {};
                    if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                        if (!$util.isString(m.name))
                            return "name: string expected";
                    }
                    if (m.description != null && Object.hasOwnProperty.call(m, "description")) {
                        if (!$util.isString(m.description))
                            return "description: string expected";
                    }
                    if (m.roleArn != null && Object.hasOwnProperty.call(m, "roleArn")) {
                        if (!$util.isString(m.roleArn))
                            return "roleArn: string expected";
                    }
                    if (m.precedence != null && Object.hasOwnProperty.call(m, "precedence")) {
                        p._precedence = 1;
                        if (!$util.isInteger(m.precedence))
                            return "precedence: integer expected";
                    }
                    return null;
                };

                /**
                 * Creates a Group message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.userdirectory.v1.Group
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.userdirectory.v1.Group} Group
                 */
                Group.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.userdirectory.v1.Group)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.userdirectory.v1.Group: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.userdirectory.v1.Group();
                    if (d.name != null) {
                        m.name = String(d.name);
                    }
                    if (d.description != null) {
                        m.description = String(d.description);
                    }
                    if (d.roleArn != null) {
                        m.roleArn = String(d.roleArn);
                    }
                    if (d.precedence != null) {
                        m.precedence = d.precedence | 0;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a Group message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.userdirectory.v1.Group
                 * @static
                 * @param {idfed.userdirectory.v1.Group} m Group
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Group.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.name = "";
                        d.description = "";
                        d.roleArn = "";
                    }
                    if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                        d.name = m.name;
                    }
                    if (m.description != null && Object.hasOwnProperty.call(m, "description")) {
                        d.description = m.description;
                    }
                    if (m.roleArn != null && Object.hasOwnProperty.call(m, "roleArn")) {
                        d.roleArn = m.roleArn;
                    }
                    if (m.precedence != null && Object.hasOwnProperty.call(m, "precedence")) {
                        d.precedence = m.precedence;
                        if (o.oneofs)
                            d._precedence = "precedence";
                    }
                    return d;
                };

                /**
                 * Converts this Group to JSON.
                 * @function toJSON
                 * @memberof idfed.userdirectory.v1.Group
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Group.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Group
                 * @function getTypeUrl
                 * @memberof idfed.userdirectory.v1.Group
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Group.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.userdirectory.v1.Group";
                };

                return Group;
            })();

            v1.GetUserResponse = (function() {

                /**
                 * Properties of a GetUserResponse.
                 * @memberof idfed.userdirectory.v1
                 * @interface IGetUserResponse
                 * @property {string|null} [username] GetUserResponse username
                 * @property {boolean|null} [enabled] GetUserResponse enabled
                 * @property {string|null} [status] GetUserResponse status
                 * @property {Array.<idfed.userdirectory.v1.IAttribute>|null} [attributes] GetUserResponse attributes
                 * @property {Array.<idfed.userdirectory.v1.IGroup>|null} [groups] GetUserResponse groups
                 * @property {number|null} [createdAt] GetUserResponse createdAt
                 * @property {number|null} [modifiedAt] GetUserResponse modifiedAt
                 */

                /**
                 * Constructs a new GetUserResponse.
                 * @memberof idfed.userdirectory.v1
                 * @classdesc Represents a GetUserResponse.
                 * @implements IGetUserResponse
                 * @constructor
                 * @param {idfed.userdirectory.v1.IGetUserResponse=} [p] Properties to set
                 */
                function GetUserResponse(p) {
                    this.attributes = [];
                    this.groups = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * GetUserResponse username.
                 * @member {string} username
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @instance
                 */
                GetUserResponse.prototype.username = "";

                /**
                 * GetUserResponse enabled.
                 * @member {boolean} enabled
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @instance
                 */
                GetUserResponse.prototype.enabled = false;

                /**
                 * GetUserResponse status.
                 * @member {string} status
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @instance
                 */
                GetUserResponse.prototype.status = "";

                /**
                 * GetUserResponse attributes.
                 * @member {Array.<idfed.userdirectory.v1.IAttribute>} attributes
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @instance
                 */
                GetUserResponse.prototype.attributes = $util.emptyArray;

                /**
                 * GetUserResponse groups.
                 * @member {Array.<idfed.userdirectory.v1.IGroup>} groups
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @instance
                 */
                GetUserResponse.prototype.groups = $util.emptyArray;

                /**
                 * GetUserResponse createdAt.
                 * @member {number} createdAt
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @instance
                 */
                GetUserResponse.prototype.createdAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * GetUserResponse modifiedAt.
                 * @member {number} modifiedAt
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @instance
                 */
                GetUserResponse.prototype.modifiedAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Creates a new GetUserResponse instance using the specified properties.
                 * @function create
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @static
                 * @param {idfed.userdirectory.v1.IGetUserResponse=} [properties] Properties to set
                 * @returns {idfed.userdirectory.v1.GetUserResponse} GetUserResponse instance
                 */
                GetUserResponse.create = function create(properties) {
                    return new GetUserResponse(properties);
                };

                /**
                 * Encodes the specified GetUserResponse message. Does not implicitly {@link idfed.userdirectory.v1.GetUserResponse.verify|verify} messages.
                 * @function encode
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @static
                 * @param {idfed.userdirectory.v1.IGetUserResponse} m GetUserResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                GetUserResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.username != null && Object.hasOwnProperty.call(m, "username"))
                        w.uint32(10).string(m.username);
                    if (m.enabled != null && Object.hasOwnProperty.call(m, "enabled"))
                        w.uint32(16).bool(m.enabled);
                    if (m.status != null && Object.hasOwnProperty.call(m, "status"))
                        w.uint32(26).string(m.status);
                    if (m.attributes != null && m.attributes.length) {
                        for (var i = 0; i < m.attributes.length; ++i)
                            $root.idfed.userdirectory.v1.Attribute.encode(m.attributes[i], w.uint32(34).fork(), q + 1).ldelim();
                    }
                    if (m.groups != null && m.groups.length) {
                        for (var i = 0; i < m.groups.length; ++i)
                            $root.idfed.userdirectory.v1.Group.encode(m.groups[i], w.uint32(42).fork(), q + 1).ldelim();
                    }
                    if (m.createdAt != null && Object.hasOwnProperty.call(m, "createdAt"))
                        w.uint32(48).int64(m.createdAt);
                    if (m.modifiedAt != null && Object.hasOwnProperty.call(m, "modifiedAt"))
                        w.uint32(56).int64(m.modifiedAt);
                    return w;
                };

                /**
                 * Encodes the specified GetUserResponse message, length delimited. Does not implicitly {@link idfed.userdirectory.v1.GetUserResponse.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @static
                 * @param {idfed.userdirectory.v1.IGetUserResponse} message GetUserResponse message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                GetUserResponse.encodeDelimited = function encodeDelimited(message, writer) {
                    return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
                };

                /**
                 * Decodes a GetUserResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {idfed.userdirectory.v1.GetUserResponse} GetUserResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                GetUserResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.idfed.userdirectory.v1.GetUserResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.username = r.string();
                                break;
                            }
                        case 2: {
                                m.enabled = r.bool();
                                break;
                            }
                        case 3: {
                                m.status = r.string();
                                break;
                            }
                        case 4: {
                                if (!(m.attributes && m.attributes.length))
                                    m.attributes = [];
                                m.attributes.push($root.idfed.userdirectory.v1.Attribute.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        case 5: {
                                if (!(m.groups && m.groups.length))
                                    m.groups = [];
                                m.groups.push($root.idfed.userdirectory.v1.Group.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        case 6: {
                                m.createdAt = r.int64();
                                break;
                            }
                        case 7: {
                                m.modifiedAt = r.int64();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Decodes a GetUserResponse message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {idfed.userdirectory.v1.GetUserResponse} GetUserResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                GetUserResponse.decodeDelimited = function decodeDelimited(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.uint32());
                };

                /**
                 * Verifies a GetUserResponse message.
                 * @function verify
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @static
                 * @param {Object.<string,*>} m Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                GetUserResponse.verify = function verify(m, n) {
                    if (typeof m !== "object" || m === null)
                        return "object expected";
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        return "maximum nesting depth exceeded";
                    if (m.username != null && Object.hasOwnProperty.call(m, "username")) {
                        if (!$util.isString(m.username))
                            return "username: string expected";
                    }
                    if (m.enabled != null && Object.hasOwnProperty.call(m, "enabled")) {
                        if (typeof m.enabled !== "boolean")
                            return "enabled: boolean expected";
                    }
                    if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                        if (!$util.isString(m.status))
                            return "status: string expected";
                    }
                    if (m.attributes != null && Object.hasOwnProperty.call(m, "attributes")) {
                        if (!Array.isArray(m.attributes))
                            return "attributes: array expected";
                        for (var i = 0; i < m.attributes.length; ++i) {
                            {
                                var e = $root.idfed.userdirectory.v1.Attribute.verify(m.attributes[i], n + 1);
                                if (e)
                                    return "attributes." + e;
                            }
                        }
                    }
                    if (m.groups != null && Object.hasOwnProperty.call(m, "groups")) {
                        if (!Array.isArray(m.groups))
                            return "groups: array expected";
                        for (var i = 0; i < m.groups.length; ++i) {
                            {
                                var e = $root.idfed.userdirectory.v1.Group.verify(m.groups[i], n + 1);
                                if (e)
                                    return "groups." + e;
                            }
                        }
                    }
                    if (m.createdAt != null && Object.hasOwnProperty.call(m, "createdAt")) {
                        if (!$util.isInteger(m.createdAt) && !(m.createdAt && $util.isInteger(m.createdAt.low) && $util.isInteger(m.createdAt.high)))
                            return "createdAt: integer|Long expected";
                    }
                    if (m.modifiedAt != null && Object.hasOwnProperty.call(m, "modifiedAt")) {
                        if (!$util.isInteger(m.modifiedAt) && !(m.modifiedAt && $util.isInteger(m.modifiedAt.low) && $util.isInteger(m.modifiedAt.high)))
                            return "modifiedAt: integer|Long expected";
                    }
                    return null;
                };

                /**
                 * Creates a GetUserResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {idfed.userdirectory.v1.GetUserResponse} GetUserResponse
                 */
                GetUserResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.idfed.userdirectory.v1.GetUserResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".idfed.userdirectory.v1.GetUserResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.idfed.userdirectory.v1.GetUserResponse();
                    if (d.username != null) {
                        m.username = String(d.username);
                    }
                    if (d.enabled != null) {
                        m.enabled = Boolean(d.enabled);
                    }
                    if (d.status != null) {
                        m.status = String(d.status);
                    }
                    if (d.attributes) {
                        if (!Array.isArray(d.attributes))
                            throw TypeError(".idfed.userdirectory.v1.GetUserResponse.attributes: array expected");
                        m.attributes = [];
                        for (var i = 0; i < d.attributes.length; ++i) {
                            if (!$util.isObject(d.attributes[i]))
                                throw TypeError(".idfed.userdirectory.v1.GetUserResponse.attributes: object expected");
                            m.attributes[i] = $root.idfed.userdirectory.v1.Attribute.fromObject(d.attributes[i], n + 1);
                        }
                    }
                    if (d.groups) {
                        if (!Array.isArray(d.groups))
                            throw TypeError(".idfed.userdirectory.v1.GetUserResponse.groups: array expected");
                        m.groups = [];
                        for (var i = 0; i < d.groups.length; ++i) {
                            if (!$util.isObject(d.groups[i]))
                                throw TypeError(".idfed.userdirectory.v1.GetUserResponse.groups: object expected");
                            m.groups[i] = $root.idfed.userdirectory.v1.Group.fromObject(d.groups[i], n + 1);
                        }
                    }
                    if (d.createdAt != null) {
                        if ($util.Long)
                            m.createdAt = $util.Long.fromValue(d.createdAt, false);
                        else if (typeof d.createdAt === "string")
                            m.createdAt = parseInt(d.createdAt, 10);
                        else if (typeof d.createdAt === "number")
                            m.createdAt = d.createdAt;
                        else if (typeof d.createdAt === "object")
                            m.createdAt = new $util.LongBits(d.createdAt.low >>> 0, d.createdAt.high >>> 0).toNumber();
                    }
                    if (d.modifiedAt != null) {
                        if ($util.Long)
                            m.modifiedAt = $util.Long.fromValue(d.modifiedAt, false);
                        else if (typeof d.modifiedAt === "string")
                            m.modifiedAt = parseInt(d.modifiedAt, 10);
                        else if (typeof d.modifiedAt === "number")
                            m.modifiedAt = d.modifiedAt;
                        else if (typeof d.modifiedAt === "object")
                            m.modifiedAt = new $util.LongBits(d.modifiedAt.low >>> 0, d.modifiedAt.high >>> 0).toNumber();
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a GetUserResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @static
                 * @param {idfed.userdirectory.v1.GetUserResponse} m GetUserResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                GetUserResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.attributes = [];
                        d.groups = [];
                    }
                    if (o.defaults) {
                        d.username = "";
                        d.enabled = false;
                        d.status = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.createdAt = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.createdAt = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.modifiedAt = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.modifiedAt = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    }
                    if (m.username != null && Object.hasOwnProperty.call(m, "username")) {
                        d.username = m.username;
                    }
                    if (m.enabled != null && Object.hasOwnProperty.call(m, "enabled")) {
                        d.enabled = m.enabled;
                    }
                    if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                        d.status = m.status;
                    }
                    if (m.attributes && m.attributes.length) {
                        d.attributes = [];
                        for (var j = 0; j < m.attributes.length; ++j) {
                            d.attributes[j] = $root.idfed.userdirectory.v1.Attribute.toObject(m.attributes[j], o, q + 1);
                        }
                    }
                    if (m.groups && m.groups.length) {
                        d.groups = [];
                        for (var j = 0; j < m.groups.length; ++j) {
                            d.groups[j] = $root.idfed.userdirectory.v1.Group.toObject(m.groups[j], o, q + 1);
                        }
                    }
                    if (m.createdAt != null && Object.hasOwnProperty.call(m, "createdAt")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.createdAt = typeof m.createdAt === "number" ? BigInt(m.createdAt) : $util.Long.fromBits(m.createdAt.low >>> 0, m.createdAt.high >>> 0, false).toBigInt();
                        else if (typeof m.createdAt === "number")
                            d.createdAt = o.longs === String ? String(m.createdAt) : m.createdAt;
                        else
                            d.createdAt = o.longs === String ? $util.Long.prototype.toString.call(m.createdAt) : o.longs === Number ? new $util.LongBits(m.createdAt.low >>> 0, m.createdAt.high >>> 0).toNumber() : m.createdAt;
                    }
                    if (m.modifiedAt != null && Object.hasOwnProperty.call(m, "modifiedAt")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.modifiedAt = typeof m.modifiedAt === "number" ? BigInt(m.modifiedAt) : $util.Long.fromBits(m.modifiedAt.low >>> 0, m.modifiedAt.high >>> 0, false).toBigInt();
                        else if (typeof m.modifiedAt === "number")
                            d.modifiedAt = o.longs === String ? String(m.modifiedAt) : m.modifiedAt;
                        else
                            d.modifiedAt = o.longs === String ? $util.Long.prototype.toString.call(m.modifiedAt) : o.longs === Number ? new $util.LongBits(m.modifiedAt.low >>> 0, m.modifiedAt.high >>> 0).toNumber() : m.modifiedAt;
                    }
                    return d;
                };

                /**
                 * Converts this GetUserResponse to JSON.
                 * @function toJSON
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                GetUserResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for GetUserResponse
                 * @function getTypeUrl
                 * @memberof idfed.userdirectory.v1.GetUserResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                GetUserResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/idfed.userdirectory.v1.GetUserResponse";
                };

                return GetUserResponse;
            })();

            return v1;
        })();

        return userdirectory;
    })();

    return idfed;
})();

module.exports = $root;
