// The dashboard's coverage map: hexagons coloured by how many opportunities each offers,
// redrawn when the interest or the age band changes. The map is decorative: the figure's
// summary and its table say the same in words, and both follow the filters (a live region
// announces the new summary; the downloads fetch the filtered table).

function readJSON(id) {
  const element = id ? document.getElementById(id) : null;
  try {
    return JSON.parse(element?.textContent || "null");
  } catch {
    return null;
  }
}

function drawLegend(root, data) {
  const list = root.querySelector("[data-col-coverage-legend-items]");
  if (!list) return;
  list.replaceChildren();
  const item = (fill, label, hatched) => {
    const li = document.createElement("li");
    li.className = "col-coverage__legend-item";
    const swatch = document.createElement("span");
    swatch.className = "col-coverage__swatch";
    if (hatched) swatch.classList.add("col-coverage__swatch--empty");
    else swatch.style.backgroundColor = fill;
    li.append(swatch, document.createTextNode(label));
    list.append(li);
  };
  item(null, data.emptyLabel, true);
  for (const entry of data.legend || []) item(entry.colour, entry.label, false);
}

// The figure's table (the dashboard renders it after the map): its rows replaced by the
// filtered ones, each first cell heading its row.
function fillTable(root, rows) {
  const figure = root.closest("article") || root.parentElement;
  const body = figure?.querySelector("table tbody");
  if (!body || !rows) return;
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement("tr");
      row.forEach((cell, index) => {
        const element = document.createElement(index ? "td" : "th");
        if (!index) element.scope = "row";
        if (index && cell.number) element.className = "insight__number";
        element.textContent = cell.text;
        tr.append(element);
      });
      return tr;
    }),
  );
}

// The figure's CSV and XLSX links: the filtered table from the map's own URL, or the
// dashboard's download when no filter is chosen.
function pointDownloads(root, url, filtered) {
  const figure = root.closest("article") || root.parentElement;
  for (const link of figure?.querySelectorAll("a[download]") || []) {
    link.dataset.href ??= link.getAttribute("href");
    const format = new URL(link.dataset.href, window.location.href).searchParams.get("format");
    if (!filtered || !format) {
      link.setAttribute("href", link.dataset.href);
      continue;
    }
    const download = new URL(url);
    download.searchParams.set("format", format);
    link.setAttribute("href", download.pathname + download.search);
  }
}

function setup(root) {
  const L = window.L;
  const mapElement = root.querySelector("[data-col-coverage-map]");
  const summary = document.getElementById(root.dataset.summaryId);
  const announce = root.querySelector("[data-col-coverage-announce]");
  const say = (text) => {
    if (summary) summary.textContent = text;
    if (announce) announce.textContent = text;
  };
  const form = root.querySelector("[data-col-coverage-filters]");
  const options = readJSON(root.dataset.optionsId) || {};
  const initial = readJSON(root.dataset.cellsId) || { cells: [], legend: [] };
  const hatch = `url(#${root.dataset.hatchId})`;
  if (!L || !mapElement || root.dataset.colCoverageReady) return;
  root.dataset.colCoverageReady = "1";
  const labels = options.labels || {};

  const map = L.map(mapElement, {
    center: options.centre || [46.0511, 14.5051],
    zoom: options.zoom || 12,
    scrollWheelZoom: false,
    keyboard: false,
    zoomControl: false,
    preferCanvas: false,
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
  // The control's links are not needed by keyboard users: the map is decorative.
  for (const link of mapElement.querySelectorAll("a")) link.tabIndex = -1;

  const cellLayer = L.featureGroup().addTo(map);
  const outlineLayer = L.featureGroup().addTo(map);
  let fitted = false;

  function draw(data) {
    cellLayer.clearLayers();
    outlineLayer.clearLayers();
    for (const cell of data.cells || []) {
      const empty = !cell.count;
      L.polygon(cell.outline, {
        color: empty ? data.hatchColour : "#ffffff",
        weight: empty ? 0.5 : 1,
        opacity: empty ? 0.6 : 0.9,
        fillColor: empty ? hatch : cell.colour,
        fillOpacity: empty ? 0.45 : 0.85,
        interactive: false,
        className: empty ? "col-coverage__cell col-coverage__cell--empty" : "col-coverage__cell",
      }).addTo(cellLayer);
    }
    if (data.outline?.length) {
      L.polygon(data.outline, {
        color: "#0b0c0c",
        weight: 2,
        fill: false,
        interactive: false,
      }).addTo(outlineLayer);
    }
    // Leaflet writes fill colours as attributes; a pattern must be a url() reference.
    for (const path of mapElement.querySelectorAll(".col-coverage__cell--empty")) {
      path.setAttribute("fill", hatch);
    }
    drawLegend(root, data);
    root.dataset.cells = String((data.cells || []).length);
    root.dataset.empty = String((data.cells || []).filter((cell) => !cell.count).length);
    if (!fitted && cellLayer.getLayers().length) {
      map.fitBounds(cellLayer.getBounds(), { padding: [8, 8] });
      fitted = true;
    }
    root.dataset.ready = "1";
  }

  let request = 0;
  async function refetch() {
    const url = new URL(root.dataset.url, window.location.href);
    let filtered = false;
    for (const [name, value] of new FormData(form)) {
      if (value) url.searchParams.set(name, value);
      if (value) filtered = true;
    }
    const mine = ++request;
    root.setAttribute("aria-busy", "true");
    root.dataset.ready = "0";
    try {
      const response = await fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await response.json();
      if (mine !== request) return;
      if (!response.ok) {
        say(data.error || response.statusText);
        root.dataset.ready = "1";
        return;
      }
      draw(data);
      fillTable(root, data.rows);
      pointDownloads(root, url, filtered);
      say(data.summary);
    } catch (error) {
      say(String(error));
      root.dataset.ready = "1";
    } finally {
      if (mine === request) root.removeAttribute("aria-busy");
    }
  }

  form?.addEventListener("change", refetch);
  form?.addEventListener("submit", (event) => {
    event.preventDefault();
    refetch();
  });
  draw(initial);
  // The map may be drawn while hidden or before the layout settles (a narrow screen).
  window.addEventListener("resize", () => map.invalidateSize());
}

function setupAll() {
  for (const root of document.querySelectorAll("[data-col-coverage]")) setup(root);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", setupAll);
} else {
  setupAll();
}
