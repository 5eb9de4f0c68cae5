// Draws a small, static map for every [data-col-location-map] element.
// The page already shows the address as text; the map is an enhancement.

const DEFAULTS = {
  tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  attribution: "&copy; OpenStreetMap contributors",
};

function readJSON(text, fallback) {
  try {
    return JSON.parse(text || "") ?? fallback;
  } catch {
    return fallback;
  }
}

function readOptions(element) {
  return { ...DEFAULTS, ...readJSON(element.dataset.options, {}) };
}

// The names of Leaflet's controls in the page's language: the JSON the template renders
// beside the map (the same words as the opportunity map's).
function readLabels(element) {
  const script = element.parentElement?.querySelector(':scope > script[type="application/json"]');
  const labels = readJSON(script?.textContent, {});
  return typeof labels === "object" ? labels : {};
}

function drawMap(element) {
  const L = window.L;
  if (!L || element.dataset.colMapReady) return;
  element.dataset.colMapReady = "1";
  const lat = Number.parseFloat(element.dataset.lat);
  const lng = Number.parseFloat(element.dataset.lng);
  if (Number.isNaN(lat) || Number.isNaN(lng)) return;
  const options = readOptions(element);
  const labels = readLabels(element);
  const map = L.map(element, {
    center: [lat, lng],
    zoom: 16,
    scrollWheelZoom: false,
    dragging: !L.Browser.mobile,
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
  L.tileLayer(options.tileUrl, {
    attribution: labels.attribution || options.attribution,
    maxZoom: 19,
  }).addTo(map);
  L.circleMarker([lat, lng], {
    radius: 10,
    color: "#0b0c0c",
    weight: 3,
    fillColor: "#d4351c",
    fillOpacity: 1,
    interactive: false,
  }).addTo(map);
}

function drawAll() {
  for (const element of document.querySelectorAll("[data-col-location-map]")) {
    drawMap(element);
  }
}

// Leaflet is a classic deferred script: it has run before module scripts execute.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawAll);
} else {
  drawAll();
}
