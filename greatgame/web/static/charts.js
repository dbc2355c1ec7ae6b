/* greatgame dashboard: small helpers shared by the page scripts (no library, no HTML strings).
 * Text only ever reaches the page through textContent or createTextNode. */
"use strict";

window.gg = (function () {
  const SVG = "http://www.w3.org/2000/svg";
  const POWER_ORDER = ["RUS", "CHN", "USA", "EU", "TUR", "IRN", "IND", "JPN", "KOR", "GBR"];

  /** An HTML element with attributes and optional text. */
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** An SVG element with attributes and optional text. */
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** Fetch JSON from our own API; throws an Error with the API's message on failure. */
  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.statusText;
      throw new Error(message);
    }
    return body;
  }

  /** A same-site path to a document's sentence (never anything but a path starting with /). */
  function sentenceHref(docId, sentenceIdx) {
    return "/documents/" + encodeURIComponent(docId) + "#s-" + Number(sentenceIdx);
  }

  function actorHref(actorId) {
    return "/actors/" + encodeURIComponent(actorId);
  }

  /** The colour class of a power: fixed for the usual powers, by position for the others. */
  function seriesClass(power, index) {
    const known = POWER_ORDER.indexOf(power);
    return "series-" + (known >= 0 ? known : (POWER_ORDER.length + index) % 12);
  }

  const QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];

  function quadClass(quad) {
    return "quad-" + (QUADS.indexOf(quad) >= 0 ? quad : "other");
  }

  function sideNodes(refs) {
    const span = el("span", { class: "side" });
    if (!refs || !refs.length) {
      span.appendChild(el("span", { class: "muted" }, "unknown"));
      return span;
    }
    refs.forEach((ref, i) => {
      if (i) span.appendChild(document.createTextNode(", "));
      span.appendChild(el("a", { class: "actor", href: actorHref(ref.id) }, ref.id));
    });
    return span;
  }

  /** An event as a list item: day, type, sides, sentence, and the link to the sentence. */
  function eventCard(e) {
    const li = el("li", { class: "event-card" });
    const line = el("div", { class: "event-line" });
    line.appendChild(el("span", { class: "day" }, e.day || "undated"));
    line.appendChild(el("span", { class: "chip " + quadClass(e.quad), title: e.quad.replace(/_/g, " ") }, e.type));
    const sides = el("span", { class: "sides" });
    sides.appendChild(sideNodes(e.source));
    sides.appendChild(el("span", { class: "arrow" }, " → "));
    sides.appendChild(sideNodes(e.target));
    line.appendChild(sides);
    if (e.modality && e.modality !== "asserted") line.appendChild(el("span", { class: "badge modality" }, e.modality));
    (e.context || []).forEach((c) => line.appendChild(el("span", { class: "badge context" }, c)));
    li.appendChild(line);
    li.appendChild(el("blockquote", { class: "sentence" }, e.sentence));
    const doc = el("div", { class: "event-doc" });
    doc.appendChild(el("a", { class: "to-sentence", href: sentenceHref(e.doc, e.sentence_idx) }, e.doc_title || e.doc));
    if (e.doc_publisher) doc.appendChild(el("span", { class: "muted" }, " · " + e.doc_publisher));
    li.appendChild(doc);
    return li;
  }

  /**
   * A line chart over categorical periods, drawn as SVG into ``box``.
   * spec: {periods: [label], series: [{key, cls, label, points: [{i, y, lo, hi, clickable, row}]}],
   *        yMin, yMax, ticks: [values], format(v), onPoint(series, point), zero: bool}
   */
  function lineChart(box, spec) {
    const W = 560, H = 260, L = 46, R = 14, T = 14, B = 40;
    const n = spec.periods.length;
    const x = (i) => (n <= 1 ? L + (W - L - R) / 2 : L + (i * (W - L - R)) / (n - 1));
    const y = (v) => T + ((spec.yMax - v) * (H - T - B)) / (spec.yMax - spec.yMin);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "line-chart", role: "group" });
    const grid = svg("g", { class: "grid" });
    spec.ticks.forEach((t) => {
      grid.appendChild(svg("line", { x1: L, x2: W - R, y1: y(t), y2: y(t), class: t === 0 && spec.zero ? "zero" : "" }));
      grid.appendChild(svg("text", { x: L - 6, y: y(t) + 4, class: "y-label" }, spec.format(t)));
    });
    const every = Math.max(1, Math.ceil(n / 8));
    spec.periods.forEach((p, i) => {
      if (i % every === 0) grid.appendChild(svg("text", { x: x(i), y: H - B + 18, class: "x-label" }, p));
    });
    root.appendChild(grid);
    spec.series.forEach((s) => root.appendChild(drawSeries(s, x, y, spec)));
    box.replaceChildren(root);
  }

  function drawSeries(s, x0, y, spec) {
    const x = (i) => x0(i) + (s.offset || 0);
    const g = svg("g", { class: "series " + s.cls, "data-power": s.key });
    let d = "";
    let last = -2;
    s.points.forEach((p) => {
      if (p.y === null || p.y === undefined) return;
      d += (p.i === last + 1 && d ? " L " : " M ") + x(p.i).toFixed(1) + " " + y(p.y).toFixed(1);
      last = p.i;
    });
    if (d) g.appendChild(svg("path", { d: d.trim(), class: "line" }));
    s.points.forEach((p) => {
      if (p.y === null || p.y === undefined) return;
      if (p.lo !== null && p.lo !== undefined && p.hi !== null && p.hi !== undefined && p.clickable) {
        g.appendChild(svg("line", { x1: x(p.i), x2: x(p.i), y1: y(p.lo), y2: y(p.hi), class: "band" }));
      }
      const dot = svg("circle", {
        cx: x(p.i), cy: y(p.y), r: p.clickable ? 5.5 : 3,
        class: p.clickable ? "point clickable" : "point",
        "data-power": s.key, "data-period": spec.periods[p.i],
      });
      dot.appendChild(svg("title", {}, `${s.label}, ${spec.periods[p.i]}: ${spec.format(p.y)}` +
        (p.row ? ` (${p.row.n_events} events)` : "")));
      if (p.clickable) clickable(dot, `${s.label} ${spec.periods[p.i]}: show the events`, () => spec.onPoint(s, p));
      g.appendChild(dot);
    });
    return g;
  }

  /** Stacked bars (one per period, shares summing to 1), drawn as SVG into ``box``; same spec as lineChart. */
  function stackChart(box, spec) {
    const W = 560, H = 260, L = 46, R = 14, T = 14, B = 40;
    const n = spec.periods.length;
    const step = (W - L - R) / Math.max(1, n);
    const bw = Math.max(4, Math.min(48, step * 0.7));
    const y = (v) => T + ((spec.yMax - v) * (H - T - B)) / (spec.yMax - spec.yMin);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "stack-chart", role: "group" });
    const grid = svg("g", { class: "grid" });
    spec.ticks.forEach((t) => {
      grid.appendChild(svg("line", { x1: L, x2: W - R, y1: y(t), y2: y(t) }));
      grid.appendChild(svg("text", { x: L - 6, y: y(t) + 4, class: "y-label" }, spec.format(t)));
    });
    const every = Math.max(1, Math.ceil(n / 8));
    spec.periods.forEach((p, i) => {
      if (i % every === 0) {
        grid.appendChild(svg("text", { x: L + step * (i + 0.5), y: H - B + 18, class: "x-label" }, p));
      }
    });
    root.appendChild(grid);
    const base = spec.periods.map(() => 0);
    spec.series.forEach((s) => {
      const g = svg("g", { class: "series " + s.cls, "data-power": s.key });
      s.points.forEach((p) => {
        if (!p.y) return;
        const x = L + step * p.i + (step - bw) / 2;
        const top = y(base[p.i] + p.y);
        const rect = svg("rect", {
          x: x.toFixed(1), y: top.toFixed(1), width: bw.toFixed(1), height: (y(base[p.i]) - top).toFixed(1),
          class: "segment" + (p.clickable ? " clickable" : ""), "data-power": s.key, "data-period": spec.periods[p.i],
        });
        base[p.i] += p.y;
        const band = p.lo !== null && p.lo !== undefined ? ` (95% band ${spec.format(p.lo)}–${spec.format(p.hi)})` : "";
        rect.appendChild(svg("title", {}, `${s.label}, ${spec.periods[p.i]}: ${spec.format(p.y)}${band}` +
          (p.row ? `, ${p.row.n_events} events` : "")));
        if (p.clickable) clickable(rect, `${s.label} ${spec.periods[p.i]}: show the events`, () => spec.onPoint(s, p));
        g.appendChild(rect);
      });
      root.appendChild(g);
    });
    box.replaceChildren(root);
  }

  function clickable(node, label, action) {
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", label);
    node.addEventListener("click", action);
    node.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); action(); }
    });
  }

  return { el, svg, getJSON, eventCard, lineChart, stackChart, seriesClass, quadClass, sentenceHref, actorHref, QUADS };
})();
