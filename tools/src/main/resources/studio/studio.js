// The studio's page: hash routes #/t/<table>?..., #/r/<table>?key.<col>=..., #/new/<table>.
// Every value is put in the page as text (textContent), never as HTML.
const state = { meta: null, tables: new Map() };
const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (name === 'on') Object.entries(value).forEach(([event, fn]) => node.addEventListener(event, fn));
        else if (value === true) node.setAttribute(name, '');
        else if (value !== false && value != null) node.setAttribute(name, value);
    }
    node.append(...children.filter((c) => c != null));
    return node;
}

async function api(method, path, body) {
    const init = { method, headers: {} };
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error ? data.error.message : `HTTP ${response.status}`);
    return data;
}

function showError(message) { $('error').textContent = message; $('error').hidden = !message; }
function showNotice(message) { $('notice').textContent = message; $('notice').hidden = !message; }

// Goes to `hash` (rendering again when it is the current one) and shows `notice` there.
function navigate(hash, notice) {
    state.notice = notice;
    if (location.hash === hash) render(); else location.hash = hash;
}

function rowLink(table, key) {
    const params = new URLSearchParams();
    Object.entries(key).forEach(([column, value]) => params.set(`key.${column}`, value));
    return `#/r/${encodeURIComponent(table)}?${params}`;
}

function keyOf(table, row) {
    return Object.fromEntries(table.primaryKey.map((column) => [column, row[column]]));
}

// Where the value of `column` in `row` points: the referenced row when the link names its primary key, else the
// referenced table filtered by the value.
function foreignLink(table, row, column) {
    const fk = table.foreignKeys.find((link) => link.columns.length === 1 && link.columns[0] === column);
    if (!fk || row[column] == null) return null;
    const target = state.tables.get(fk.table);
    const key = { [fk.referencedColumns[0]]: row[column] };
    if (target && target.primaryKey.length === 1 && target.primaryKey[0] === fk.referencedColumns[0]) {
        return rowLink(fk.table, key);
    }
    return `#/t/${encodeURIComponent(fk.table)}?f.${encodeURIComponent(fk.referencedColumns[0])}=`
        + encodeURIComponent(row[column]);
}

async function loadMeta() {
    state.meta = await api('GET', '/api/tables');
    state.tables = new Map(state.meta.tables.map((t) => [t.name, t]));
    $('target').textContent = `${state.meta.stage} · ${state.meta.database}`;
    $('mode').textContent = state.meta.writable ? 'read-write' : 'read-only';
    $('mode').className = state.meta.writable ? '' : 'read-only';
    $('tables').replaceChildren(...state.meta.tables.map((t) => el('li', {},
        el('a', { href: `#/t/${encodeURIComponent(t.name)}`, 'data-table': t.name },
            el('span', {}, t.name), el('span', { class: 'count' }, String(t.rowCount))))));
}

