// The opportunity map: markers in clusters beside the server-rendered list.
// Without JavaScript the filter form and the list work on their own; this module adds the
// map, live filtering, "search this area", "use my location" and the Map / List switch.
//
// The points come from the map page's compact feed (points/: one list per property). They
// are clustered once with Supercluster; after each move or zoom only the clusters and
// markers in view (and a margin around it) are in the document.

const root = document.querySelector("[data-col-map]");
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
const smallScreen = window.matchMedia("(max-width: 55.99rem)");
const CHANGE_DELAY_MS = 400; // after a chip, a list or a date changes, before the list is asked
// Clusters: points within 50 px of each other (on 256 px tiles) up to zoom 16; from zoom 17
// every point is drawn on its own, and points at the same spot are spread around it.
const CLUSTER_RADIUS = 50;
const CLUSTER_MAX_ZOOM = 16;
const VIEW_MARGIN = 0.25; // drawn around the view, as a share of its size
const SPREAD_PX = 22; // how far points at the same spot are drawn from it
const FREE = 1;
const ONGOING = 2;

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

// `when`: an ISO 8601 text or a number of milliseconds since 1970 (UTC).
function formatDate(when, timeZone) {
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
    }).format(new Date(when));
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(new Date(when));
  }
}

function readLabels(element) {
  const script = document.getElementById(element.dataset.labelsId || "");
  return readJSON(script?.textContent, {});
}

// A cluster's name for its count: the sample with the same plural category as the count
// (the page renders one name per sample, translated with ngettext).
function clusterName(labels, count) {
  const names = labels.clusters || [];
  let rules;
  try {
    rules = new Intl.PluralRules(document.documentElement.lang || undefined);
  } catch {
    rules = new Intl.PluralRules();
  }
  const category = rules.select(count);
  const found =
    names.find(([sample]) => sample === count) ||
    names.find(([sample]) => rules.select(sample) === category) ||
    names.find(([sample]) => sample > 1);
  return found ? found[1].replace("{count}", String(count)) : String(count);
}

