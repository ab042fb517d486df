// The judge's plug-in point. A run's checks are attached to the scenario that sent the request;
// traffic dropin did not send has no scenario, so one Selector per endpoint decides from the
// request and the answer themselves which checks apply. A new endpoint (Responses, embeddings,
// completions…) joins by adding its Selector to selectors/index.ts; the engine does not change.
import type { Check, Exchange } from '../types.ts';

/** An exchange as a selector sees it. */
export interface ExchangeView {
  exchange: Exchange;
  /** the parsed JSON request body; undefined for a GET, a body that is not JSON, or an unkept request */
  request: any;
  /** false when the recording did not keep the request: checks relating answer to request must be withheld */
  requestKnown: boolean;
  /** the answer was read as an SSE stream (request.stream, or the content type) */
  stream: boolean;
  status: number;
}

export interface Selector {
  /** how reports and docs name the endpoint, e.g. `POST /chat/completions` */
  endpoint: string;
  method: string;
  /**
   * matched against the URL path (query and fragment removed) and anchored with `$`; what precedes the match is the target's
   * base URL (https://api.openai.com/v1, an Azure deployment, a gateway prefix…)
   */
  path: RegExp;
  /** the checks that apply to this exchange: protocol checks always, behaviour checks where the request allows */
  select(view: ExchangeView): Check[];
}
