// The pathway's diagram made clickable (explainer/ui/drawn.py). The page draws it at once as a picture in its
// own HTML, marked with the stage its link names; this puts the SVG of the picture shown into the page in
// its place (again whenever the page sends a new picture, or the column's width shows the other one), so a
// stage's circle can be clicked, sends the stage's id back, and marks the stage chosen now as the server
// marked the first (explainer/charts/marked.py): the circle grown, its outline as wide, the label bold.
// data: {ids: {stage number: stage id}, chosen: the chosen stage's number, look: {grow, stroke: [normal, chosen]}}
const FIGURE = '.drawn-chart[data-drawn^="pathway-"]';

function svgOf(img) {
  const bytes = Uint8Array.from(atob(img.src.slice(img.src.indexOf(",") + 1)), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function mark(figure, chosen, look) {
  const prefix = `${chosen}. `;
  for (const p of figure.querySelectorAll('[aria-roledescription="point"]')) {
    const at = (p.getAttribute("transform") || "").replace(/ scale\([^)]*\)$/, "");
    const on = (p.getAttribute("aria-label") || "").startsWith(prefix);
    p.setAttribute("transform", on ? `${at} scale(${look.grow})` : at);
    p.setAttribute("stroke-width", on ? look.stroke[1] / look.grow : look.stroke[0]);
  }
  for (const t of figure.querySelectorAll(".mark-text text")) {
    if (/^\d+\. /.test(t.textContent)) t.setAttribute("font-weight", t.textContent.startsWith(prefix) ? "bold" : "normal");
  }
}

function inline(figure, data) {
  for (const img of figure.querySelectorAll('img[src^="data:image/svg+xml;base64,"]')) {
    if (getComputedStyle(img).display === "none") continue; // the other width's picture stays a picture
    const box = document.createElement("div");
    box.className = img.className;
    box.innerHTML = svgOf(img);
    img.replaceWith(box);
  }
  mark(figure, data.chosen, data.look);
}

export default function ({ data, parentElement, setTriggerValue }) {
  const figure = document.querySelector(FIGURE);
  if (!figure) return;
  const holder = figure.parentElement; // the page's element around the figure, kept while its HTML changes
  holder.latest = data;
  inline(figure, data);
  if (!holder.watching) {
    holder.watching = true;
    const again = () => {
      const now = document.querySelector(FIGURE);
      if (now) inline(now, holder.latest);
    };
    new MutationObserver(again).observe(holder, { childList: true, subtree: true });
    new ResizeObserver(again).observe(holder);
  }
  holder.classList.add("pickable");
  holder.onclick = (event) => {
    const point = event.target.closest('[aria-roledescription="point"]');
    const id = point && holder.latest.ids[(point.getAttribute("aria-label") || "").split(".")[0]];
    if (id) setTriggerValue("pick", id);
  };
}
