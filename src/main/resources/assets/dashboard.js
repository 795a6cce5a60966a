// Draws the dashboard's charts from the JSON the server put in the page; the tables beside them carry the same
// figures, so the page still says everything without JavaScript.
(function () {
  'use strict';
  var source = document.getElementById('dashboard-data');
  if (!source || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  var drawn = 0;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = true;

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    new Chart(canvas, config);
    canvas.setAttribute('data-drawn', 'true');
    drawn++;
  }

  draw('chart-complaints', {
    type: 'bar',
    data: {
      labels: data.periods,
      datasets: [
        { label: data.formalLabel, data: data.formal, backgroundColor: '#1d5fa8' },
        { label: data.informalLabel, data: data.informal, backgroundColor: '#8fb3de' }
      ]
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });

  var palette = ['#1d5fa8', '#a15c00', '#2f7d32', '#7b1fa2', '#c62828', '#00838f'];
  draw('chart-kpis', {
    type: 'line',
    data: {
      labels: data.periods,
      datasets: data.kpis.map(function (k, i) {
        return { label: k.label, data: k.data, borderColor: palette[i % palette.length],
                 backgroundColor: palette[i % palette.length], spanGaps: true };
      })
    },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: data.kpiAxis } } } }
  });

  draw('chart-categories', {
    type: 'bar',
    data: {
      labels: data.categories,
      datasets: [
        { label: data.currentLabel, data: data.categoryCounts, backgroundColor: '#1d5fa8' },
        { label: data.previousLabel, data: data.categoryPrevious, backgroundColor: '#c8d6ea' }
      ]
    },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
  });

  draw('chart-satisfaction', {
    type: 'bar',
    data: {
      labels: ['1', '2', '3', '4', '5'],
      datasets: [{ label: data.satisfactionLabel, data: data.satisfaction, backgroundColor: '#2f7d32' }]
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });

  document.body.setAttribute('data-charts-drawn', String(drawn));
})();
