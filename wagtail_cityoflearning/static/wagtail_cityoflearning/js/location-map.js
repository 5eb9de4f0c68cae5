// Draws a small, static map for every [data-col-location-map] element.
// The page already shows the address as text; the map is an enhancement.

const DEFAULTS = {
  tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  attribution: "&copy; OpenStreetMap contributors",
};

function readOptions(element) {
  try {
    return { ...DEFAULTS, ...JSON.parse(element.dataset.options || "{}") };
  } catch {
    return DEFAULTS;
  }
}

function drawMap(element) {
  const L = window.L;
  if (!L || element.dataset.colMapReady) return;
  element.dataset.colMapReady = "1";
  const lat = Number.parseFloat(element.dataset.lat);
  const lng = Number.parseFloat(element.dataset.lng);
  if (Number.isNaN(lat) || Number.isNaN(lng)) return;
  const options = readOptions(element);
  const map = L.map(element, {
    center: [lat, lng],
    zoom: 16,
    scrollWheelZoom: false,
    dragging: !L.Browser.mobile,
    keyboard: false,
  });
  L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 19 }).addTo(map);
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
