/** The little of pdfmake 0.3 the post-mortem PDF uses, which ships no types; every project gets it through tsconfig.base.json. */
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  const pdfmake: {
    setFonts(fonts: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    createPdf(definition: Record<string, unknown>): OutputDocument;
  };
  export default pdfmake;
}

declare module 'pdfmake/fonts/Roboto' {
  const fonts: Record<string, Record<string, string>>;
  export default fonts;
}
