// The opportunity map: markers in clusters beside the server-rendered list.
// Without JavaScript the filter form and the list work on their own; this module adds the
// map, live filtering, "search this area", "use my location" and the Map / List switch.

const root = document.querySelector("[data-col-map]");
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function readJSON(value, fallback) {
  try {
    return JSON.parse(value || "");
  } catch {
    return fallback;
  }
}

function escapeHTML(text) {
  const element = document.createElement("span");
  element.textContent = text ?? "";
  return element.innerHTML;
}

function formatDate(iso, timeZone) {
  const options = {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  };
  try {
    // Session times are shown in the city's timezone, wherever the visitor is.
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      ...options,
      timeZone,
    }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(new Date(iso));
  }
}

function queryFromForm(form) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (value !== "") params.append(name, value);
  }
  return params;
}

class OpportunityMap {
  constructor(element) {
    this.element = element;
    this.options = readJSON(element.dataset.options, {});
    this.labels = readJSON(element.dataset.labels, {});
    this.form = element.querySelector("[data-filters]");
    this.results = element.querySelector("[data-results]");
    this.status = element.querySelector("[data-results-status]");
    this.areaButton = element.querySelector("[data-search-area]");
    this.markers = new Map();
    this.userMoved = false;
    this.request = null;
    this.initMap();
    this.initViewSwitch();
    this.initForm();
    this.initLocation();
    this.bindList();
    this.bindResults();
    this.loadMarkers(new URLSearchParams(window.location.search), true);
  }

  initMap() {
    const L = window.L;
    const canvas = this.element.querySelector("[data-map-canvas]");
    this.map = L.map(canvas, {
      center: this.options.centre || [0, 0],
      zoom: this.options.zoom || 13,
      zoomAnimation: !reducedMotion,
      fadeAnimation: !reducedMotion,
      markerZoomAnimation: !reducedMotion,
    });
    L.tileLayer(this.options.tileUrl, {
      attribution: this.options.attribution,
      maxZoom: 19,
    }).addTo(this.map);
    this.cluster = L.markerClusterGroup({
      animate: !reducedMotion,
      showCoverageOnHover: false,
      maxClusterRadius: 50,
    });
    this.map.addLayer(this.cluster);
    this.providers = L.layerGroup();
    L.control
      .layers(null, { [this.labels.providers || "Providers"]: this.providers }, { collapsed: false })
      .addTo(this.map);
    this.map.on("overlayadd", (event) => {
      if (event.layer === this.providers) this.loadProviders();
    });
    this.map.on("moveend", () => {
      if (this.userMoved && this.areaButton) this.areaButton.hidden = false;
    });
    // Only the visitor's own moves offer "search this area", not the map fitting the results.
    for (const type of ["pointerdown", "wheel", "keydown"]) {
      canvas.addEventListener(type, () => {
        this.userMoved = true;
      });
    }
    this.areaButton?.addEventListener("click", () => this.searchArea());
  }

  // -- markers -------------------------------------------------------------------------

