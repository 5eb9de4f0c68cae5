// The admin's location picker: the text box holds the point as "latitude, longitude" and is
// the value the form sends, so the box always shows what will be saved. The map is a way to
// fill it: a click places the pin, the pin can be dragged or moved with the arrow keys, and
// typing in the box moves the pin. The box reads and writes by the same rules as
// panels.parse_typed_point and panels.format_typed_point.
(() => {
  const NUMBER = /^[-+]?\d+(?:\.\d+)?$/;
  const EWKT = /^(?:SRID=4326;)?\s*POINT\s*\(\s*([-+]?\d+(?:\.\d+)?)\s+([-+]?\d+(?:\.\d+)?)\s*\)$/i;
  // How far one arrow key moves the pin, in screen pixels (with Shift: finer).
  const STEP = 10;
  const FINE_STEP = 1;

  // {lat, lng} for a point, null for an empty box, undefined for text that is not a point.
  function parsePoint(text) {
    const value = (text || "").trim();
    if (!value) return null;
    let lat;
    let lng;
    const ewkt = EWKT.exec(value);
    if (ewkt) {
      lng = Number(ewkt[1]);
      lat = Number(ewkt[2]);
    } else {
      if (/point/i.test(value)) return undefined;
      const parts = value.includes(";")
        ? value.split(";").map((part) => part.trim().replace(",", "."))
        : value.split(/\s*,\s*|\s+/);
      if (parts.length !== 2 || !parts.every((part) => NUMBER.test(part))) return undefined;
      lat = Number(parts[0]);
      lng = Number(parts[1]);
    }
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
    return { lat, lng };
  }

  const number = (value) => String(Number(value.toFixed(6)));
  const formatPoint = (point) => `${number(point.lat)}, ${number(point.lng)}`;

  function interpolate(text, values) {
    return text.replace(/%\((\w+)\)s/g, (match, key) => (key in values ? values[key] : match));
  }

  class LocationPickerController extends window.StimulusModule.Controller {
    static targets = ["map", "message", "script"];
    static values = { options: Object };

    connect() {
      this.input = this.element.querySelector("input[name]");
      this.labels = this.optionsValue.labels || {};
      this.onInput = () => this.readBox(false);
      this.onChange = () => this.readBox(true);
      this.onKeydown = (event) => {
        if (event.key === "Enter") {
          event.preventDefault(); // Enter applies the point instead of sending the form
          this.readBox(true);
        }
      };
      this.input.addEventListener("input", this.onInput);
      this.input.addEventListener("change", this.onChange);
      this.input.addEventListener("keydown", this.onKeydown);
      for (const button of this.scriptTargets) button.hidden = false;

      const point = parsePoint(this.input.value);
      // A StreamField block's state is the stored text: show it as the box shows points.
      if (point) this.input.value = formatPoint(point);
      if (window.L) this.drawMap(point);
      this.listenToGeocoder();
    }

    disconnect() {
      this.input.removeEventListener("input", this.onInput);
      this.input.removeEventListener("change", this.onChange);
      this.input.removeEventListener("keydown", this.onKeydown);
      if (this.resizeObserver) this.resizeObserver.disconnect();
      if (this.map) this.map.remove();
      this.map = null;
      this.marker = null;
    }

    drawMap(point) {
      const L = window.L;
      const options = this.optionsValue;
      const start = point || options.start;
      const zoom = point ? options.pointZoom : options.start.zoom;
      const labels = this.labels;
      this.map = L.map(this.mapTarget, {
        center: [start.lat, start.lng],
        zoom,
        zoomControl: false,
      });
      this.mapTarget.setAttribute("aria-label", labels.map || "");
      this.mapTarget.setAttribute("role", "group");
      // Leaflet's controls name themselves in English: the widget gives the editor's words.
      L.control
        .zoom({ zoomInTitle: labels.zoomIn || "+", zoomOutTitle: labels.zoomOut || "-" })
        .addTo(this.map);
      const leaflet = document.createElement("a");
      leaflet.href = "https://leafletjs.com";
      leaflet.textContent = "Leaflet";
      if (labels.leaflet) leaflet.title = labels.leaflet;
      this.map.attributionControl.setPrefix(leaflet.outerHTML);
      L.tileLayer(options.tileUrl, { maxZoom: 19, ...(options.tileOptions || {}) }).addTo(this.map);
      this.map.on("click", (event) => this.place(event.latlng));
      if (point) this.showMarker(point);
      // A map drawn in a hidden panel or collapsed block measures nothing: redraw once seen.
      if (window.ResizeObserver) {
        this.resizeObserver = new ResizeObserver(() => this.map && this.map.invalidateSize());
        this.resizeObserver.observe(this.mapTarget);
      }
    }

    showMarker(point) {
      const L = window.L;
      if (this.marker) {
        this.marker.setLatLng(point);
        return;
      }
      this.marker = L.marker(point, {
        draggable: true,
        keyboard: true,
        title: this.labels.marker || "",
        alt: this.labels.marker || "",
      }).addTo(this.map);
      this.marker.on("dragend", () => this.place(this.marker.getLatLng()));
      const icon = this.marker.getElement();
      if (icon) icon.addEventListener("keydown", (event) => this.nudge(event));
    }

    // Arrow keys on the focused pin move it by a few screen pixels.
    nudge(event) {
      const moves = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
      const move = moves[event.key];
      if (!move || !this.marker) return;
      event.preventDefault();
      event.stopPropagation();
      const step = event.shiftKey ? FINE_STEP : STEP;
      const at = this.map.latLngToContainerPoint(this.marker.getLatLng());
      const to = this.map.containerPointToLatLng([at.x + move[0] * step, at.y + move[1] * step]);
      this.place(to, { keepInView: true });
    }

    // Set the point from the map: write the box, move the pin and say so.
    place(latlng, { keepInView = false, pan = false } = {}) {
      let lng = Number(latlng.lng);
      if (window.L) lng = window.L.Util.wrapNum(lng, [-180, 180], true);
      const point = { lat: Number(latlng.lat), lng };
      this.write(formatPoint(point));
      this.say(interpolate(this.labels.placed || "", { point: this.input.value }));
      if (this.map) {
        this.showMarker(point);
        if (pan) this.map.setView(point, Math.max(this.map.getZoom(), this.optionsValue.pointZoom));
        else if (keepInView && !this.map.getBounds().contains(point)) this.map.panTo(point);
      }
    }

    // Read the typed box: a valid point moves the pin; an invalid one is said at once.
    readBox(final) {
      if (this.writing) return;
      const point = parsePoint(this.input.value);
      if (point === undefined) {
        this.input.setAttribute("aria-invalid", "true");
        if (final) this.say(this.labels.invalid || "");
        return;
      }
      this.input.removeAttribute("aria-invalid");
      if (point === null) {
        this.removeMarker();
        if (final) this.say(this.labels.empty || "");
        return;
      }
      if (final) {
        this.input.value = formatPoint(point); // the precision that is stored
        this.say(interpolate(this.labels.placed || "", { point: this.input.value }));
      }
      if (this.map) {
        this.showMarker(point);
        this.map.setView(point, Math.max(this.map.getZoom(), this.optionsValue.pointZoom));
      }
    }

    // Write the box and tell the form it changed (Wagtail warns of unsaved changes).
    write(value) {
      this.input.value = value;
      this.input.removeAttribute("aria-invalid");
      this.writing = true;
      try {
        this.input.dispatchEvent(new Event("change", { bubbles: true }));
      } finally {
        this.writing = false;
      }
    }

    removeMarker() {
      if (this.marker) this.marker.remove();
      this.marker = null;
    }

    clear() {
      this.write("");
      this.removeMarker();
      this.say(this.labels.cleared || "");
      this.input.focus();
    }

    useProvider() {
      const provider = this.optionsValue.provider;
      if (!provider) return;
      const address = this.addressInput();
      if (address && provider.address) {
        address.value = provider.address;
        address.dispatchEvent(new Event("change", { bubbles: true }));
      }
      this.place(provider, { pan: true });
      this.say(this.labels.providerUsed || "");
    }

    say(text) {
      if (this.hasMessageTarget) this.messageTarget.textContent = text;
    }

    // The address field beside this one: "id_address" for "id_location", and in a block
    // "body-0-value-address" for "body-0-value-location".
    addressInput() {
      const name = this.optionsValue.addressField;
      if (!name || !this.input.id) return null;
      const id = this.input.id;
      const namespace = id.includes("-") ? id.slice(0, id.lastIndexOf("-") + 1) : "id_";
      return document.getElementById(namespace + name);
    }

    // With a geocoder configured, the address field finds the point as the editor types.
    listenToGeocoder() {
      const address = this.addressInput();
      if (!address || !window.jQuery) return;
      window.jQuery(address).on("searchGeocoded", (_event, latlng) => {
        if (latlng) this.place(latlng, { pan: true });
      });
    }
  }

  window.wagtail.app.register("col-location-picker", LocationPickerController);
})();
