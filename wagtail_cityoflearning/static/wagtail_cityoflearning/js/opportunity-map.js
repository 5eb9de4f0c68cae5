// The opportunity map: markers in clusters beside the server-rendered list.
// Without JavaScript the filter form and the list work on their own; this module adds the
// map, live filtering, "search this area", "use my location" and the Map / List switch.

const root = document.querySelector("[data-col-map]");
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
const smallScreen = window.matchMedia("(max-width: 55.99rem)");
const CHANGE_DELAY_MS = 400; // after a chip, a list or a date changes, before the list is asked

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
    this.markers = new Map();
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
    this.cluster = L.markerClusterGroup({
      animate: !reducedMotion,
      showCoverageOnHover: false,
      maxClusterRadius: 50,
      iconCreateFunction: (cluster) => this.clusterIcon(cluster),
    });
    this.map.addLayer(this.cluster);
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

  clusterIcon(cluster) {
    const count = cluster.getChildCount();
    const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    return new NamedDivIcon({
      html: `<div><span aria-hidden="true">${count}</span></div>`,
      className: `marker-cluster marker-cluster-${size}`,
      iconSize: new window.L.Point(40, 40),
      label: clusterName(this.labels, count),
    });
  }

  markerFor(feature) {
    const L = window.L;
    const [lng, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    // The colour is set through the CSSOM, which a content security policy without
    // 'unsafe-inline' styles allows (a style="" attribute in markup it would block).
    const dot = document.createElement("span");
    dot.className = "col-marker__dot";
    dot.style.setProperty("--marker-colour", p.colour || "#1d4ed8");
    const icon = new NamedDivIcon({
      label: p.title,
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

  async loadMarkers(params, fit, attempt = 0) {
    params.delete("page");
    const url = `${this.element.dataset.geojsonUrl}?${params}`;
    // Filters can change faster than answers arrive: only the latest request draws.
    this.markersRequest = (this.markersRequest || 0) + 1;
    const request = this.markersRequest;
    let data;
    try {
      const response = await fetch(url, { headers: { Accept: "application/geo+json" } });
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
    this.cluster.clearLayers();
    this.markers.clear();
    const layers = data.features.map((feature) => {
      const marker = this.markerFor(feature);
      this.markers.set(String(feature.properties.id), marker);
      return marker;
    });
    this.cluster.addLayers(layers);
    this.element.dataset.markers = String(layers.length);
    if (fit && layers.length && !params.get("bbox")) this.fitMarkers();
  }

  // A hidden map (the list view on a phone) has no size to fit to: it fits when shown.
  fitMarkers() {
    if (!this.map.getContainer().clientWidth) {
      this.fitWhenShown = true;
      return;
    }
    this.fitWhenShown = false;
    if (!this.cluster.getLayers().length) return;
    this.map.fitBounds(this.cluster.getBounds(), { padding: [24, 24], maxZoom: 15, animate: false });
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
        }
      });
    }
  }
}

let NamedDivIcon;

function start() {
  if (root && window.L && window.L.markerClusterGroup) {
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
