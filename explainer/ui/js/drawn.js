// The pathway's diagram made clickable (explainer/ui/drawn.py). The page draws it at once as a picture in its
// own HTML, already marked; this puts the SVG of the picture shown into the page in its place (again each
// time the page sends a new picture, or the column's width shows the other one), so a stage's circle can be
// clicked, and sends the stage's id back.
// data: {holder: the key of the container around the picture and this component, ids: {number: stage id}}
function svgOf(img) {
  const bytes = Uint8Array.from(atob(img.src.slice(img.src.indexOf(",") + 1)), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function inline(holder) {
  for (const img of holder.querySelectorAll('.drawn-chart img[src^="data:image/svg+xml;base64,"]')) {
    if (getComputedStyle(img).display === "none") continue; // the other width's picture stays a picture
    const box = document.createElement("div");
    box.className = img.className;
    box.innerHTML = svgOf(img);
    img.replaceWith(box);
  }
}

export default function ({ data, parentElement, setTriggerValue }) {
  const holder = parentElement.closest(`.st-key-${data.holder}`);
  if (!holder) return;
  inline(holder);
  if (!holder.watching) {
    holder.watching = true;
    new MutationObserver(() => inline(holder)).observe(holder, { childList: true, subtree: true });
    new ResizeObserver(() => inline(holder)).observe(holder);
  }
  holder.classList.add("pickable");
  holder.onclick = (event) => {
    const point = event.target.closest('[aria-roledescription="point"]');
    const id = point && data.ids[(point.getAttribute("aria-label") || "").split(".")[0]];
    if (id) setTriggerValue("pick", id);
  };
}
