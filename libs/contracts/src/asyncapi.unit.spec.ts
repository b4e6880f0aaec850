import { asyncApiDocument } from './asyncapi';
import { ContractRegistry } from './contract-registry';
import { exampleClosedV1, exampleReportedV2 } from './contracts.fixture';

describe('the AsyncAPI document', () => {
  const document = asyncApiDocument(new ContractRegistry([exampleReportedV2, exampleClosedV1]), {
    title: 'Hypercare events',
    version: '1',
  });

  it('has one channel per topic listing its event types, and an operation to receive them', () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(document.channels['hypercare.examples.v1']).toEqual({
      address: 'hypercare.examples.v1',
      messages: {
        'hypercare.example.closed.v1': { $ref: '#/components/messages/hypercare.example.closed.v1' },
        'hypercare.example.reported.v2': { $ref: '#/components/messages/hypercare.example.reported.v2' },
      },
    });
    expect(document.operations['receive-hypercare.examples.v1']?.action).toBe('receive');
  });

  it('describes each payload with the JSON Schema of its contract and CloudEvents headers', () => {
    const message = document.components.messages['hypercare.example.reported.v2'];
    expect(message?.payload).toMatchObject({
      type: 'object',
      required: ['title', 'reporter', 'affectedUsers'],
      properties: {
        reporter: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
      },
    });
    expect(message?.headers).toEqual({ $ref: '#/components/schemas/CloudEventHeaders' });
    expect(document.components.schemas.CloudEventHeaders.required).toEqual(
      expect.arrayContaining(['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'ce_subject']),
    );
  });
});
