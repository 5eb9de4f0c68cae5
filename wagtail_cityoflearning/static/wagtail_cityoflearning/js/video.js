// Replaces a video link with the embedded player only when the visitor asks for it,
// so nothing is requested from the video host before then.

function play(figure, event) {
  const url = figure.dataset.embedUrl;
  if (!url) return;
  event.preventDefault();
  const frame = figure.querySelector(".col-video__frame");
  const iframe = document.createElement("iframe");
  const separator = url.includes("?") ? "&" : "?";
  iframe.src = `${url}${separator}autoplay=1`;
  iframe.title = figure.dataset.title || "";
  iframe.allow = "autoplay; fullscreen; picture-in-picture";
  iframe.allowFullscreen = true;
  iframe.loading = "lazy";
  frame.replaceChildren(iframe);
  iframe.focus();
}

for (const figure of document.querySelectorAll("[data-col-video]")) {
  const link = figure.querySelector(".col-video__play");
  if (link && !figure.dataset.colVideoReady) {
    figure.dataset.colVideoReady = "1";
    link.addEventListener("click", (event) => play(figure, event));
  }
}
