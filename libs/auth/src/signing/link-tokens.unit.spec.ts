import { LinkTokens } from './link-tokens';

const SURVEY = { name: 'survey', ids: /^[0-9a-f-]{36}$/ };
const ID = '0b9a8a8e-6a40-4d4e-9d61-0d5b7f0e2c11';

describe('link tokens', () => {
  it('open what they were made for, under their own secret or one also accepted', () => {
    const feedback = new LinkTokens('feedback secret', 'signing key');
    expect(feedback.idOf(feedback.tokenOf(ID), SURVEY)).toBe(ID);
    expect(feedback.idOf(new LinkTokens('signing key').tokenOf(ID), SURVEY)).toBe(ID);
  });

  it('refuse, naming the token, one made under another secret, altered, or of another kind', () => {
    const feedback = new LinkTokens('feedback secret', 'signing key');
    const foreign = new LinkTokens('another secret').tokenOf(ID);
    const altered = `${ID.replace('0b', '1b')}.${feedback.tokenOf(ID).split('.')[1]}`;
    for (const token of [foreign, altered, `${feedback.tokenOf(ID)}x`])
      expect(() => feedback.idOf(token, SURVEY)).toThrow('token: is not a survey link of this platform');
    expect(() => feedback.idOf(feedback.tokenOf('7:1'), SURVEY)).toThrow();
  });
});