async function showTable(name, params) {
    const table = state.tables.get(name);
    if (!table) throw new Error(`No table named ${name}`);
    const page = Number(params.get('page') || 0);
    const data = await api('GET', `/api/tables/${encodeURIComponent(name)}/rows?${params}`);
    const go = (change) => {
        const next = new URLSearchParams(params);
        Object.entries(change).forEach(([k, v]) => (v === '' || v == null ? next.delete(k) : next.set(k, v)));
        location.hash = `#/t/${encodeURIComponent(name)}?${next}`;
    };
    const sortBy = (column) => go({ sort: column, page: '',
        dir: params.get('sort') === column && params.get('dir') !== 'desc' ? 'desc' : '' });
    const applyFilters = () => {
        const change = { page: '' };
        document.querySelectorAll('input[data-filter]').forEach((i) => { change[`f.${i.dataset.filter}`] = i.value; });
        go(change);
    };
    const arrow = (c) => (params.get('sort') === c ? (params.get('dir') === 'desc' ? ' ▼' : ' ▲') : '');
    const head = el('tr', {}, ...table.columns.map((c) => el('th', {},
        el('button', { type: 'button', 'data-sort': c.name, on: { click: () => sortBy(c.name) } }, c.name + arrow(c.name)),
        el('span', { class: 'type' }, c.type))));
    const filters = el('tr', { class: 'filters' }, ...table.columns.map((c) => el('th', {},
        el('input', { 'data-filter': c.name, placeholder: '=', value: params.get(`f.${c.name}`) || '',
            on: { keydown: (e) => { if (e.key === 'Enter') applyFilters(); } } }))));
    const body = data.rows.map((row) => el('tr', {}, ...table.columns.map((c, index) => cell(table, row, c, index))));
    const first = data.total === 0 ? 0 : page * data.size + 1;
    $('view').replaceChildren(
        el('h2', {}, name),
        el('div', { class: 'toolbar' },
            el('button', { type: 'button', id: 'apply-filters', on: { click: applyFilters } }, 'Filter'),
            el('button', { type: 'button', on: { click: () => { location.hash = `#/t/${encodeURIComponent(name)}`; } } },
                'Clear'),
            el('span', { class: 'spacer' }),
            el('span', { id: 'range' }, `Rows ${first}–${page * data.size + data.rows.length} of ${data.total}`),
            el('button', { type: 'button', disabled: page === 0, on: { click: () => go({ page: page - 1 || '' }) } },
                '‹ Prev'),
            el('button', { type: 'button', disabled: first + data.rows.length > data.total,
                on: { click: () => go({ page: page + 1 }) } }, 'Next ›'),
            state.meta.writable ? el('a', { href: `#/new/${encodeURIComponent(name)}` }, 'Insert row') : null),
        el('table', { id: 'rows' }, el('thead', {}, head, filters), el('tbody', {}, ...body)));
}

function cell(table, row, column, index) {
    const value = row[column.name];
    if (value == null) return el('td', { class: 'null' }, 'NULL');
    const link = index === 0 ? rowLink(table.name, keyOf(table, row)) : foreignLink(table, row, column.name);
    return el('td', { title: value }, link ? el('a', { href: link }, value) : value);
}

function recordForm(table, row, onSubmit, submitLabel) {
    const writable = state.meta.writable;
    const fields = table.columns.flatMap((c) => {
        const value = row ? row[c.name] : null;
        const input = el('input', { type: 'text', 'data-column': c.name, value: value ?? '', disabled: !writable,
            placeholder: row ? '' : (c.defaultSql ? `default: ${c.defaultSql}` : (c.nullable ? 'NULL' : '')) });
        const isNull = el('input', { type: 'checkbox', 'data-null': c.name, checked: row ? value == null : false,
            disabled: !writable || !c.nullable });
        input.addEventListener('input', () => { isNull.checked = false; });
        const link = row ? foreignLink(table, row, c.name) : null;
        return [el('label', { for: `col-${c.name}` }, c.name, el('span', { class: 'type' },
                c.type + (c.nullable ? '' : ' not null'))),
            Object.assign(input, { id: `col-${c.name}` }),
            el('span', {}, el('label', {}, isNull, ' NULL'), link ? ' ' : null, link ? el('a', { href: link }, '→ open') : null)];
    });
    const form = el('form', { class: 'record', on: { submit: (e) => { e.preventDefault(); onSubmit(form); } } },
        ...fields);
    if (writable) form.append(el('span'), el('span', {}, el('button', { type: 'submit', id: 'save', class: 'primary' },
        submitLabel)));
    return form;
}

function formValues(form, row) {
    const values = {};
    form.querySelectorAll('input[data-column]').forEach((input) => {
        const column = input.dataset.column;
        const isNull = form.querySelector(`input[data-null="${CSS.escape(column)}"]`).checked;
        const value = isNull ? null : input.value;
        if (row ? value !== row[column] : (isNull || value !== '')) values[column] = value;
    });
    return values;
}

