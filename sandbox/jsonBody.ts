// The body of a JSON-protocol request the sandbox emulates (App Runner, ECS Express): an object, or the
// service's own refusal made by `invalid` (each service names that error differently).
export type JsonObject = Record<string, unknown>;

export function parseJsonObjectBody(text: string, invalid: (message: string) => Error): JsonObject {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('The request body must be a JSON object.');
  return value as JsonObject;
}
