/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// Single fetch (v3_singleFetch in remix.config.js) serialises loader data with turbo-stream, not JSON:
// this tells useLoaderData's types so (Dates stay Dates, no Jsonify).
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
