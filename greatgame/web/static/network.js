/* greatgame dashboard, network page: hovering or focusing an actor highlights its links. */
"use strict";

(function () {
  const root = document.getElementById("network");
  if (!root) return;
  const edges = [...root.querySelectorAll(".edge")];
  const nodes = [...root.querySelectorAll(".node")];

  function focus(id) {
    const near = new Set([id]);
    edges.forEach((e) => {
      const on = e.dataset.source === id || e.dataset.target === id;
      e.classList.toggle("lit", on);
      if (on) { near.add(e.dataset.source); near.add(e.dataset.target); }
    });
    nodes.forEach((n) => n.classList.toggle("dim", !near.has(n.dataset.id)));
    root.classList.add("focused");
  }

  function clear() {
    edges.forEach((e) => e.classList.remove("lit"));
    nodes.forEach((n) => n.classList.remove("dim"));
    root.classList.remove("focused");
  }

  nodes.forEach((n) => {
    n.addEventListener("mouseenter", () => focus(n.dataset.id));
    n.addEventListener("focus", () => focus(n.dataset.id));
    n.addEventListener("mouseleave", clear);
    n.addEventListener("blur", clear);
  });
})();
