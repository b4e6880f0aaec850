/**
 * Applies method decorators (OpenAPI documentation) from inside a parameter decorator, so a
 * decorator that reads a request part also documents it, and neither can be forgotten.
 */
export const documentOperation = (
  target: object,
  key: string | symbol | undefined,
  ...decorators: MethodDecorator[]
): void => {
  const method = key as string | symbol;
  const descriptor = Object.getOwnPropertyDescriptor(target, method) as PropertyDescriptor;
  for (const decorate of decorators) decorate(target, method, descriptor);
};