// The page's final state before the map loads: on a phone the filters and the map key are
// folded and the list shows. CSS draws this state from the first paint where scripts run
// (see cityoflearning.css, "scripting"); here the elements take it on, so nothing moves.
function settle(element) {
  const panel = element.querySelector("[data-filter-panel]");
  if (panel && smallScreen.matches && !("hasErrors" in panel.dataset)) panel.open = false;
  if (panel) panel.dataset.ready = "1";
  const legend = element.querySelector("[data-map-legend]");
  if (legend && smallScreen.matches) legend.open = false;
  if (!element.dataset.view) element.dataset.view = "list";
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
    this.labels = readLabels(element);
    this.form = element.querySelector("[data-filters]");
    this.panel = element.querySelector("[data-filter-panel]");
    this.count = element.querySelector("[data-filter-count]");
    this.viewSwitch = element.querySelector(".col-view-switch");
    this.results = element.querySelector("[data-results]");
    this.status = element.querySelector("[data-results-status]");
    this.areaButton = element.querySelector("[data-search-area]");
    this.points = null; // the compact feed's columns
    this.index = null; // Supercluster over the points
    this.byId = new Map(); // an opportunity's id -> its place in the columns
    this.drawn = new Map(); // "c<cluster id>" or "p<place>" -> the marker drawn for it
    this.markers = new MarkerIndex(this);
    this.cluster = new ClusterView(this);
    this.userMoved = false;
    this.request = null;
    // The filters the list shows now, to tell whether folding them leaves a change unsent.
    this.applied = this.form ? queryFromForm(this.form).toString() : "";
    this.initMap();
    this.initViewSwitch();
    this.initForm();
    this.initLocation();
    this.initNear();
    this.bindList();
    this.bindResults();
    this.loadMarkers(new URLSearchParams(window.location.search), true);
  }

  initMap() {
    const L = window.L;
    const canvas = this.element.querySelector("[data-map-canvas]");
    const labels = this.labels;
    this.map = L.map(canvas, {
      center: this.options.centre || [0, 0],
      zoom: this.options.zoom || 13,
      zoomControl: false,
      zoomAnimation: !reducedMotion,
      fadeAnimation: !reducedMotion,
      markerZoomAnimation: !reducedMotion,
    });
    // Leaflet's controls name themselves in English: the page gives the words.
    L.control
      .zoom({ zoomInTitle: labels.zoomIn || "+", zoomOutTitle: labels.zoomOut || "-" })
      .addTo(this.map);
    const leaflet = document.createElement("a");
    leaflet.href = "https://leafletjs.com";
    leaflet.textContent = "Leaflet";
    if (labels.leaflet) leaflet.title = labels.leaflet;
    this.map.attributionControl.setPrefix(leaflet.outerHTML);
    L.tileLayer(this.options.tileUrl, {
      attribution: labels.attribution || this.options.attribution,
      maxZoom: 19,
    }).addTo(this.map);
    this.layer = L.layerGroup().addTo(this.map);
    this.providers = L.layerGroup();
    const layers = L.control
      .layers(null, { [labels.providers || "Providers"]: this.providers }, { collapsed: false })
      .addTo(this.map);
    const container = layers.getContainer();
    const toggle = container.querySelector(".leaflet-control-layers-toggle");
    if (labels.layers) {
      container.setAttribute("aria-label", labels.layers);
      container.setAttribute("role", "group");
      toggle?.setAttribute("title", labels.layers);
      toggle?.setAttribute("aria-label", labels.layers);
    }
    this.map.on("popupopen", (event) => {
      const close = event.popup.getElement()?.querySelector(".leaflet-popup-close-button");
      if (close && labels.closePopup) {
        close.setAttribute("aria-label", labels.closePopup);
        close.title = labels.closePopup;
      }
    });
    this.map.on("overlayadd", (event) => {
      if (event.layer === this.providers) this.loadProviders();
    });
    this.map.on("moveend", () => {
      this.render();
      if (this.userMoved && this.areaButton) this.areaButton.hidden = false;
    });
    this.map.on("resize", () => this.render());
    // Only the visitor's own moves offer "search this area", not the map fitting the results.
    for (const type of ["pointerdown", "wheel", "keydown"]) {
      canvas.addEventListener(type, () => {
        this.userMoved = true;
      });
    }
    this.areaButton?.addEventListener("click", () => this.searchArea());
  }

  // -- markers -------------------------------------------------------------------------

  clusterMarker(feature) {
    const L = window.L;
    const count = feature.properties.point_count;
    const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    const [lng, lat] = feature.geometry.coordinates;
    const icon = new NamedDivIcon({
      html: `<div><span aria-hidden="true">${count}</span></div>`,
      className: `marker-cluster marker-cluster-${size}`,
      iconSize: new L.Point(40, 40),
      label: clusterName(this.labels, count),
    });
    const marker = L.marker([lat, lng], { icon, keyboard: true });
    marker.on("click", () => this.expand(feature));
    // Leaflet gives a focused marker's Enter as a keypress (a popup opens on it).
    marker.on("keypress", (event) => {
      if (event.originalEvent.key === "Enter") this.expand(feature);
    });
    return marker;
  }

  // Zoom into a cluster: to the area its points cover, and at least as far as it takes to
  // come apart.
  expand(feature) {
    const L = window.L;
    const [lng, lat] = feature.geometry.coordinates;
    let zoom = this.index.getClusterExpansionZoom(feature.id);
    let centre = L.latLng(lat, lng);
    const bounds = L.latLngBounds([]);
    for (const leaf of this.index.getLeaves(feature.id, Infinity)) {
      const [leafLng, leafLat] = leaf.geometry.coordinates;
      bounds.extend([leafLat, leafLng]);
    }
    if (bounds.isValid()) {
      // From CLUSTER_MAX_ZOOM + 1 every point is drawn: no need to come closer.
      const fit = Math.min(
        this.map.getBoundsZoom(bounds, false, L.point(48, 48)),
        CLUSTER_MAX_ZOOM + 1,
      );
      if (fit > zoom) centre = bounds.getCenter();
      zoom = Math.max(zoom, fit);
    }
    this.keepFocus();
    this.map.setView(centre, Math.min(zoom, this.map.getMaxZoom()), { animate: !reducedMotion });
  }

  pointMarker(i) {
    const L = window.L;
    const p = this.points;
    const title = p.titles[i];
    const colour = p.colour_table[p.colours[i]];
    // The colour is set through the CSSOM, which a content security policy without
    // 'unsafe-inline' styles allows (a style="" attribute in markup it would block).
    const dot = document.createElement("span");
    dot.className = "col-marker__dot";
    dot.style.setProperty("--marker-colour", colour || "#1d4ed8");
    const icon = new NamedDivIcon({
      label: title,
      className: "col-marker",
      html: dot,
      iconSize: [28, 28],
      iconAnchor: [14, 14],
      popupAnchor: [0, -12],
    });
    const marker = L.marker(this.latLng(i), { icon, title, alt: title, keyboard: true });
    const flags = p.flags[i];
    const next = p.next[i];
    const provider = p.provider_titles[p.providers[i]];
    const when = next
      ? formatDate(next * 1000, this.options.timezone) // seconds since 1970 in the feed
      : flags & ONGOING
        ? this.labels.ongoing
        : "";
    marker.bindPopup(
      `<div class="col-popup"><a class="col-popup__title" href="${escapeHTML(this.pointUrl(i))}">${escapeHTML(title)}</a>` +
        (provider ? `<p>${escapeHTML(provider)}</p>` : "") +
        (when ? `<p>${escapeHTML(when)}</p>` : "") +
        (flags & FREE ? `<p class="col-popup__free">${escapeHTML(this.labels.free)}</p>` : "") +
        "</div>",
    );
    const id = p.ids[i];
    marker.on("mouseover focus popupopen", () => this.highlightCard(id, true));
    marker.on("mouseout blur popupclose", () => this.highlightCard(id, false));
    return marker;
  }

  // A point's page: its provider's address and its slug (format 2 of the points feed).
  pointUrl(i) {
    const p = this.points;
    return `${p.provider_urls[p.providers[i]]}${p.slugs[i]}/`;
  }

  latLng(i) {
    const c = this.points.coordinates;
    return window.L.latLng(c[2 * i + 1], c[2 * i]);
  }

  // Draw what is in view: the clusters and points of the current zoom within the view and a
  // margin around it. A marker still wanted stays as it is (with its popup and focus).
  render() {
    if (!this.index) return;
    const zoom = Math.round(this.map.getZoom());
    // A hidden map (the list view on a phone) has no view: it holds what the whole map
    // shows at its zoom, ready for when it is shown.
    const hidden = !this.map.getContainer().clientWidth;
    const area = hidden && this.bounds ? this.bounds : this.map.getBounds();
    const view = area.pad(VIEW_MARGIN);
    const west = view.getWest();
    const east = view.getEast();
    const whole = east - west >= 360;
    const bbox = [
      whole ? -180 : west,
      Math.max(-90, view.getSouth()),
      whole ? 180 : east,
      Math.min(90, view.getNorth()),
    ];
    const features = this.index.getClusters(bbox, zoom);
    const wanted = new Map();
    const spots = new Map(); // points drawn on their own at the same spot
    for (const feature of features) {
      const cluster = feature.properties.cluster;
      const key = cluster ? `c${feature.id}` : `p${feature.properties.i}`;
      const marker =
        this.drawn.get(key) ||
        (cluster ? this.clusterMarker(feature) : this.pointMarker(feature.properties.i));
      wanted.set(key, marker);
      if (!cluster) {
        const spot = feature.geometry.coordinates.join(",");
        if (!spots.has(spot)) spots.set(spot, []);
        spots.get(spot).push(feature.properties.i);
      }
    }
    for (const [key, marker] of this.drawn) {
      if (!wanted.has(key)) this.layer.removeLayer(marker);
    }
    for (const [key, marker] of wanted) {
      if (!this.drawn.has(key)) this.layer.addLayer(marker);
    }
    this.drawn = wanted;
    this.drawnZoom = zoom;
    this.spread(spots, zoom);
    if (this.focusLost && !this.element.contains(document.activeElement)) {
      this.map.getContainer().focus({ preventScroll: true });
    }
    this.focusLost = false;
  }

  // Points at the same spot (one address, several opportunities) are drawn in a ring around
  // it, so each can be seen, pointed at and focused.
  spread(spots, zoom) {
    for (const places of spots.values()) {
      if (places.length === 1) {
        const marker = this.drawn.get(`p${places[0]}`);
        if (marker.spread) {
          marker.setLatLng(this.latLng(places[0]));
          marker.spread = false;
        }
        continue;
      }
      const centre = this.map.project(this.latLng(places[0]), zoom);
      places.forEach((i, n) => {
        const angle = (2 * Math.PI * n) / places.length;
        const offset = window.L.point(Math.cos(angle), Math.sin(angle)).multiplyBy(SPREAD_PX);
        const marker = this.drawn.get(`p${i}`);
        marker.setLatLng(this.map.unproject(centre.add(offset), zoom));
        marker.spread = true;
      });
    }
  }

  // A cluster opened with the keyboard is gone after the zoom: the focus goes to the map,
  // from where Tab reaches the new markers.
  keepFocus() {
    this.focusLost = this.map.getContainer().contains(document.activeElement);
  }

  // The zoom from which point ``i`` is drawn on its own.
  revealZoom(i) {
    const c = this.points.coordinates;
    const lng = c[2 * i];
    const lat = c[2 * i + 1];
    const near = 1e-6;
    const from = Math.max(Math.round(this.map.getZoom()), this.map.getMinZoom());
    for (let zoom = from; zoom <= CLUSTER_MAX_ZOOM; zoom++) {
      const found = this.index
        .getClusters([lng - near, lat - near, lng + near, lat + near], zoom)
        .some((feature) => !feature.properties.cluster && feature.properties.i === i);
      if (found) return zoom;
    }
    return Math.max(from, CLUSTER_MAX_ZOOM + 1);
  }

  // Show point ``i`` on its own (zooming in as far as needed), then call ``done``.
  showPoint(i, done) {
    const zoom = Math.min(this.revealZoom(i), this.map.getMaxZoom());
    const latLng = this.latLng(i);
    const shown = this.drawn.has(`p${i}`) && this.map.getBounds().contains(latLng);
    if (!shown) {
      this.map.setView(latLng, Math.max(zoom, Math.round(this.map.getZoom())), { animate: false });
      this.render();
    }
    done?.();
  }

  setPoints(data) {
    const count = data.ids.length;
    const c = data.coordinates;
    const features = new Array(count);
    this.byId = new Map();
    let south = 90;
    let north = -90;
    let west = 180;
    let east = -180;
    for (let i = 0; i < count; i++) {
      const lng = c[2 * i];
      const lat = c[2 * i + 1];
      features[i] = {
        type: "Feature",
        properties: { i },
        geometry: { type: "Point", coordinates: [lng, lat] },
      };
      this.byId.set(String(data.ids[i]), i);
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      if (lng < west) west = lng;
      if (lng > east) east = lng;
    }
    this.points = data;
    this.bounds = count ? window.L.latLngBounds([south, west], [north, east]) : null;
    this.index = new window.Supercluster({
      radius: CLUSTER_RADIUS,
      extent: 256,
      maxZoom: CLUSTER_MAX_ZOOM,
    }).load(features);
    this.layer.clearLayers();
    this.drawn = new Map();
    this.markers.clear();
  }

  async loadMarkers(params, fit, attempt = 0) {
    params.delete("page");
    const url = `${this.element.dataset.pointsUrl}?${params}`;
    // Filters can change faster than answers arrive: only the latest request draws.
    this.markersRequest = (this.markersRequest || 0) + 1;
    const request = this.markersRequest;
    let data;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (response.status === 400 && attempt < 3) {
        // The list leaves out the filters it cannot use (and says so): the map does too.
        const fields = Object.keys((await response.json()).fields || {});
        if (fields.length && request === this.markersRequest) {
          for (const name of fields) params.delete(name);
          return this.loadMarkers(params, fit, attempt + 1);
        }
      }
      if (!response.ok) return;
      data = await response.json();
    } catch {
      return;
    }
    if (request !== this.markersRequest) return;
    this.setPoints(data);
    if (fit && data.ids.length && !params.get("bbox")) this.fitMarkers();
    this.render();
    this.element.dataset.markers = String(data.ids.length);
  }

  // A hidden map (the list view on a phone) has no size to fit to: it fits when shown.
  fitMarkers() {
    if (!this.map.getContainer().clientWidth) {
      this.fitWhenShown = true;
      return;
    }
    this.fitWhenShown = false;
    if (!this.bounds) return;
    this.map.fitBounds(this.bounds, { padding: [24, 24], maxZoom: 15, animate: false });
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
    const i = this.byId.get(item.dataset.id);
    if (i === undefined) return;
    const element = this.drawnParent(i)?.getElement?.();
    element?.classList.toggle("col-marker--active", active);
  }

  // The marker that shows point ``i`` now: its own, else the drawn cluster nearest to it
  // (a cluster holds the points around it).
  drawnParent(i) {
    const own = this.drawn.get(`p${i}`);
    if (own) return own;
    const at = this.map.latLngToLayerPoint(this.latLng(i));
    let nearest = null;
    let best = Infinity;
    for (const [key, marker] of this.drawn) {
      if (key[0] !== "c") continue;
      const distance = at.distanceTo(this.map.latLngToLayerPoint(marker.getLatLng()));
      if (distance < best) {
        best = distance;
        nearest = marker;
      }
    }
    return best <= CLUSTER_RADIUS * 2 ? nearest : null;
  }

  highlightCard(id, active) {
    const item = this.results.querySelector(`[data-result][data-id="${id}"]`);
    item?.classList.toggle("col-result--active", active);
  }

  // -- filtering without reloading the page ------------------------------------------

  initForm() {
    if (!this.form) return;
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.prepareNear();
      // On a phone the results are below the filters: fold them and show the results.
      const reveal = smallScreen.matches;
      if (reveal) {
        this.foldFilters(false);
        this.reveal();
      }
      // The list already shows these filters (a chip changed them): it is not asked again.
      const pending = this.changeTimer !== undefined;
      this.cancelChange();
      const params = queryFromForm(this.form);
      const done =
        !pending && params.toString() === this.applied
          ? Promise.resolve()
          : this.apply(params, true, false, !reveal);
      if (reveal) done.then(() => this.focusResults());
    });
    // A chip, a list or a date filters in place, a moment after the last change (ticking
    // three chips asks once): the page stays where the visitor is choosing, and the button
    // under the filters says how many results there are.
    this.form.addEventListener("change", (event) => {
      if (event.target.matches("input[type=checkbox], select, input[type=date]")) {
        this.cancelChange();
        this.changeTimer = window.setTimeout(() => {
          this.changeTimer = undefined;
          const params = queryFromForm(this.form);
          if (params.toString() !== this.applied) this.apply(params);
        }, CHANGE_DELAY_MS);
      }
    });
    window.addEventListener("popstate", () => {
      this.cancelChange();
      this.apply(new URLSearchParams(window.location.search), false);
    });
  }

  cancelChange() {
    if (this.changeTimer !== undefined) window.clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
  }

  // Show the results of ``params``; ``announce``: say their number in the live region (not
  // when the focus moves to the results' heading, which says it).
  async apply(params, push = true, keepPage = false, announce = true) {
    this.cancelChange();
    if (!keepPage) params.delete("page");
    if (this.form) this.applied = queryFromForm(this.form).toString();
    const url = `${this.element.dataset.pageUrl}?${params}`;
    if (push) window.history.pushState({}, "", url);
    this.request?.abort();
    this.request = new AbortController();
    this.results.setAttribute("aria-busy", "true");
    try {
      const headers = { "X-Requested-With": "cityoflearning-map" };
      // Back and forward show a list seen before: the server does not count it as a search.
      if (!push) headers["X-Cityoflearning-Map-History"] = "1";
      const response = await fetch(url, { headers, signal: this.request.signal });
      this.results.innerHTML = await response.text();
      this.bindResults(announce);
    } catch (error) {
      if (error.name === "AbortError") return;
      window.location.assign(url);
      return;
    } finally {
      this.results.removeAttribute("aria-busy");
    }
    this.loadMarkers(params, !params.get("bbox"));
  }

  bindResults(announce = true) {
    const heading = this.results.querySelector("#results-heading");
    if (this.status && heading && announce) this.status.textContent = heading.textContent.trim();
    if (this.count && heading) this.count.textContent = heading.dataset.count ?? "";
    for (const link of this.results.querySelectorAll(".col-pagination a")) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        this.apply(new URL(link.href).searchParams, true, true, false).then(() => {
          const top = this.results.querySelector("#results-heading");
          top?.scrollIntoView({ block: "start" });
          this.focusResults();
        });
      });
    }
  }

  // -- on a phone: the filters fold away and the results come into view -------------

  // Fold the filters; with ``send``, a change not yet sent (a word typed in the search box)
  // is sent. The list's message about a filter that cannot be used links to its field.
  foldFilters(send = true) {
    if (!this.panel?.open) return;
    this.panel.open = false;
    if (send && this.form && queryFromForm(this.form).toString() !== this.applied) {
      this.prepareNear();
      this.apply(queryFromForm(this.form));
    }
  }

  // Scroll to the Map / List switch: under it the folded filters, then the list or the map.
  reveal() {
    const anchor = this.viewSwitch?.offsetParent ? this.viewSwitch : this.results;
    anchor.scrollIntoView({ block: "start", behavior: reducedMotion ? "auto" : "smooth" });
  }

  // The focus goes where the results are: the list's heading (their number) or the map.
  focusResults() {
    if (this.element.dataset.view === "map" && smallScreen.matches) {
      this.map.getContainer().focus({ preventScroll: true });
      return;
    }
    const heading = this.results.querySelector("#results-heading");
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
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
          if (elements.near) elements.near.value = "";
          this.nearApplied = "";
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

  // -- "near a place": a name typed or chosen from the list ---------------------------

  initNear() {
    const input = this.form?.elements.near;
    if (!input) return;
    this.nearApplied = input.value;
    // Choosing from the list (or leaving the field after typing) filters at once; Enter
    // sends the form, which does the same.
    input.addEventListener("change", () => {
      if (input.value.trim() === this.nearApplied.trim()) return;
      this.prepareNear();
      this.apply(queryFromForm(this.form));
    });
  }

  prepareNear() {
    const { elements } = this.form;
    const input = elements.near;
    if (!input || input.value.trim() === (this.nearApplied || "").trim()) return;
    this.nearApplied = input.value;
    const status = this.element.querySelector("[data-location-status]");
    if (input.value.trim()) {
      // The place stands for the visitor's location: the nearest first.
      elements.lat.value = "";
      elements.lng.value = "";
      elements.sort.value = "nearest";
      if (status) status.textContent = this.labels.nearPlace || "";
    } else {
      if (!elements.lat.value && elements.sort.value === "nearest") elements.sort.value = "soonest";
      if (status) status.textContent = "";
    }
  }

  // -- Map / List switch on small screens --------------------------------------------

  initViewSwitch() {
    const group = this.element.querySelector(".col-view-switch");
    if (!group) return;
    group.hidden = false;
    for (const button of group.querySelectorAll("[data-view]")) {
      button.addEventListener("click", () => {
        this.element.dataset.view = button.dataset.view;
        for (const other of group.querySelectorAll("[data-view]")) {
          other.setAttribute("aria-pressed", String(other === button));
        }
        if (smallScreen.matches) {
          this.foldFilters();
          this.reveal();
        }
        if (button.dataset.view === "map") {
          this.map.invalidateSize();
          if (this.fitWhenShown) this.fitMarkers();
          this.render();
        }
      });
    }
  }
}

