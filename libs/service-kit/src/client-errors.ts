import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const answer = (socket: Duplex, status: number, reason: string, title: string, detail: string): void => {
  const body = JSON.stringify({
    type: `https://hypercare.dev/problems/http-${status}`,
    title,
    status,
    detail,
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
};

/**
 * Requests Node's HTTP parser refuses before any route sees them (headers over its 16 KB
 * limit, malformed request lines) are answered with a problem document too, instead of a
 * bare status line.
 */
export const answerClientErrors = (server: Server): void => {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    if (error.code === 'HPE_HEADER_OVERFLOW')
      return answer(
        socket,
        431,
        'Request Header Fields Too Large',
        'Request Header Fields Too Large',
        'The request headers are larger than the 16 KB the server reads',
      );
    answer(socket, 400, 'Bad Request', 'Bad Request', `The request is not valid HTTP: ${error.message}`);
  });
};
