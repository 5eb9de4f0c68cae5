// The insight settings' boundary: draws the GeoJSON typed in the box on a small map, and
// draws it again as it changes. The form's own check says what is wrong with it.

function readOptions(element) {
  try {
    return JSON.parse(element.dataset.options || "{}") || {};
  } catch {
    return {};
  }
}

function setup(root) {
  const L = window.L;
  const textarea = root.querySelector("textarea");
  const mapElement = root.querySelector("[data-col-boundary-map]");
  const message = root.querySelector("[data-col-boundary-message]");
  if (!L || !textarea || !mapElement || root.dataset.colBoundaryReady) return;
  root.dataset.colBoundaryReady = "1";
  const options = readOptions(root);
  const labels = options.labels || {};
  const map = L.map(mapElement, {
    center: options.centre || [46.0511, 14.5051],
    zoom: options.zoom || 11,
    scrollWheelZoom: false,
    keyboard: false,
    zoomControl: false,
  });
  L.control
    .zoom({ zoomInTitle: labels.zoomIn || "+", zoomOutTitle: labels.zoomOut || "-" })
    .addTo(map);
  const leaflet = document.createElement("a");
  leaflet.href = "https://leafletjs.com";
  leaflet.textContent = "Leaflet";
  if (labels.leaflet) leaflet.title = labels.leaflet;
  map.attributionControl.setPrefix(leaflet.outerHTML);
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, {
      attribution: labels.attribution || options.attribution || "",
      maxZoom: 19,
    }).addTo(map);
  }
  for (const link of mapElement.querySelectorAll("a")) link.tabIndex = -1;
  let layer = null;

  function draw() {
    if (layer) layer.remove();
    layer = null;
    const text = textarea.value.trim();
    if (message) message.textContent = "";
    root.dataset.drawn = "0";
    if (!text) return;
    try {
      layer = L.geoJSON(JSON.parse(text), {
        style: { color: "#1d70b8", weight: 2, fillOpacity: 0.15 },
        interactive: false,
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
      root.dataset.drawn = "1";
    } catch {
      if (layer) layer.remove();
      layer = null;
      if (message) message.textContent = labels.unreadable || "";
    }
  }

  let timer = null;
  textarea.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(draw, 400);
  });
  draw();
}

function setupAll() {
  for (const root of document.querySelectorAll("[data-col-boundary]")) setup(root);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", setupAll);
} else {
  setupAll();
}