// The opportunities on the map by id, as markers: ``get(id)`` gives an object with the
// opportunity's title (``options.title``), its place (``getLatLng()``) and ``openPopup()``,
// whether it is drawn now or inside a cluster.
class MarkerIndex {
  constructor(view) {
    this.view = view;
    this.handles = new Map();
  }

  get size() {
    return this.view.points ? this.view.points.ids.length : 0;
  }

  has(id) {
    return this.view.byId.has(String(id));
  }

  get(id) {
    const i = this.view.byId.get(String(id));
    return i === undefined ? undefined : this.handle(i);
  }

  handle(i) {
    if (!this.handles.has(i)) this.handles.set(i, new PointHandle(this.view, i));
    return this.handles.get(i);
  }

  *keys() {
    yield* this.view.byId.keys();
  }

  *values() {
    for (let i = 0; i < this.size; i++) yield this.handle(i);
  }

  clear() {
    this.handles.clear();
  }
}

class PointHandle {
  constructor(view, i) {
    this.view = view;
    this.index = i;
    this.options = { title: view.points.titles[i] };
  }

  getLatLng() {
    return this.view.latLng(this.index);
  }

  openPopup() {
    this.view.showPoint(this.index, () => this.view.drawn.get(`p${this.index}`)?.openPopup());
    return this;
  }
}

// What the markers' clusters offer the page: zoom until an opportunity's own marker shows.
class ClusterView {
  constructor(view) {
    this.view = view;
  }

  zoomToShowLayer(handle, done) {
    this.view.showPoint(handle.index, done);
  }
}

let NamedDivIcon;

function start() {
  if (root && window.L && window.Supercluster) {
    // A marker's element carries its name (a marker of one opportunity: its title; a
    // cluster: how many are there). Leaflet gives it role="button" and the keyboard focus.
    NamedDivIcon = window.L.DivIcon.extend({
      createIcon(oldIcon) {
        const element = window.L.DivIcon.prototype.createIcon.call(this, oldIcon);
        if (this.options.label) element.setAttribute("aria-label", this.options.label);
        return element;
      },
    });
    root.colMap = new OpportunityMap(root);
    root.dataset.ready = "1";
  }
}

if (root) settle(root);

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
