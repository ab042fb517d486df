// Error answers real servers send (wire-facts §2.6, §3.5, §4, §6), for errors.* check tests.
export const openaiError = {
  error: {
    message: "Invalid value: 'object'. Supported values are: 'json_object', 'json_schema', and 'text'.",
    type: 'invalid_request_error',
    param: 'response_format.type',
    code: 'invalid_value',
  },
};
export const ollamaNotFound = { error: { message: "model 'x' not found", type: 'not_found_error', param: null, code: null } };
export const llamaCppError = { error: { code: 500, message: 'parse error', type: 'server_error' } };
export const vllmFlatError = { object: 'error', message: 'bad', type: 'BadRequestError', param: null, code: 400 };
export const lmStudioError = { error: "'response_format.type' must be 'json_schema' or 'text'" };
