// The matrix page: colour toggle, firm-type filter, side panel for the selected firm, PNG export.
// Plain DOM, no library; every text from the server is set with textContent (never as HTML).
(function () {
  'use strict';
  var table = document.getElementById('matrix');
  if (!table) { return; }
  // The toolbar is a form only for its labels and keyboard use: it never submits.
  var toolbar = document.getElementById('toolbar');
  if (toolbar) { toolbar.addEventListener('submit', function (e) { e.preventDefault(); }); }

  // Colour by parent company or by architecture.
  document.querySelectorAll('input[name=colour]').forEach(function (radio) {
    radio.addEventListener('change', function () {
      var byArchitecture = radio.value === 'architecture' && radio.checked;
      table.classList.toggle('colour-architecture', byArchitecture);
      table.classList.toggle('colour-parent', !byArchitecture);
      document.getElementById('parent-legend').hidden = byArchitecture;
      document.getElementById('architecture-legend').hidden = !byArchitecture;
    });
  });

  // Filter by firm type (and failed firms).
  function applyFilter() {
    var types = {};
    document.querySelectorAll('#type-filter input[name=type]').forEach(function (box) { types[box.value] = box.checked; });
    var showFailed = document.querySelector('#type-filter input[name=failed]').checked;
    table.querySelectorAll('.chip[data-firm]').forEach(function (chip) {
      var type = chip.getAttribute('data-type');
      var visible = (type === '' || types[type] !== false) && (showFailed || chip.getAttribute('data-status') !== 'failed');
      chip.parentElement.hidden = !visible;
    });
    table.querySelectorAll('td.cell').forEach(function (td) {
      var shown = td.querySelectorAll('li:not([hidden]) .chip').length;
      td.querySelector('.cell-count').textContent = shown;
      td.classList.toggle('filtered-empty', shown === 0 && !td.classList.contains('empty'));
    });
  }
  document.querySelectorAll('#type-filter input').forEach(function (box) { box.addEventListener('change', applyFilter); });

  // Side panel.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  // On a phone the panel sits below the whole matrix (workbench.css, the list layout): a tap brings it into view.
  function bringPanelIntoView() {
    if (window.matchMedia('(max-width: 720px)').matches) {
      document.getElementById('side-panel').scrollIntoView({ block: 'start' });
    }
  }

  function showFirm(firmId, scroll) {
    table.querySelectorAll('.chip.selected').forEach(function (c) { c.classList.remove('selected'); });
    table.querySelectorAll('.chip[data-firm="' + CSS.escape(firmId) + '"]').forEach(function (c) { c.classList.add('selected'); });
    // The firm (JSON) and its evidence (HTML drawn by the server, fragments/evidence.html, as on the firm page) arrive
    // together, so the panel never shows one firm's name over another's evidence.
    var path = '/firms/' + encodeURIComponent(firmId);
    Promise.all([
      fetch('/api' + path, { headers: { 'Accept': 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); }),
      fetch(path + '/evidence', { headers: { 'Accept': 'text/html' } })
        .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
    ])
      .then(function (both) { renderFirm(both[0], both[1]); if (scroll) { bringPanelIntoView(); } })
      .catch(function (e) {
        document.getElementById('panel-empty').hidden = false;
        document.getElementById('panel-firm').hidden = true;
        document.querySelector('#panel-empty p').textContent = 'Could not load the firm: ' + e.message;
      });
  }

  function renderFirm(f, evidenceHtml) {
    document.getElementById('panel-empty').hidden = true;
    var panel = document.getElementById('panel-firm');
    panel.hidden = false;
    panel.setAttribute('data-firm', f.id);
    document.getElementById('panel-name').textContent = f.name;
    var meta = [];
    if (f.parent && f.parent.name) { meta.push(f.parent.name); }
    if (f.type) { meta.push(f.type.replace(/_/g, ' ')); }
    if (f.status === 'failed') { meta.push('failed'); }
    if (f.founded) { meta.push('founded ' + f.founded); }
    document.getElementById('panel-meta').textContent = meta.join(' · ');
    document.getElementById('panel-source').textContent = f.source || '';
    document.getElementById('panel-personalisation').textContent = 'Personalisation level ' + f.personalisation.level + ': ' + f.personalisation.label;
    var fragment = new DOMParser().parseFromString(evidenceHtml, 'text/html').body;
    document.getElementById('panel-placements').replaceChildren.apply(document.getElementById('panel-placements'),
      Array.from(fragment.childNodes).map(function (n) { return document.importNode(n, true); }));
    document.getElementById('panel-link').href = '/firms/' + encodeURIComponent(f.id);
    var edit = document.getElementById('panel-edit'); // absent for a viewer, who may not edit
    if (edit) edit.href = '/firms/' + encodeURIComponent(f.id) + '/edit';
  }

  table.addEventListener('click', function (event) {
    var chip = event.target.closest('.chip[data-firm]');
    if (chip) { showFirm(chip.getAttribute('data-firm'), true); }
  });

  var selected = document.body.getAttribute('data-selected');
  if (selected) { showFirm(selected); }

  // PNG export: draw the server's SVG on a canvas and download it.
  var png = document.getElementById('export-png');
  if (png) {
    png.addEventListener('click', function () {
      fetch(png.getAttribute('data-svg')).then(function (r) { return r.text(); }).then(function (svg) {
        var img = new Image();
        var url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        img.onload = function () {
          var canvas = document.createElement('canvas');
          canvas.width = img.width * 2; canvas.height = img.height * 2;
          var ctx = canvas.getContext('2d');
          ctx.scale(2, 2);
          ctx.drawImage(img, 0, 0);
          URL.revokeObjectURL(url);
          canvas.toBlob(function (blob) {
            var a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = png.getAttribute('data-name');
            document.body.appendChild(a); a.click(); a.remove();
          }, 'image/png');
        };
        img.src = url;
      });
    });
  }
})();