  markerFor(feature) {
    const L = window.L;
    const [lng, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    // The colour is set through the CSSOM, which a content security policy without
    // 'unsafe-inline' styles allows (a style="" attribute in markup it would block).
    const dot = document.createElement("span");
    dot.className = "col-marker__dot";
    dot.style.setProperty("--marker-colour", p.colour || "#1d4ed8");
    const icon = L.divIcon({
      className: "col-marker",
      html: dot,
      iconSize: [28, 28],
      iconAnchor: [14, 14],
      popupAnchor: [0, -12],
    });
    const marker = L.marker([lat, lng], { icon, title: p.title, alt: p.title, keyboard: true });
    const when = p.next
      ? formatDate(p.next, this.options.timezone)
      : p.ongoing
        ? this.labels.ongoing
        : "";
    marker.bindPopup(
      `<div class="col-popup"><a class="col-popup__title" href="${escapeHTML(p.url)}">${escapeHTML(p.title)}</a>` +
        (p.provider ? `<p>${escapeHTML(p.provider)}</p>` : "") +
        (when ? `<p>${escapeHTML(when)}</p>` : "") +
        (p.free ? `<p class="col-popup__free">${escapeHTML(this.labels.free)}</p>` : "") +
        "</div>",
    );
    marker.on("mouseover focus popupopen", () => this.highlightCard(p.id, true));
    marker.on("mouseout blur popupclose", () => this.highlightCard(p.id, false));
    return marker;
  }

  async loadMarkers(params, fit) {
    params.delete("page");
    const url = `${this.element.dataset.geojsonUrl}?${params}`;
    // Filters can change faster than answers arrive: only the latest request draws.
    this.markersRequest = (this.markersRequest || 0) + 1;
    const request = this.markersRequest;
    let data;
    try {
      const response = await fetch(url, { headers: { Accept: "application/geo+json" } });
      if (!response.ok) return;
      data = await response.json();
    } catch {
      return;
    }
    if (request !== this.markersRequest) return;
    this.cluster.clearLayers();
    this.markers.clear();
    const layers = data.features.map((feature) => {
      const marker = this.markerFor(feature);
      this.markers.set(String(feature.properties.id), marker);
      return marker;
    });
    this.cluster.addLayers(layers);
    this.element.dataset.markers = String(layers.length);
    if (fit && layers.length && !params.get("bbox")) {
      this.map.fitBounds(this.cluster.getBounds(), { padding: [24, 24], maxZoom: 15, animate: false });
    }
  }

  async loadProviders() {
    if (this.providersLoaded) return;
    this.providersLoaded = true;
    const L = window.L;
    const response = await fetch(this.element.dataset.providersUrl);
    if (!response.ok) return;
    const data = await response.json();
    for (const feature of data.features) {
      const [lng, lat] = feature.geometry.coordinates;
      const p = feature.properties;
      L.circleMarker([lat, lng], {
        radius: 8,
        color: "#0b0c0c",
        weight: 2,
        fillColor: p.colour || "#ffffff",
        fillOpacity: 0.9,
      })
        .bindPopup(
          `<div class="col-popup"><a class="col-popup__title" href="${escapeHTML(p.url)}">${escapeHTML(p.title)}</a><p>${escapeHTML(p.address)}</p></div>`,
        )
        .addTo(this.providers);
    }
  }

  // -- list and map in step ----------------------------------------------------------

  bindList() {
    this.results.addEventListener("mouseover", (event) => this.onCard(event, true));
    this.results.addEventListener("mouseout", (event) => this.onCard(event, false));
    this.results.addEventListener("focusin", (event) => this.onCard(event, true));
    this.results.addEventListener("focusout", (event) => this.onCard(event, false));
  }

  onCard(event, active) {
    const item = event.target.closest("[data-result]");
    if (!item) return;
    const marker = this.markers.get(item.dataset.id);
    if (!marker) return;
    const parent = this.cluster.getVisibleParent(marker);
    const element = parent?.getElement?.();
    element?.classList.toggle("col-marker--active", active);
  }

  highlightCard(id, active) {
    const item = this.results.querySelector(`[data-result][data-id="${id}"]`);
    item?.classList.toggle("col-result--active", active);
  }

  // -- filtering without reloading the page ------------------------------------------

  initForm() {
    if (!this.form) return;
    const panel = this.form.querySelector("[data-filter-panel]");
    // On a phone the results come first; the filters open with one tap.
    if (panel && !("hasErrors" in panel.dataset) && window.matchMedia("(max-width: 55.99rem)").matches) {
      panel.open = false;
    }
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.apply(queryFromForm(this.form));
    });
    this.form.addEventListener("change", (event) => {
      if (event.target.matches("input[type=checkbox], select, input[type=date]")) {
        this.apply(queryFromForm(this.form));
      }
    });
    window.addEventListener("popstate", () => {
      this.apply(new URLSearchParams(window.location.search), false);
    });
  }

  async apply(params, push = true, keepPage = false) {
    if (!keepPage) params.delete("page");
    const url = `${this.element.dataset.pageUrl}?${params}`;
    if (push) window.history.pushState({}, "", url);
    this.request?.abort();
    this.request = new AbortController();
    this.results.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, {
        headers: { "X-Requested-With": "cityoflearning-map" },
        signal: this.request.signal,
      });
      this.results.innerHTML = await response.text();
      this.bindResults();
    } catch (error) {
      if (error.name === "AbortError") return;
      window.location.assign(url);
      return;
    } finally {
      this.results.removeAttribute("aria-busy");
    }
    this.loadMarkers(params, !params.get("bbox"));
  }

  bindResults() {
    const heading = this.results.querySelector("#results-heading");
    if (this.status && heading) this.status.textContent = heading.textContent.trim();
    for (const link of this.results.querySelectorAll(".col-pagination a")) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        this.apply(new URL(link.href).searchParams, true, true).then(() => {
          this.results.querySelector("#results-heading")?.scrollIntoView({ block: "start" });
        });
      });
    }
  }

  searchArea() {
    const bounds = this.map.getBounds();
    const clamp = (value, limit) => Math.max(-limit, Math.min(limit, value)).toFixed(5);
    const bbox = [
      clamp(bounds.getWest(), 180),
      clamp(bounds.getSouth(), 90),
      clamp(bounds.getEast(), 180),
      clamp(bounds.getNorth(), 90),
    ].join(",");
    this.form.elements.bbox.value = bbox;
    this.areaButton.hidden = true;
    this.userMoved = false;
    this.apply(queryFromForm(this.form));
  }

  // -- "use my location" -------------------------------------------------------------------

  initLocation() {
    const button = this.element.querySelector("[data-use-location]");
    const status = this.element.querySelector("[data-location-status]");
    if (!button || !("geolocation" in navigator)) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      status.textContent = this.labels.locating || "";
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const { elements } = this.form;
          elements.lat.value = position.coords.latitude.toFixed(6);
          elements.lng.value = position.coords.longitude.toFixed(6);
          if (!elements.radius.value) elements.radius.value = "5";
          elements.sort.value = "nearest";
          status.textContent = this.labels.locationUsed || "";
          this.apply(queryFromForm(this.form));
        },
        () => {
          status.textContent = this.labels.locationDenied || "";
        },
        { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 },
      );
    });
  }

  // -- Map / List switch on small screens --------------------------------------------

  initViewSwitch() {
    const group = this.element.querySelector(".col-view-switch");
    if (!group) return;
    group.hidden = false;
    this.element.dataset.view = "list";
    for (const button of group.querySelectorAll("[data-view]")) {
      button.addEventListener("click", () => {
        this.element.dataset.view = button.dataset.view;
        for (const other of group.querySelectorAll("[data-view]")) {
          other.setAttribute("aria-pressed", String(other === button));
        }
        if (button.dataset.view === "map") this.map.invalidateSize();
      });
    }
  }
}

function start() {
  if (root && window.L && window.L.markerClusterGroup) {
    root.colMap = new OpportunityMap(root);
    root.dataset.ready = "1";
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
