/** GET /api/history: the back-test, `{ coverage: { inside, outputs }, rows }`. */
import { historyResponse } from "~/services/history.server";

export function loader() {
  return historyResponse();
}
