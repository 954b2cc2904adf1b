/**
 * When each chart swaps its server drawing for recharts (decisions 022 and 030). recharts is fetched only once a
 * chart asks for it, so it is not part of the page's first JavaScript; charts on or near the screen swap first,
 * the others one per idle period, so that no swap joins the page's hydration in one long task.
 */
type Recharts = typeof import("./RechartsBarChart");

let loading: Promise<Recharts> | null = null;
/** The recharts drawing once loaded (null before): a chart renders it only after its turn came. */
export let recharts: Recharts | null = null;

function loadRecharts(): Promise<Recharts> {
  loading ??= import("./RechartsBarChart").then((m) => (recharts = m));
  // A failed fetch is not kept: the next turn tries again (the plain drawing stays meanwhile).
  loading.catch(() => (loading = null));
  return loading;
}

type Turn = { el: Element; run: () => void; state: "waiting" | "started" | "cancelled" };

const waiting: Turn[] = [];
let near: IntersectionObserver | null = null;
let idleScheduled = false;

function start(turn: Turn) {
  if (turn.state !== "waiting") return;
  turn.state = "started";
  near?.unobserve(turn.el);
  const i = waiting.indexOf(turn);
  if (i >= 0) waiting.splice(i, 1);
  loadRecharts().then(
    () => turn.state === "started" && turn.run(),
    (error: unknown) => console.error("Charts: recharts could not be loaded; the drawings stay as they are", error),
  );
}

const idle: (cb: () => void) => void =
  typeof window !== "undefined" && "requestIdleCallback" in window
    ? (cb) => window.requestIdleCallback(cb, { timeout: 2_000 })
    : (cb) => setTimeout(cb, 50);

function nextWhenIdle() {
  if (idleScheduled || waiting.length === 0) return;
  idleScheduled = true;
  idle(() => {
    idleScheduled = false;
    const turn = waiting[0];
    if (turn) start(turn);
    nextWhenIdle();
  });
}

/**
 * Calls `run` (with recharts loaded) when the chart's turn comes: at once if it is within a screen of the view,
 * else when the browser is idle and the charts before it have had theirs. Returns a cancel function.
 */
export function whenChartTurn(el: Element, run: () => void): () => void {
  const turn: Turn = { el, run, state: "waiting" };
  if (typeof IntersectionObserver === "undefined") {
    start(turn);
  } else {
    near ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) start(waiting.find((t) => t.el === e.target) ?? ({ state: "started" } as Turn));
      },
      { rootMargin: "100% 0px" },
    );
    waiting.push(turn);
    near.observe(el);
    nextWhenIdle();
  }
  return () => {
    if (turn.state === "waiting") {
      near?.unobserve(el);
      const i = waiting.indexOf(turn);
      if (i >= 0) waiting.splice(i, 1);
    }
    turn.state = "cancelled";
  };
}