async function showRow(name, params) {
    const table = state.tables.get(name);
    if (!table) throw new Error(`No table named ${name}`);
    const key = Object.fromEntries([...params].filter(([k]) => k.startsWith('key.')).map(([k, v]) => [k.slice(4), v]));
    const { row } = await api('GET', `/api/tables/${encodeURIComponent(name)}/row?${params}`);
    const save = async (form) => {
        const values = formValues(form, row);
        if (Object.keys(values).length === 0) { showNotice('Nothing changed.'); return; }
        if (!confirm(`Save ${Object.keys(values).join(', ')} of this ${name} row?`)) return;
        try {
            const saved = await api('PATCH', `/api/tables/${encodeURIComponent(name)}/row?${params}`, { values });
            navigate(rowLink(name, keyOf(table, saved.row)), 'Saved.');
        } catch (e) { showError(e.message); }
    };
    const remove = async () => {
        if (!confirm(`Delete this ${name} row?`)) return;
        try {
            await api('DELETE', `/api/tables/${encodeURIComponent(name)}/row?${params}`);
            await loadMeta();
            navigate(`#/t/${encodeURIComponent(name)}`, 'Deleted.');
        } catch (e) { showError(e.message); }
    };
    const incoming = state.meta.tables.flatMap((other) => other.foreignKeys
        .filter((fk) => fk.table === name && fk.columns.length === 1)
        .map((fk) => el('li', {}, el('a', { href: `#/t/${encodeURIComponent(other.name)}?f.`
            + `${encodeURIComponent(fk.columns[0])}=${encodeURIComponent(row[fk.referencedColumns[0]])}` },
            `${other.name} rows whose ${fk.columns[0]} is ${row[fk.referencedColumns[0]]}`))));
    $('view').replaceChildren(
        el('h2', {}, el('a', { href: `#/t/${encodeURIComponent(name)}` }, name), ' / ', Object.values(key).join(', ')),
        recordForm(table, row, save, 'Save'),
        state.meta.writable ? el('div', { class: 'toolbar' },
            el('button', { type: 'button', id: 'delete', class: 'danger', on: { click: remove } }, 'Delete row')) : null,
        incoming.length ? el('div', { class: 'links' }, el('h3', {}, 'Referenced by'), el('ul', {}, ...incoming)) : null);
}

function showInsert(name) {
    const table = state.tables.get(name);
    if (!table) throw new Error(`No table named ${name}`);
    const insert = async (form) => {
        const values = formValues(form, null);
        if (!confirm(`Insert a ${name} row?`)) return;
        try {
            const saved = await api('POST', `/api/tables/${encodeURIComponent(name)}/rows`, { values });
            await loadMeta();
            navigate(rowLink(name, keyOf(table, saved.row)), 'Inserted.');
        } catch (e) { showError(e.message); }
    };
    $('view').replaceChildren(el('h2', {}, `New ${name} row`),
        el('p', {}, 'Empty fields get the column default (or NULL).'), recordForm(table, null, insert, 'Insert'));
}

async function render() {
    showError('');
    showNotice('');
    const notice = state.notice;
    state.notice = null;
    const [path, query = ''] = location.hash.slice(1).split('?');
    const [, kind, rawName] = path.split('/');
    const name = rawName ? decodeURIComponent(rawName) : null;
    document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('current', a.dataset.table === name));
    try {
        if (kind === 't' && name) await showTable(name, new URLSearchParams(query));
        else if (kind === 'r' && name) await showRow(name, new URLSearchParams(query));
        else if (kind === 'new' && name) showInsert(name);
        else $('view').replaceChildren(el('p', {}, 'Pick a table.'));
        if (notice) showNotice(notice);
    } catch (e) {
        showError(e.message);
    }
}

window.addEventListener('hashchange', render);
loadMeta().then(render, (e) => showError(e.message));
