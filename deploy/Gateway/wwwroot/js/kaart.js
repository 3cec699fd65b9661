// Draws the province map from the page's own data (data-provincies) and the vendored GeoJSON; the table under the
// map carries the same information for those without JavaScript or a screen.
(async function () {
  const el = document.getElementById('kaart');
  if (!el || typeof echarts === 'undefined') return;
  const provincies = JSON.parse(el.dataset.provincies || '[]');
  const geo = await (await fetch('/geo/provincies-2025.geojson')).json();
  echarts.registerMap('nl', geo);
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'item', formatter: p => p.data ? `${p.name}: ${p.data.tekst}${p.data.seveso.length ? ' (Seveso: ' + p.data.seveso.join(', ') + ')' : ''}` : p.name },
    series: [{
      type: 'map', map: 'nl', nameProperty: 'statnaam', roam: false, selectedMode: false,
      label: { show: true, fontSize: 11, color: '#fff', textBorderColor: '#111', textBorderWidth: 2,
        formatter: p => p.data && p.data.seveso.length ? `${p.name} S` : p.name },
      itemStyle: { borderColor: '#fff', borderWidth: 1 },
      emphasis: { disabled: true },
      data: provincies.map(p => ({ name: p.naam, value: 1, tekst: p.tekst, seveso: p.seveso, itemStyle: { areaColor: p.kleur } }))
    }]
  });
  el.dataset.getekend = 'true';
})();
