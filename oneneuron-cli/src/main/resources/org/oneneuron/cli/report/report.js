/* OneNeuron report: draws each figure's JSON (the same data as figures/ID.json) with Apache
   ECharts, links charts and the runs table, sorts tables. No network access. */
(function () {
  'use strict';

  /* v with the given significant digits (3 by default): plain between 1e-3 and 10^max(5, digits),
     else in exponent notation. */
  function fmt(v, digits) {
    if (v === null || v === undefined || !isFinite(v)) { return 'n/a'; }
    if (v === 0) { return '0'; }
    var n = digits || 3, a = Math.abs(v);
    return a >= 1e-3 && a < Math.pow(10, Math.max(5, n)) ? String(Number(v.toPrecision(n))) : v.toExponential(n - 1);
  }

  /* A value shown on its own (a tooltip): six significant digits. */
  function full(v) {
    return fmt(v, 6);
  }

  /* The digits an axis over these values needs for distinct tick labels: 3, plus one per decade
     by which the largest magnitude exceeds the span (values 1e6 … 1e6 + 0.5 need 10). */
  function digitsFor(values) {
    var lo = Infinity, hi = -Infinity;
    values.forEach(function (v) {
      if (v !== null && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    });
    var big = Math.max(Math.abs(lo), Math.abs(hi)), span = hi - lo;
    if (!(span > 0) || !isFinite(big)) { return 3; }
    return Math.min(15, 3 + Math.max(0, Math.ceil(Math.log10(big / span))));
  }

  function axis(name, log, extra, values) {
    var digits = log ? 3 : digitsFor(values || []);
    var a = {type: log ? 'log' : 'value', name: name, nameLocation: 'middle', nameGap: 32, scale: !log,
      axisLabel: {formatter: function (v) { return fmt(v, digits); }}, splitLine: {lineStyle: {color: '#e4e4e4'}}};
    for (var k in extra || {}) { a[k] = extra[k]; }
    return a;
  }

  function base(fig) {
    return {
      animation: false,
      grid: {left: 78, right: 24, top: 56, bottom: 58},
      legend: {type: 'scroll', top: 4, left: 10, right: 120},
      toolbox: {right: 8, top: 2, feature: {dataZoom: {}, restore: {}, saveAsImage: {name: fig.id}}},
      dataZoom: [{type: 'inside', xAxisIndex: 0, filterMode: 'none'},
                 {type: 'inside', yAxisIndex: 0, filterMode: 'none'}],
      tooltip: {trigger: 'item', className: 'on-tooltip', confine: true},
      xAxis: axis(fig.x_label, fig.log_x, null, all(fig, 'x')),
      yAxis: axis(fig.y_label, fig.log_y, {nameGap: 56}, all(fig, 'y'))
    };
  }

  /* Every series' x (or y) values of a figure, in one list. */
  function all(fig, key) {
    return fig.series.reduce(function (out, s) { return out.concat(s[key]); }, []);
  }

  function pairs(s, keep) {
    var out = [];
    for (var i = 0; i < s.x.length; i++) {
      if (keep(s.x[i], s.y[i])) { out.push([s.x[i], s.y[i]]); }
    }
    return out;
  }

  function positive(log) {
    return function (v) { return v !== null && (!log || v > 0); };
  }

  function lines(fig) {
    var o = base(fig);
    o.tooltip.trigger = 'axis';
    o.tooltip.valueFormatter = full;
    o.series = fig.series.map(function (s, k) {
      return {name: s.name, type: 'line', showSymbol: false, step: fig.kind === 'step' ? 'end' : false,
        color: fig.series_colours[k], lineStyle: {width: 2, type: k % 2 ? 'dashed' : 'solid'},
        data: pairs(s, function (x, y) { return positive(fig.log_x)(x) && positive(fig.log_y)(y); })};
    });
    return o;
  }

  function categories(fig) {
    var out = [];
    fig.series.forEach(function (s) {
      (s.categories || []).forEach(function (c) { if (out.indexOf(c) < 0) { out.push(c); } });
    });
    return out;
  }

  function quantile(sorted, q) {
    var pos = q * (sorted.length - 1), i = Math.floor(pos), j = Math.min(sorted.length - 1, i + 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }

  /* Box and strip plots: x is the category index plus the series' offset in its group. */
  function boxes(fig) {
    var o = base(fig), cats = categories(fig), n = fig.series.length, group = 0.74, w = group / n;
    o.xAxis = {type: 'value', min: -0.5, max: cats.length - 0.5, interval: 1, name: fig.x_label,
      nameLocation: 'middle', nameGap: 32, splitLine: {show: false},
      axisLabel: {formatter: function (v) { return cats[Math.round(v)] || ''; }}};
    o.dataZoom = [{type: 'inside', yAxisIndex: 0, filterMode: 'none'}];
    o.series = [];
    fig.series.forEach(function (s, k) {
      var colour = fig.series_colours[k], boxData = [], dots = [];
      cats.forEach(function (c, ci) {
        var v = [], idx = [];
        for (var i = 0; i < s.y.length; i++) {
          if (s.categories[i] === c && s.y[i] !== null && positive(fig.log_y)(s.y[i])) { v.push(s.y[i]); idx.push(i); }
        }
        if (!v.length) { return; }
        var centre = ci - group / 2 + (k + 0.5) * w, sorted = v.slice().sort(function (a, b) { return a - b; });
        if (fig.kind === 'box') {
          boxData.push([centre, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75),
            sorted[sorted.length - 1], c, v.length]);
        }
        idx.forEach(function (i, m) {
          var jitter = fig.kind === 'box' ? (((m * 0.6180339887) % 1) - 0.5) * w * 0.6 : 0;
          dots.push({value: [centre + jitter, s.y[i]], run: s.runs ? s.runs[i] : null, category: c});
        });
      });
      if (fig.kind === 'box') {
        o.series.push({name: s.name, type: 'custom', color: colour, data: boxData, z: 1,
          tooltip: {formatter: function (p) {
            var d = p.value;
            return p.seriesName + ' · ' + d[6] + ' (' + d[7] + ' runs)<br>max ' + full(d[5]) + '<br>Q3 ' + full(d[4]) +
              '<br>median ' + full(d[3]) + '<br>Q1 ' + full(d[2]) + '<br>min ' + full(d[1]);
          }},
          renderItem: function (params, api) {
            var x = api.value(0), half = w * 0.35;
            var p = function (dx, v) { return api.coord([x + dx, api.value(v)]); };
            var style = {stroke: colour, fill: 'rgba(255,255,255,0.6)', lineWidth: 1.4};
            var lo = p(-half, 2), hi = p(half, 4);
            return {type: 'group', children: [
              {type: 'line', shape: {x1: p(0, 1)[0], y1: p(0, 1)[1], x2: p(0, 5)[0], y2: p(0, 5)[1]}, style: style},
              {type: 'rect', shape: {x: lo[0], y: Math.min(lo[1], hi[1]), width: hi[0] - lo[0],
                height: Math.abs(lo[1] - hi[1])}, style: style},
              {type: 'line', shape: {x1: p(-half, 3)[0], y1: p(-half, 3)[1], x2: p(half, 3)[0], y2: p(half, 3)[1]},
                style: {stroke: colour, lineWidth: 2.6}}]};
          }});
      }
      o.series.push({name: s.name, type: fig.kind === 'bar' ? 'bar' : 'scatter', color: colour, z: 2,
        barWidth: fig.kind === 'bar' ? 40 : undefined, symbolSize: 7, itemStyle: {opacity: 0.7}, data: dots,
        tooltip: {formatter: function (p) {
          return p.seriesName + ' · ' + p.data.category + (p.data.run !== null ? ' · run ' + p.data.run : '') +
            '<br>' + fig.y_label + ': ' + full(p.data.value[1]);
        }}});
    });
    return o;
  }

  function band(levels, v) {
    var k = 0;
    while (k + 2 < levels.length && v >= levels[k + 1]) { k++; }
    return k;
  }

  function clip(poly, level, above) {
    var out = [], n = poly.length;
    for (var p = 0; p < n; p++) {
      var a = poly[p], b = poly[(p + 1) % n];
      var inA = above ? a[2] >= level : a[2] <= level, inB = above ? b[2] >= level : b[2] <= level;
      if (inA) { out.push(a); }
      if (inA !== inB) {
        var w = (level - a[2]) / (b[2] - a[2]);
        out.push([a[0] + w * (b[0] - a[0]), a[1] + w * (b[1] - a[1]), level]);
      }
    }
    return out;
  }

  /* The band polygons of the grid by marching triangles, as ContourBands.java cuts them. */
  function contourPolygons(g) {
    var s = g.s, t = g.t, m = t.length, levels = g.levels, out = [];
    var f = g.value.map(function (v) {
      return v === null ? NaN : g.log ? Math.log10(Math.max(v, 1e-300)) : v;
    });
    for (var i = 0; i + 1 < s.length; i++) {
      for (var j = 0; j + 1 < m; j++) {
        var c = [[s[i], t[j], f[i * m + j]], [s[i + 1], t[j], f[(i + 1) * m + j]],
                 [s[i + 1], t[j + 1], f[(i + 1) * m + j + 1]], [s[i], t[j + 1], f[i * m + j + 1]]];
        if (c.some(function (q) { return !isFinite(q[2]); })) {
          out.push({poly: c, band: -1});
          continue;
        }
        [[c[0], c[1], c[2]], [c[0], c[2], c[3]]].forEach(function (tri) {
          var lo = Math.min(tri[0][2], tri[1][2], tri[2][2]), hi = Math.max(tri[0][2], tri[1][2], tri[2][2]);
          for (var k = band(levels, lo); k <= band(levels, hi); k++) {
            var poly = tri;
            if (k > 0) { poly = clip(poly, levels[k], true); }
            if (k + 2 < levels.length) { poly = clip(poly, levels[k + 1], false); }
            if (poly.length >= 3) { out.push({poly: poly, band: k}); }
          }
        });
      }
    }
    return {polygons: out, f: f};
  }

  function contour(fig) {
    var o = base(fig), g = fig.grid, cut = contourPolygons(g), levels = g.levels;
    o.xAxis = axis(fig.x_label, false, {min: g.s[0], max: g.s[g.s.length - 1], scale: true}, g.s);
    o.yAxis = axis(fig.y_label, false, {min: g.t[0], max: g.t[g.t.length - 1], scale: true, nameGap: 48}, g.t);
    o.grid.right = 110;
    var label = function (v) { return g.log ? fmt(Math.pow(10, v)) : fmt(v); };
    o.series = [{name: g.value_label, type: 'custom', silent: false, z: 1,
      data: cut.polygons.map(function (p) { return {value: [p.band], poly: p.poly}; }),
      tooltip: {formatter: function (p) {
        var k = p.data.value[0];
        return k < 0 ? 'not finite' : g.value_label + ' in [' + label(levels[k]) + ', ' + label(levels[k + 1]) + ')';
      }},
      renderItem: function (params, api) {
        var d = cut.polygons[params.dataIndex];
        var colour = d.band < 0 ? '#d0d0d0' : api.visual('color');
        return {type: 'polygon', shape: {points: d.poly.map(function (q) { return api.coord([q[0], q[1]]); })},
          style: {fill: colour, stroke: colour, lineWidth: 0.6}};
      }}];
    var pts = [];
    for (var i = 0; i < g.s.length; i++) {
      for (var j = 0; j < g.t.length; j++) { pts.push([g.s[i], g.t[j], g.value[i * g.t.length + j]]); }
    }
    o.series.push({name: 'grid values', type: 'scatter', symbolSize: 7, itemStyle: {opacity: 0}, z: 2,
      emphasis: {itemStyle: {opacity: 1, color: '#fff', borderColor: '#000'}}, data: pts,
      tooltip: {formatter: function (p) {
        return '(' + full(p.value[0]) + ', ' + full(p.value[1]) + ')<br>' + g.value_label + ' = ' + full(p.value[2]);
      }}});
    fig.series.forEach(function (s, k) {
      o.series.push({name: s.name, type: 'line', color: fig.series_colours[k], symbolSize: 5, z: 3,
        lineStyle: {width: 2.2}, data: pairs(s, function (x, y) { return x !== null && y !== null; })});
    });
    fig.marks.forEach(function (m) {
      if (m.arrow) {
        o.series.push({name: m.name, type: 'line', color: '#d55e00', z: 4, symbol: ['none', 'arrow'], symbolSize: 12,
          lineStyle: {width: 2.2}, data: [[m.x, m.y], [m.x2, m.y2]]});
      } else {
        o.series.push({name: m.name, type: 'scatter', color: '#222', symbolSize: 11, z: 5,
          label: {show: true, position: 'right', formatter: m.name, backgroundColor: 'rgba(255,255,255,0.8)'},
          itemStyle: {color: '#fff', borderColor: '#222', borderWidth: 1.6}, data: [[m.x, m.y]]});
      }
    });
    o.visualMap = {type: 'piecewise', show: true, right: 4, top: 40, dimension: 0, seriesIndex: 0,
      pieces: g.colours.map(function (c, k) {
        return {value: k, label: label(levels[k]) + ' – ' + label(levels[k + 1]), color: c};
      }).reverse().concat([{value: -1, label: 'not finite', color: '#d0d0d0'}]),
      outOfRange: {color: 'rgba(0,0,0,0)'}, textStyle: {fontSize: 10}, itemWidth: 14, itemHeight: 10};
    return o;
  }

  var charts = [];

  function linkRuns(chart) {
    chart.on('mouseover', function (p) {
      if (p.data && p.data.run !== undefined && p.data.run !== null) { mark(p.data.run, true); }
    });
    chart.on('mouseout', function () { mark(null, false); });
  }

  function mark(run, on) {
    document.querySelectorAll('tr.run-linked').forEach(function (r) { r.classList.remove('run-linked'); });
    if (on) {
      document.querySelectorAll('tr[data-run="' + run + '"]').forEach(function (r) { r.classList.add('run-linked'); });
    }
  }

  /* A click on a runs-table row shows that run's tooltip in every chart that has it. */
  function showRun(run) {
    mark(run, true);
    charts.forEach(function (chart) {
      chart.getOption().series.forEach(function (s, si) {
        (s.data || []).forEach(function (d, di) {
          if (d && d.run === run) {
            chart.dispatchAction({type: 'highlight', seriesIndex: si, dataIndex: di});
            chart.dispatchAction({type: 'showTip', seriesIndex: si, dataIndex: di});
          }
        });
      });
    });
  }

  function sortable(table) {
    table.querySelectorAll('th').forEach(function (th, col) {
      th.title = 'click to sort';
      th.addEventListener('click', function () {
        var rows = Array.prototype.slice.call(table.querySelectorAll('tr')).slice(1);
        var dir = th.dataset.dir === 'asc' ? -1 : 1;
        th.dataset.dir = dir > 0 ? 'asc' : 'desc';
        rows.sort(function (a, b) {
          var x = a.children[col].dataset.v || a.children[col].textContent;
          var y = b.children[col].dataset.v || b.children[col].textContent;
          var nx = parseFloat(x), ny = parseFloat(y);
          return dir * (isNaN(nx) || isNaN(ny) ? x.localeCompare(y) : nx - ny);
        });
        rows.forEach(function (r) { table.appendChild(r); });
      });
    });
  }

  function render(div) {
    var fig = JSON.parse(document.getElementById('data-' + div.dataset.figure).textContent);
    var option = fig.kind === 'contour' ? contour(fig) : fig.kind === 'box' || fig.kind === 'bar' ? boxes(fig) : lines(fig);
    var chart = echarts.init(div, null, {renderer: 'svg'});
    chart.on('finished', function () { div.setAttribute('data-rendered', 'true'); });
    chart.setOption(option);
    linkRuns(chart);
    charts.push(chart);
  }

  window.addEventListener('load', function () {
    document.querySelectorAll('div.chart').forEach(function (div) {
      try {
        render(div);
      } catch (e) {
        div.setAttribute('data-error', String(e));
        div.textContent = 'This chart could not be drawn: ' + e;
      }
    });
    document.querySelectorAll('table').forEach(sortable);
    document.querySelectorAll('tr[data-run]').forEach(function (r) {
      r.addEventListener('click', function () { showRun(Number(r.dataset.run)); });
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    document.body.setAttribute('data-charts', String(charts.length));
  });
})();
