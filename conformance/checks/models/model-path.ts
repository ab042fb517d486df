// The path of GET /models/{id} exactly as openai-node builds it: the id percent-encoded as one
// RFC 3986 path segment, so "/" becomes %2F while ":" (Ollama tags) stays literal.
export function modelPath(id: string): string {
  return `/models/${id.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]+/g, encodeURIComponent)}`;
}
