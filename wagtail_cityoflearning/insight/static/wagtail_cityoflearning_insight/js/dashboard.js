/* The city insight dashboard: draws each figure's chart with the vendored Chart.js from the
   JSON the page carries (no inline script), and prints the summary. Series differ by colour
   and, for those who cannot tell colours apart, by line dash, point shape or fill pattern. */
(function () {
    "use strict";

    var DASHES = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 6]];
    var POINTS = ["circle", "rect", "triangle", "rectRot", "crossRot", "star"];
    var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var locale = document.documentElement.lang || undefined;

    function pattern(colour, index) {
        // Series after the first are filled with stripes, dots or a grid of their colour.
        if (index === 0) return colour;
        var size = 8;
        var tile = document.createElement("canvas");
        tile.width = size;
        tile.height = size;
        var context = tile.getContext("2d");
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, size, size);
        context.strokeStyle = colour;
        context.fillStyle = colour;
        context.lineWidth = 2.5;
        var kind = index % 4;
        if (kind === 1) {
            context.beginPath();
            context.moveTo(0, size);
            context.lineTo(size, 0);
            context.moveTo(-2, 2);
            context.lineTo(2, -2);
            context.moveTo(size - 2, size + 2);
            context.lineTo(size + 2, size - 2);
            context.stroke();
        } else if (kind === 2) {
            context.beginPath();
            context.arc(size / 2, size / 2, 2.2, 0, 2 * Math.PI);
            context.fill();
        } else if (kind === 3) {
            context.fillRect(0, 0, size, 3);
            context.fillRect(0, 0, 3, size);
        } else {
            context.fillRect(0, 0, size, size);
        }
        return context.createPattern(tile, "repeat");
    }

    function wrap(label, width, maxLines) {
        // A long label as lines of at most ``width`` characters (Chart.js draws an array as
        // lines); past ``maxLines`` the last line ends with "…". The table keeps the whole text.
        var words = String(label).split(/\s+/);
        var lines = [];
        var line = "";
        words.forEach(function (word) {
            while (word.length > width) {
                if (line) { lines.push(line); line = ""; }
                lines.push(word.slice(0, width - 1) + "-");
                word = word.slice(width - 1);
            }
            if (!line) line = word;
            else if ((line + " " + word).length <= width) line += " " + word;
            else { lines.push(line); line = word; }
        });
        if (line) lines.push(line);
        if (lines.length > maxLines) {
            lines = lines.slice(0, maxLines);
            lines[maxLines - 1] = lines[maxLines - 1].replace(/[\s\-]*$/, "").slice(0, width - 1) + "…";
        }
        return lines.length > 1 ? lines : lines[0] || "";
    }

    function datasets(data) {
        var palette = data.palette;
        return data.series.map(function (series, index) {
            var colour = palette[index % palette.length];
            var set = { label: series.label, data: series.values, borderColor: colour };
            if (data.kind === "line") {
                set.backgroundColor = colour;
                set.borderDash = DASHES[index % DASHES.length];
                set.pointStyle = POINTS[index % POINTS.length];
                set.pointRadius = 4;
                set.borderWidth = 2.5;
                set.spanGaps = false;
            } else {
                set.backgroundColor = pattern(colour, index);
                set.borderWidth = 1.5;
            }
            return set;
        });
    }

    function draw(box) {
        var source = document.getElementById(box.getAttribute("data-insight-chart"));
        var canvas = box.querySelector("canvas");
        if (!source || !canvas || typeof window.Chart === "undefined") return;
        var data = JSON.parse(source.textContent);
        var horizontal = data.kind === "hbar";
        var narrow = box.clientWidth < 560;
        // Long labels are wrapped: on a phone a horizontal bar's label may take a third of
        // the width, a vertical bar's its share of it.
        var width = horizontal
            ? (narrow ? 16 : 32)
            : Math.max(8, Math.floor(box.clientWidth / Math.max(1, data.labels.length) / 7));
        var labels = data.labels.map(function (label) {
            return data.kind === "line" ? label : wrap(label, width, 3);
        });
        if (horizontal) {
            var lines = labels.reduce(function (sum, label) {
                return sum + (Array.isArray(label) ? label.length : 1);
            }, 0);
            box.style.height = Math.max(160, lines * 16 + data.labels.length * 14 + 70) + "px";
        } else if (data.kind === "line" && narrow && data.labels.length > 6) {
            // Many rotated month names under a line chart: room for the lines above them.
            box.style.height = "22rem";
        }
        var several = data.series.length > 1;
        var valueAxis = {
            beginAtZero: true,
            stacked: data.stacked,
            ticks: { precision: 0, color: "#333333" },
            grid: { color: "#e0e0e0" },
        };
        var labelAxis = { stacked: data.stacked, ticks: { color: "#333333" }, grid: { display: false } };
        var chart = new window.Chart(canvas, {
            type: data.kind === "line" ? "line" : "bar",
            data: { labels: labels, datasets: datasets(data) },
            options: {
                locale: locale,
                responsive: true,
                maintainAspectRatio: false,
                animation: reduceMotion ? false : { duration: 400 },
                indexAxis: horizontal ? "y" : "x",
                scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
                plugins: {
                    legend: {
                        display: several,
                        position: "bottom",
                        labels: { usePointStyle: data.kind === "line", color: "#1a1a1a", boxWidth: 28 },
                    },
                    tooltip: {
                        enabled: true,
                        callbacks: {
                            // The whole label, however it was wrapped under the axis.
                            title: function (items) {
                                return items.length ? data.labels[items[0].dataIndex] : "";
                            },
                        },
                    },
                },
            },
        });
        box.setAttribute("data-drawn", "1");
        return chart;
    }

    function start() {
        var charts = [];
        document.querySelectorAll("[data-insight-chart]").forEach(function (box) {
            var chart = draw(box);
            if (chart) charts.push(chart);
        });
        // Charts take the printed page's width.
        window.addEventListener("beforeprint", function () {
            charts.forEach(function (chart) { chart.resize(); });
        });
        document.querySelectorAll("[data-insight-print]").forEach(function (button) {
            button.addEventListener("click", function () { window.print(); });
        });
        // Changing the city offers its own providers: ask again without the old provider.
        var city = document.getElementById("id_city");
        var provider = document.getElementById("id_provider");
        if (city && provider) {
            city.addEventListener("change", function () {
                if (provider.querySelector('option[value=""]')) provider.value = "";
            });
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
