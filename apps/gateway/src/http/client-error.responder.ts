import type { Duplex } from 'node:stream';
import { ERROR_TYPE_HEADER } from '@idfed/aws-protocol';

/** Node's default answers to requests its parser refuses, by error code (lib/_http_server.js). */
const NODE_STATUS: Readonly<Record<string, string>> = {
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

/**
 * Answers a request Node's HTTP parser refused before any route saw it. A request line or headers
 * past Node's limit (16 KiB: a Cognito Sync path with an oversized label, a huge header) gets the
 * AWS error shape with an AWS name, so a client learns what was wrong; everything else gets what
 * Node answers by default. The connection is closed either way: the rest of the request is unread.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    const body = JSON.stringify({
      __type: 'RequestEntityTooLargeException',
      message: 'The request line and headers must be no larger than 16384 bytes.',
    });
    socket.end(
      'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
        'Content-Type: application/json\r\n' +
        `${ERROR_TYPE_HEADER}: RequestEntityTooLargeException:\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
    return;
  }
  socket.end(`HTTP/1.1 ${NODE_STATUS[err.code ?? ''] ?? '400 Bad Request'}\r\nConnection: close\r\n\r\n`);
}
