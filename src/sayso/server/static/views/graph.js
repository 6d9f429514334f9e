/* The actor network drawn with cytoscape.js (loaded as a classic script before the modules). */
import { h, put } from "../core.js";
import { label } from "../words.js";

/** A node's colour: the page's own colour for its actor type (app.css, --type-PERSON …). */
function typeColour(type) {
  return getComputedStyle(document.documentElement).getPropertyValue("--type-" + type).trim() || "#3d4b5c";
}

export function drawGraph(container, graph) {
  container.dataset.nodes = String(graph.nodes.length);
  container.dataset.edges = String(graph.edges.length);
  if (typeof window.cytoscape !== "function") {
    put(container, h("p", { class: "empty" }, "The graph library did not load; the ties are listed below."));
    return;
  }
  const elements = [];
  for (const n of graph.nodes) {
    elements.push({ data: { id: String(n.id), label: n.label.length > 40 ? n.label.slice(0, 38) + "…" : n.label,
      colour: typeColour(n.type), size: 18 + Math.min(30, 4 * n.quotes), focus: n.focus ? 1 : 0 } });
  }
  for (const e of graph.edges) {
    const kinds = Object.keys(e.kinds);
    elements.push({ data: { id: "e" + e.id, source: String(e.source), target: String(e.target),
      width: 1 + Math.min(6, e.weight), label: kinds.map(label).join(", "), directed: e.directed ? 1 : 0 } });
  }
  const cy = window.cytoscape({
    container, elements, minZoom: 0.3, maxZoom: 3,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)",
        label: "data(label)", "font-size": 11, color: "#1b1b1b", "text-valign": "bottom", "text-margin-y": 4,
        "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 2,
        "text-wrap": "ellipsis", "text-max-width": 140 } },
      { selector: "node[focus = 1]", style: { "border-width": 4, "border-color": "#1b1b1b", "font-weight": "bold", "font-size": 13 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#8a96a3", "target-arrow-color": "#8a96a3",
        "curve-style": "bezier", "target-arrow-shape": "triangle", opacity: 0.85 } },
      { selector: "edge[directed = 0]", style: { "line-style": "dashed", "target-arrow-shape": "none" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#1a56db" } },
    ],
    layout: { name: "preset" },
  });
  // Rings around the actor first, then a force layout from there that counts labels in each
  // node's size, so labels do not overlap and the graph spreads over the whole box.
  if (graph.nodes.length > 1) {
    cy.layout({ name: "concentric", concentric: (node) => node.data("focus") ? 2 : 1, levelWidth: () => 1,
      minNodeSpacing: 28, animate: false, padding: 24, nodeDimensionsIncludeLabels: true }).run();
    cy.layout({ name: "cose", randomize: false, animate: false, fit: true, padding: 24,
      nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 400000, idealEdgeLength: () => 90,
      nodeOverlap: 20, componentSpacing: 60, numIter: 1500, boundingBox: { x1: 0, y1: 0,
        w: container.clientWidth || 600, h: container.clientHeight || 400 } }).run();
  } else cy.layout({ name: "grid", padding: 24 }).run();
  cy.fit(undefined, 24);
  cy.on("tap", "node", (event) => { location.hash = "#/actor/" + event.target.id(); });
  window.saysoGraph = cy;
  container.dataset.ready = "true";
}
