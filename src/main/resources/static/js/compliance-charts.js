// Draws the compliance page's charts with Chart.js (served under /vendor, no internet): per yearly
// round of the plan, its bodies stacked by status, and the on-time rate as a line. The data and every
// word come as JSON in the page (#compliance-chart-data, CompliancePagesController):
// {statuses: [{code, label, colour}], years: [{label, counts: {code: n}, onTimePercent}], bodies, rate}.
(function () {
  'use strict';

  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function states(canvas, data) {
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.years.map(function (y) { return y.label; }),
        datasets: data.statuses.map(function (s) {
          return {
            label: s.label,
            backgroundColor: s.colour,
            data: data.years.map(function (y) { return y.counts[s.code] || 0; })
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: data.bodies } }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function rate(canvas, data) {
    var onTime = data.statuses[0];
    return new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.years.map(function (y) { return y.label; }),
        datasets: [{
          label: data.rate,
          borderColor: onTime.colour,
          backgroundColor: onTime.colour,
          spanGaps: true,
          data: data.years.map(function (y) { return y.onTimePercent; })
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { min: 0, max: 100, ticks: { stepSize: 20 }, title: { display: true, text: data.rate } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var data = read('compliance-chart-data');
    var section = document.getElementById('compliance-charts');
    if (!data || !section || typeof Chart === 'undefined') {
      return;
    }
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    states(document.getElementById('chart-compliance-states'), data);
    rate(document.getElementById('chart-compliance-rate'), data);
    section.setAttribute('data-charts', '2');
  });
})();
