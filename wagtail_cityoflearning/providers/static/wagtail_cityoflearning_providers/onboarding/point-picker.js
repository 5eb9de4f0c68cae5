// "Become a learning provider": a map to place the organisation's point. The text box above
// it ("latitude, longitude") is what the form sends, so the form works without this script
// and from the keyboard; the map fills the box, and typing in the box moves the pin.
(() => {
  const NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

  // {lat, lng}, null for an empty box, undefined for text that is not a point.
  function parsePoint(text) {
    const value = (text || "").trim();
    if (!value) return null;
    const parts = value.includes(";")
      ? value.split(";").map((part) => part.trim().replace(",", "."))
      : value.split(/\s*,\s*|\s+/);
    if (parts.length !== 2 || !parts.every((part) => NUMBER.test(part))) return undefined;
    const lat = Number(parts[0]);
    const lng = Number(parts[1]);
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
    return { lat, lng };
  }

  const number = (value) => String(Number(value.toFixed(6)));
  const formatPoint = (point) => `${number(point.lat)}, ${number(point.lng)}`;

  function readOptions(element) {
    try {
      return JSON.parse(element.dataset.options || "{}") || {};
    } catch {
      return {};
    }
  }

  function setUp(element) {
    const L = window.L;
    const input = element.querySelector("input[name=location]");
    const mapElement = element.querySelector(".col-point-picker__map");
    const message = element.querySelector(".col-point-picker__message");
    const actions = element.querySelector(".col-point-picker__actions");
    if (!L || !input || !mapElement) return;
    const options = readOptions(element);
    const labels = options.labels || {};
    const start = parsePoint(input.value);
    const centre = start || { lat: options.centre?.[0] ?? 46.0511, lng: options.centre?.[1] ?? 14.5051 };
    const map = L.map(mapElement, {
      center: [centre.lat, centre.lng],
      zoom: start ? options.pointZoom || 16 : options.zoom || 13,
      scrollWheelZoom: false,
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
    let marker = null;

    const say = (text) => {
      if (message) message.textContent = text || "";
    };
    const showActions = () => {
      if (actions) actions.hidden = !marker;
    };
    function place(point, { pan = false } = {}) {
      if (!marker) {
        marker = L.marker([point.lat, point.lng], {
          draggable: true,
          keyboard: true,
          title: labels.marker || "",
          alt: labels.marker || "",
        }).addTo(map);
        marker.on("dragend", () => {
          const moved = marker.getLatLng();
          write({ lat: moved.lat, lng: moved.lng });
        });
      } else {
        marker.setLatLng([point.lat, point.lng]);
      }
      if (pan) map.setView([point.lat, point.lng], Math.max(map.getZoom(), options.pointZoom || 16));
      showActions();
    }
    function write(point) {
      input.value = formatPoint(point);
      say((labels.placed || "%(point)s").replace("%(point)s", input.value));
    }
    function clear() {
      if (marker) marker.remove();
      marker = null;
      input.value = "";
      say("");
      showActions();
      input.focus();
    }
    if (start) place(start);
    map.on("click", (event) => {
      place(event.latlng);
      write(event.latlng);
    });
    input.addEventListener("change", () => {
      const point = parsePoint(input.value);
      if (point === undefined) say(labels.invalid || "");
      else if (point === null) clear();
      else {
        place(point, { pan: true });
        say("");
      }
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault(); // Enter shows the point instead of sending the form
        input.dispatchEvent(new Event("change"));
      }
    });
    actions?.querySelector("[data-col-point-clear]")?.addEventListener("click", clear);
  }

  function init() {
    for (const element of document.querySelectorAll("[data-col-point-picker]")) setUp(element);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
