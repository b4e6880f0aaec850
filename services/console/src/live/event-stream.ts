export interface StreamMessage {
  id?: string;
  event: string;
  data: string;
}

/**
 * Reads a Server-Sent Events response as messages (`EventSource` cannot send the API key
 * header, so the console reads the stream with `fetch`); comments and the retry advice are skipped.
 */
export async function* streamMessages(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
      }
      if (fields['event']) yield { id: fields['id'], event: fields['event'], data: fields['data'] ?? '' };
    }
  }
}
