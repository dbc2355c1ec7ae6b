/* greatgame dashboard, country page: influence share and alignment charts from /api/influence,
 * and the events behind a clicked point (from /api/events?id=..., the row's event ids). */
"use strict";

(function () {
  const root = document.getElementById("influence");
  if (!root) return;
  const { el, getJSON, eventCard, lineChart, stackChart, seriesClass } = window.gg;
  const country = root.dataset.country;
  const countryName = root.dataset.name || country;
  const freqSelect = document.getElementById("freq");
  const domainSelect = document.getElementById("domain");
  const status = document.getElementById("chart-status");
  const state = { all: [], byDomain: [], powers: [], freq: root.dataset.freq || "quarter" };

  function influenceURL(byDomain) {
    const p = new URLSearchParams({ country, freq: state.freq, evidence: "true", bootstrap: "100" });
    if (byDomain) p.set("by_domain", "true");
    return "/api/influence?" + p.toString();
  }

  async function load() {
    status.textContent = "Loading…";
    try {
      const [all, byDomain] = await Promise.all([getJSON(influenceURL(false)), getJSON(influenceURL(true))]);
      state.all = all.rows;
      state.byDomain = byDomain.rows;
      state.powers = all.powers;
      fillDomains();
      draw();
    } catch (err) {
      status.textContent = "Could not load the influence data: " + err.message;
    }
  }

  function fillDomains() {
    const chosen = domainSelect.value || "all";
    const domains = [...new Set(state.byDomain.map((r) => r.domain))].sort();
    domainSelect.replaceChildren(el("option", { value: "all" }, "all domains"));
    domains.forEach((d) => domainSelect.appendChild(el("option", { value: d }, d.replace(/_/g, " "))));
    domainSelect.value = domains.indexOf(chosen) >= 0 ? chosen : "all";
  }

  function rowsNow() {
    const domain = domainSelect.value || "all";
    return domain === "all" ? state.all : state.byDomain.filter((r) => r.domain === domain);
  }

  function draw() {
    const rows = rowsNow();
    const shareBox = document.getElementById("share-chart");
    const alignBox = document.getElementById("alignment-chart");
    drawLegend();
    if (!rows.length) {
      const msg = `No stated events between the outside powers and ${countryName} in the database yet.`;
      shareBox.replaceChildren(el("p", { class: "muted chart-placeholder" }, msg));
      alignBox.replaceChildren(el("p", { class: "muted chart-placeholder" }, msg));
      status.textContent = "";
      return;
    }
    const starts = rows.map((r) => r.period_start).sort();
    const periods = periodsBetween(starts[0], starts[starts.length - 1], state.freq);
    const index = new Map(periods.map((p, i) => [p, i]));
    const mid = (state.powers.length - 1) / 2;
    const series = (measure) => state.powers.map((power, k) => ({
      key: power, cls: seriesClass(power, k), label: power, offset: measure === "alignment" ? (k - mid) * 3 : 0,
      points: rows.filter((r) => r.power === power).map((r) => ({
        i: index.get(r.period), y: r[measure], lo: r[measure + "_lo"], hi: r[measure + "_hi"], row: r,
        clickable: (r.event_ids || []).length + (r.planned_event_ids || []).length > 0,
      })).sort((a, b) => a.i - b.i),
    }));
    stackChart(shareBox, {
      periods, series: series("share"), yMin: 0, yMax: 1, ticks: [0, 0.25, 0.5, 0.75, 1],
      format: (v) => Math.round(100 * v) + "%", onPoint: showEvidence,
    });
    lineChart(alignBox, {
      periods, series: series("alignment"), yMin: -1, yMax: 1, ticks: [-1, -0.5, 0, 0.5, 1], zero: true,
      format: (v) => (v > 0 ? "+" : "") + v.toFixed(2), onPoint: showEvidence,
    });
    const total = new Set(rows.flatMap((r) => r.event_ids || [])).size;
    const unit = periods.length === 1 ? state.freq : state.freq + "s";
    status.textContent = `${total} stated ${total === 1 ? "event" : "events"} over ${periods.length} ${unit}. ` +
      "Click a bar segment or a point for its events; pale bars on the right are 95% bootstrap bands.";
  }

  /** Every period label from the one holding ``first`` to the one holding ``last`` (ISO days). */
  function periodsBetween(first, last, freq) {
    const out = [];
    let [y, m] = first.split("-").map(Number);
    const [ly, lm] = last.split("-").map(Number);
    const stepMonths = freq === "year" ? 12 : freq === "quarter" ? 3 : 1;
    while ((y < ly || (y === ly && m <= lm)) && out.length < 600) {
      if (freq === "year") out.push(String(y));
      else if (freq === "quarter") out.push(`${y}-Q${Math.floor((m - 1) / 3) + 1}`);
      else out.push(`${y}-${String(m).padStart(2, "0")}`);
      m += stepMonths;
      while (m > 12) { m -= 12; y += 1; }
    }
    return out;
  }

  function drawLegend() {
    const legend = document.getElementById("legend");
    legend.replaceChildren(...state.powers.map((p, k) => {
      const item = el("span", { class: "swatch-label" });
      item.appendChild(el("span", { class: "swatch " + seriesClass(p, k) }));
      item.appendChild(el("a", { href: "/actors/" + encodeURIComponent(p) }, p));
      return item;
    }));
  }

  async function matchingEvents(row) {
    // the row names its events: fetch exactly those (the id filter), 100 per request (URL length)
    const wanted = [...new Set([...(row.event_ids || []), ...(row.planned_event_ids || [])])];
    const found = new Map();
    for (let k = 0; k < wanted.length && k < 5000; k += 100) {
      const params = new URLSearchParams({ page_size: "100" });
      wanted.slice(k, k + 100).forEach((id) => params.append("id", id));
      const body = await getJSON("/api/events?" + params.toString());
      body.items.forEach((e) => found.set(e.id, e));
    }
    return found;
  }

  async function showEvidence(series, point) {
    const row = point.row;
    const panel = document.getElementById("evidence");
    const list = document.getElementById("evidence-list");
    const domain = row.domain === "all" ? "all domains" : row.domain.replace(/_/g, " ");
    panel.hidden = false;
    document.getElementById("evidence-title").textContent = `${row.power} in ${countryName}, ${row.period} (${domain})`;
    const align = row.alignment === null ? "–" : (row.alignment > 0 ? "+" : "") + row.alignment.toFixed(2);
    const share = row.share === null ? "–" : Math.round(100 * row.share) + "%";
    document.getElementById("evidence-summary").textContent =
      `Share ${share} · alignment ${align} · ${row.n_events} stated events` +
      (row.n_planned || row.n_hypothetical ? ` · ${row.n_planned + row.n_hypothetical} planned or hypothetical` : "");
    list.replaceChildren(el("li", { class: "muted" }, "Loading the events…"));
    panel.scrollIntoView({ behavior: "smooth", block: "start" });
    try {
      const found = await matchingEvents(row);
      const items = [];
      const add = (ids, heading) => {
        const events = (ids || []).map((id) => found.get(id)).filter(Boolean);
        if (!events.length) return;
        if (heading) items.push(el("li", { class: "list-heading" }, heading));
        events.forEach((e) => items.push(eventCard(e)));
      };
      add(row.event_ids, null);
      add(row.planned_event_ids, "Planned or hypothetical (not counted in the share)");
      list.replaceChildren(...(items.length ? items : [el("li", { class: "muted" }, "The events could not be found.")]));
    } catch (err) {
      list.replaceChildren(el("li", { class: "problem" }, "Could not load the events: " + err.message));
    }
  }

  freqSelect.addEventListener("change", () => {
    state.freq = freqSelect.value;
    const url = new URL(window.location.href);
    url.searchParams.set("freq", state.freq);
    window.history.replaceState(null, "", url.pathname + url.search);
    const twin = "/api/influence?" + new URLSearchParams({ country, freq: state.freq }).toString();
    const link = document.querySelector("a.json-link");
    if (link) {
      link.setAttribute("href", twin);
      const code = link.querySelector("code");
      if (code) code.textContent = twin;
    }
    document.getElementById("evidence").hidden = true;
    load();
  });
  domainSelect.addEventListener("change", () => {
    document.getElementById("evidence").hidden = true;
    draw();
  });
  load();
})();
