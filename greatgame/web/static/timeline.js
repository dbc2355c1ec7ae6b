/* greatgame dashboard, actor page: events per month as stacked bars by quad class, drawn from
 * the page's JSON twin (/api/actors/{id}); each bar links to that month in the list below. */
"use strict";

(function () {
  const box = document.getElementById("timeline");
  if (!box) return;
  const { el, svg, getJSON, QUADS } = window.gg;

  function monthKey(day) {
    return day ? day.slice(0, 7) : null;
  }

  function monthsBetween(first, last) {
    const out = [];
    let [y, m] = first.split("-").map(Number);
    const [ly, lm] = last.split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      out.push(`${y}-${String(m).padStart(2, "0")}`);
      m += 1;
      if (m > 12) { m = 1; y += 1; }
      if (out.length > 240) break;
    }
    return out;
  }

  function draw(events) {
    const counts = new Map();
    events.forEach((e) => {
      const k = monthKey(e.day);
      if (!k) return;
      const c = counts.get(k) || {};
      c[e.quad] = (c[e.quad] || 0) + 1;
      counts.set(k, c);
    });
    if (!counts.size) {
      box.replaceChildren(el("p", { class: "muted chart-placeholder" }, "No dated events to draw."));
      return;
    }
    const keys = [...counts.keys()].sort();
    const months = monthsBetween(keys[0], keys[keys.length - 1]);
    const max = Math.max(...[...counts.values()].map((c) => Object.values(c).reduce((a, b) => a + b, 0)));
    const W = 960, H = 150, L = 34, R = 10, T = 10, B = 28;
    const step = (W - L - R) / months.length;
    const bw = Math.max(2, Math.min(28, step * 0.75));
    const y = (v) => T + ((max - v) * (H - T - B)) / max;
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline-chart", role: "img",
      "aria-label": "Events per month" });
    root.appendChild(svg("line", { x1: L, x2: W - R, y1: y(0), y2: y(0), class: "axis" }));
    root.appendChild(svg("text", { x: L - 6, y: y(max) + 4, class: "y-label" }, String(max)));
    root.appendChild(svg("text", { x: L - 6, y: y(0) + 4, class: "y-label" }, "0"));
    const every = Math.max(1, Math.ceil(months.length / 12));
    months.forEach((month, i) => {
      const x = L + i * step + (step - bw) / 2;
      if (i % every === 0) root.appendChild(svg("text", { x: x + bw / 2, y: H - 8, class: "x-label" }, month));
      const c = counts.get(month);
      if (!c) return;
      const link = svg("a", { href: "#m-" + month, class: "bar" });
      let base = 0;
      QUADS.concat(["other"]).forEach((q) => {
        const n = c[q] || 0;
        if (!n) return;
        link.appendChild(svg("rect", { x, width: bw, y: y(base + n), height: y(base) - y(base + n), class: "quad-" + q }));
        base += n;
      });
      const total = Object.values(c).reduce((a, b) => a + b, 0);
      link.appendChild(svg("title", {}, `${month}: ${total} events`));
      root.appendChild(link);
    });
    box.replaceChildren(root);
  }

  getJSON(box.dataset.api)
    .then((body) => draw(body.recent_events || []))
    .catch((err) => box.replaceChildren(el("p", { class: "problem" }, "Could not load the timeline: " + err.message)));
})();
