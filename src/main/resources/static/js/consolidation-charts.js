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

  // one bar per indicator, one colour per year (this round's in the brand colour)
  function indicators(canvas, data, words) {
    var palette = ['#9fb3c8', '#6b8fb5', '#3f6ea3', '#c8a24a', '#7a9a5b'];
    var datasets = data.years.map(function (y, i) {
      return {
        label: y.current ? y.label + ' (' + words.thisRound + ')' : y.label,
        backgroundColor: y.current ? '#0f2f57' : palette[i % palette.length],
        data: data.indicators.map(function (indicator) { return Number(y.totals[indicator.code] || 0); })
      };
    });
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.indicators.map(function (indicator) { return indicator.label + ' (' + indicator.unit + ')'; }),
        datasets: datasets
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
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
