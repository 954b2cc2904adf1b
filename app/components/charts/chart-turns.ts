/**
 * When each chart swaps its server drawing for recharts (decisions 022 and 030): when it comes within half a
 * screen of the view. recharts is fetched only then, so it is not part of the page's first JavaScript, and a chart
 * nobody scrolls to costs nothing: the page's load is not one long task of redrawing charts off the screen.
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

/** Calls `run` (with recharts loaded) once `el` is within half a screen of the view. Returns a cancel function. */
export function whenChartTurn(el: Element, run: () => void): () => void {
  const turn: Turn = { el, run, state: "waiting" };
  if (typeof IntersectionObserver === "undefined") {
    start(turn);
  } else {
    near ??= new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) start(waiting.find((t) => t.el === e.target) ?? ({ state: "started" } as Turn));
      },
      { rootMargin: "50% 0px" },
    );
    waiting.push(turn);
    near.observe(el);
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
