// Draws the consolidated report page's charts with Chart.js (served under /vendor, no internet):
// the tasks of each group by status, each body's cells by status, and the indicators over the
// plan's yearly rounds. The data and the words come as JSON in the page (ConsolidationCharts).
(function () {
  'use strict';

  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function stacked(canvas, items, words, horizontal) {
    var datasets = words.statuses.map(function (s) {
      return {
        label: s.label,
        backgroundColor: s.colour,
        data: items.map(function (item) { return item.counts[s.code] || 0; })
      };
    }).filter(function (d) { return d.data.some(function (n) { return n > 0; }); });
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: items.map(function (item) { return item.label; }), datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function indicators(canvas, data, words) {
    var palette = ['#1b4a85', '#c8102e', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#455a64'];
    var datasets = data.indicators.map(function (indicator, i) {
      return {
        label: indicator.label + ' (' + indicator.unit + ')',
        backgroundColor: palette[i % palette.length],
        data: data.years.map(function (y) { return Number(y.totals[indicator.code] || 0); })
      };
    });
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.years.map(function (y) { return y.current ? y.label + ' (' + words.thisRound + ')' : y.label; }),
        datasets: datasets
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var words = read('consolidation-chart-words');
    var data = read('consolidation-chart-data');
    if (!words || !data || typeof Chart === 'undefined') {
      return;
    }
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    var drawn = [];
    drawn.push(stacked(document.getElementById('chart-groups'), data.groups, words, false));
    drawn.push(stacked(document.getElementById('chart-bodies'), data.bodies, words, true));
    drawn.push(indicators(document.getElementById('chart-indicators'), data, words));
    document.getElementById('consolidation-charts').setAttribute('data-charts', String(drawn.length));
  });
})();
