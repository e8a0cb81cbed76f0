// A chart drawn ahead as SVG (explainer/pictures.py), shown at the width that fits its column, with the
// chosen stage or options marked here instead of in a new drawing, and a stage's mark clickable.
// data: {alt, drawings: [{width, url}], kind: "pathway" | "ladder", mark, ids}
const TEXTS = new Map(); // address -> the SVG's text, fetched once a page

function svgText(url) {
  if (!TEXTS.has(url)) {
    TEXTS.set(
      url,
      fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.text();
      }),
    );
  }
  return TEXTS.get(url);
}

function fitting(drawings, width) {
  // the drawing nearest the column's width, which is scaled to fit it: text keeps about its size
  const off = (d) => Math.abs(Math.log(d.width / Math.max(width, 1)));
  return drawings.reduce((best, d) => (off(d) < off(best) ? d : best));
}

function markPathway(box, mark) {
  for (const p of box.querySelectorAll('[aria-roledescription="point"]')) {
    if (p.dataset.at === undefined) p.dataset.at = p.getAttribute("transform") || "";
    const on = (p.getAttribute("aria-label") || "").startsWith(mark.prefix);
    p.setAttribute("transform", on ? `${p.dataset.at} scale(${mark.grow})` : p.dataset.at);
    p.setAttribute("stroke-width", on ? mark.stroke[1] / mark.grow : mark.stroke[0]);
  }
  for (const t of box.querySelectorAll(".mark-text text")) {
    if (/^\d+\. /.test(t.textContent)) t.setAttribute("font-weight", t.textContent.startsWith(mark.prefix) ? "bold" : "normal");
  }
}

function markLadder(box, mark) {
  const names = new Set(mark.names);
  for (const b of box.querySelectorAll('[aria-roledescription="bar"]')) {
    const name = (/(?:^|; )name: ([^;]*)/.exec(b.getAttribute("aria-label") || "") || [])[1];
    const on = names.has(name);
    b.setAttribute("stroke", on ? mark.ink : "none");
    b.setAttribute("stroke-width", on ? mark.stroke : 0);
  }
  for (const t of box.querySelectorAll(".role-axis-label text")) {
    if (t.dataset.name === undefined) t.dataset.name = t.textContent;
    t.textContent = names.has(t.dataset.name) ? t.dataset.name + mark.tick : t.dataset.name;
  }
}

function show(box, data) {
  if (data.kind === "pathway") markPathway(box, data.mark);
  else if (data.kind === "ladder") markLadder(box, data.mark);
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let box = parentElement.querySelector(".drawn-chart");
  if (!box) {
    box = document.createElement("div");
    box.className = "drawn-chart";
    box.setAttribute("role", "img");
    parentElement.appendChild(box);
  }
  box.setAttribute("aria-label", data.alt);
  box.classList.toggle("pickable", Boolean(data.ids));
  box.onclick = (event) => {
    const point = data.ids && event.target.closest('[aria-roledescription="point"]');
    const id = point && data.ids[(point.getAttribute("aria-label") || "").split(".")[0]];
    if (id) setTriggerValue("pick", id);
  };
  const draw = () => {
    const drawing = fitting(data.drawings, parentElement.getBoundingClientRect().width);
    if (box.dataset.url === drawing.url) return show(box, data);
    box.dataset.want = drawing.url;
    svgText(drawing.url).then(
      (text) => {
        if (box.dataset.want !== drawing.url) return;
        box.innerHTML = text;
        box.dataset.url = drawing.url;
        for (const point of box.querySelectorAll('[aria-roledescription="point"]')) {
          const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
          title.textContent = point.getAttribute("aria-label"); // shown on hover, as the live chart's tooltip
          point.appendChild(title);
        }
        show(box, data);
      },
      (error) => {
        box.textContent = data.alt;
        console.error(error);
      },
    );
  };
  draw();
  if (box.watch) box.watch.disconnect(); // a new run brings new data: one observer, drawing with the last
  box.watch = new ResizeObserver(draw);
  box.watch.observe(parentElement);
  return () => box.watch.disconnect();
}
