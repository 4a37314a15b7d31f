/*
 * 司法所 / 司法局 工作台: signs staff in (POST /api/auth/staff), then shows GET /api/dashboard for the
 * caller's region (or, for the bureau, one of its townships) and the yearly report (GET /api/reports/annual).
 * Plain script, no inline code (the page's CSP allows only scripts from this origin). Every text taken from
 * an answer goes in through textContent; charts draw their tooltips on the canvas (renderMode richText).
 */
(function () {
    'use strict';

    const TOKEN_KEY = 'publiclegal.dashboard.accessToken';
    const OVERSEERS = ['JUDICIAL_OFFICE', 'BUREAU_ADMIN', 'SYSTEM_ADMIN'];
    const REFRESH_MS = 120000;
    const STATUS = {
        SUBMITTED: '已提交', UNDER_REVIEW: '审查中', MATERIALS_REQUESTED: '待补正', GRANTED: '已决定援助',
        ASSIGNED: '已指派', IN_PROGRESS: '承办中', OBJECTION_FILED: '异议审查中', ACCEPTED: '已受理',
        IN_MEDIATION: '调解中', AGREEMENT_PENDING: '协议待确认'
    };
    const PERIODS = { TODAY: '今日', MONTH: '本月', YEAR: '本年' };
    const CHINA_OFFSET_MS = 8 * 3600 * 1000; // China Standard Time, no daylight saving
    /** The one date-time form of the page: 2026-12-02 07:25, China time, whatever the browser's zone or locale. */
    const dateTime = {
        format: (date) => new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
    };

    const state = { me: null, home: null, region: null, data: null, names: {}, charts: {}, seq: 0, reportSeq: 0, timer: null,
        metricPicked: false };

    const $ = (id) => document.getElementById(id);

    function el(tag, className, text) {
        const e = document.createElement(tag);
        if (className) e.className = className;
        if (text !== undefined && text !== null) e.textContent = String(text);
        return e;
    }

    function show(id, visible) {
        $(id).hidden = !visible;
    }

    // ---------------------------------------------------------------- HTTP

    class HttpError extends Error {
        constructor(status, detail) {
            super(detail);
            this.status = status;
        }
    }

    async function problemDetail(res) {
        try {
            const p = await res.json();
            return p.detail || p.title || '请求失败（' + res.status + '）';
        } catch (e) {
            return '请求失败（' + res.status + '）';
        }
    }

    /** A call with the signed-in user's token; a 401 goes back to the sign-in form. */
    async function api(path, accept) {
        const headers = { Accept: accept || 'application/json' };
        const token = sessionStorage.getItem(TOKEN_KEY);
        if (token) headers.Authorization = 'Bearer ' + token;
        let res;
        try {
            res = await fetch(path, { headers: headers, cache: 'no-store' });
        } catch (e) {
            throw new HttpError(0, '网络连接失败，请稍后重试。');
        }
        if (res.status === 401) {
            signOut('登录已失效，请重新登录。');
            throw new HttpError(401, '登录已失效，请重新登录。');
        }
        if (!res.ok) throw new HttpError(res.status, await problemDetail(res));
        return res;
    }

    const json = (path) => api(path).then((r) => r.json());

    function query(params) {
        const q = new URLSearchParams();
        Object.keys(params).forEach((k) => {
            if (params[k] !== null && params[k] !== undefined) q.set(k, params[k]);
        });
        const s = q.toString();
        return s ? '?' + s : '';
    }

    // ---------------------------------------------------------------- sign-in

    function showSignIn(message) {
        show('dashboard', false);
        show('who', false);
        show('signin', true);
        const err = $('signin-error');
        err.textContent = message || '';
        err.hidden = !message;
        $('username').focus();
    }

    function signOut(message) {
        sessionStorage.removeItem(TOKEN_KEY);
        clearInterval(state.timer);
        Object.keys(state.charts).forEach((k) => state.charts[k].dispose());
        Object.assign(state, { me: null, home: null, region: null, data: null, names: {}, charts: {}, timer: null,
            metricPicked: false });
        state.seq++;
        state.reportSeq++;
        showSignIn(message);
    }

    async function signIn(event) {
        event.preventDefault();
        const button = $('login');
        const username = $('username').value.trim();
        const password = $('password').value;
        if (!username || !password) {
            showSignIn('请输入用户名和密码。');
            return;
        }
        button.disabled = true;
        try {
            const res = await fetch('/api/auth/staff', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ username: username, password: password })
            });
            if (!res.ok) {
                showSignIn(await problemDetail(res));
                return;
            }
            const tokens = await res.json();
            sessionStorage.setItem(TOKEN_KEY, tokens.accessToken);
            $('password').value = '';
            await start();
        } catch (e) {
            showSignIn(e instanceof HttpError ? e.message : '网络连接失败，请稍后重试。');
        } finally {
            button.disabled = false;
        }
    }

    // ---------------------------------------------------------------- dashboard

    async function start() {
        const me = await json('/api/me');
        if (!OVERSEERS.some((r) => me.roles.indexOf(r) >= 0)) {
            signOut('该账号无权查看工作台（仅限司法所、司法局）。');
            return;
        }
        state.me = me;
        $('who-name').textContent = me.displayName || '';
        show('signin', false);
        show('who', true);
        show('dashboard', true);
        await load(null);
        clearInterval(state.timer);
        state.timer = setInterval(() => {
            if (!document.hidden && state.me) load(state.region, true);
        }, REFRESH_MS);
    }

    async function load(region, quiet) {
        const seq = ++state.seq;
        const main = $('dashboard');
        main.setAttribute('aria-busy', 'true');
        if (!quiet) show('error', false);
        try {
            const data = await json('/api/dashboard' + query({ region: region }));
            if (seq !== state.seq) return;
            state.data = data;
            state.region = data.region.code;
            if (!state.home) {
                state.home = data.region;
                await setUpRegionPicker();
                setUpYears(data.today);
            }
            await learnNames(data.region);
            render(data);
            if (!quiet) loadReport();
        } catch (e) {
            if (seq === state.seq && e.status !== 401) showError(e.message);
        } finally {
            if (seq === state.seq) main.setAttribute('aria-busy', 'false');
        }
    }

    function showError(message) {
        const err = $('error');
        err.textContent = message;
        err.hidden = false;
    }

    /** The bureau may look at one of its county's townships. */
    async function setUpRegionPicker() {
        const roles = state.me.roles;
        const home = state.home;
        state.names[home.code] = home.name;
        if (home.level !== 'COUNTY' || !(roles.indexOf('BUREAU_ADMIN') >= 0 || roles.indexOf('SYSTEM_ADMIN') >= 0)) {
            show('region-pick', false);
            return;
        }
        const townships = await json('/api/regions/' + encodeURIComponent(home.code) + '/children');
        const picker = $('region-picker');
        picker.replaceChildren(option(home.code, home.name + '（全县）'));
        townships.forEach((t) => {
            state.names[t.code] = t.name;
            picker.append(option(t.code, t.name));
        });
        picker.value = home.code;
        show('region-pick', true);
    }

    /** Names of the region's children, to label the cases' region codes. */
    async function learnNames(region) {
        state.names[region.code] = region.name;
        if (region.level === 'VILLAGE' || state.names['children:' + region.code]) return;
        try {
            const children = await json('/api/regions/' + encodeURIComponent(region.code) + '/children');
            children.forEach((c) => { state.names[c.code] = c.name; });
            state.names['children:' + region.code] = true;
        } catch (e) {
            // labels fall back to the codes
        }
    }

    function regionLabel(code) {
        if (!code) return '';
        return state.names[code] || state.names[code.slice(0, 9) + '000'] || code;
    }

    function option(value, text) {
        const o = el('option', null, text);
        o.value = value;
        return o;
    }

    function render(data) {
        $('region-name').textContent = data.region.name;
        const asOf = $('as-of');
        asOf.dateTime = data.asOf;
        asOf.textContent = dateTime.format(new Date(data.asOf));
        renderFigures(data.periods);
        renderMonthly(data.monthly);
        renderWorkloads(data.workloads || []);
        renderCases('legal-aid', data.legalAid);
        renderCases('mediation', data.mediation);
        renderCoverage(data.advisorCoverage, data.standing);
        renderCommitments(data.advisorsBehind || []);
        renderVideos(data.videos || {});
    }

    /** As the API gives it (no rounding, no separators), plus the unit; a rate always with its one decimal. */
    function formatValue(figure) {
        if (!figure || figure.value === null || figure.value === undefined) return '—';
        const v = figure.unit === '%' ? Number(figure.value).toFixed(1) : String(figure.value);
        return v + figure.unit;
    }

    function renderFigures(periods) {
        const byPeriod = {};
        periods.forEach((p) => {
            byPeriod[p.period] = {};
            p.figures.forEach((f) => { byPeriod[p.period][f.key] = f; });
        });
        const ranges = $('period-ranges');
        ranges.replaceChildren();
        periods.forEach((p) => {
            const range = p.from === p.to ? p.from : p.from + ' 至 ' + p.to;
            ranges.append(el('span', null, (PERIODS[p.period] || p.period) + '：' + range));
        });
        const order = (periods.find((p) => p.period === 'YEAR') || periods[0] || { figures: [] }).figures;
        const cards = $('figures');
        cards.replaceChildren();
        order.forEach((f) => {
            const card = el('article', 'card');
            card.append(el('h4', null, f.label));
            const main = value('YEAR', f.key, byPeriod, 'main');
            if (f.definition) card.title = f.definition;
            card.append(main);
            const sub = el('p', 'sub');
            sub.append(el('span', null, '本月 '), value('MONTH', f.key, byPeriod, null),
                el('span', null, ' · 今日 '), value('TODAY', f.key, byPeriod, null));
            card.append(sub);
            cards.append(card);
        });
    }

    function value(period, key, byPeriod, className) {
        const figure = byPeriod[period] && byPeriod[period][key];
        const v = el(className === 'main' ? 'p' : 'span', className ? 'value ' + className : 'value', formatValue(figure));
        v.dataset.period = period;
        v.dataset.key = key;
        return v;
    }

    function chart(id) {
        if (!state.charts[id]) state.charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
        return state.charts[id];
    }

    function renderMonthly(monthly) {
        const select = $('monthly-metric');
        const keep = select.value;
        select.replaceChildren();
        monthly.series.forEach((s) => select.append(option(s.key, s.label + '（' + s.unit + '）')));
        if (state.metricPicked && monthly.series.some((s) => s.key === keep)) {
            select.value = keep;
        } else {
            // open on the first figure that has data this year (else last year), not on a row of zeros
            const hasData = (values) => (values || []).some((v) => v !== null && Number(v) !== 0);
            const first = monthly.series.find((s) => hasData(s.values)) || monthly.series.find((s) => hasData(s.previous));
            if (first) select.value = first.key;
        }
        drawMonthly();
    }

    function drawMonthly() {
        const monthly = state.data.monthly;
        const s = monthly.series.find((x) => x.key === $('monthly-metric').value) || monthly.series[0];
        if (!s) return;
        // January to December: this year's months so far as bars, the twelve months of last year as a line
        const year = monthly.months.length ? monthly.months[0].slice(0, 4) : String(state.data.today).slice(0, 4);
        const lastYear = monthly.previousMonths && monthly.previousMonths.length
            ? monthly.previousMonths[0].slice(0, 4) : String(Number(year) - 1);
        const months = [];
        for (let m = 1; m <= 12; m++) months.push(m + '月');
        const thisYear = months.map((m, i) => (i < s.values.length ? s.values[i] : null));
        chart('chart-monthly').setOption({
            grid: { left: 48, right: 16, top: 44, bottom: 28 },
            legend: { top: 0, right: 8, data: [year + '年', lastYear + '年'] },
            tooltip: { trigger: 'axis', renderMode: 'richText' },
            xAxis: { type: 'category', data: months },
            yAxis: { type: 'value', name: s.unit, minInterval: s.unit === '万元' || s.unit === '%' ? 0 : 1 },
            series: [{ type: 'bar', name: year + '年', data: thisYear, barMaxWidth: 28, itemStyle: { color: '#1f6fb2' } },
                { type: 'line', name: lastYear + '年', data: s.previous || [], symbolSize: 6, connectNulls: true,
                    lineStyle: { type: 'dashed' }, itemStyle: { color: '#d9822b' } }]
        }, true);
    }

    function renderWorkloads(workloads) {
        const box = $('chart-workload');
        box.style.height = Math.max(200, 36 + workloads.length * 30) + 'px';
        const c = chart('chart-workload');
        c.resize();
        const rows = workloads.slice().reverse();
        c.setOption({
            title: workloads.length ? undefined : { text: '暂无在办案件', left: 'center', top: 'middle', textStyle: { fontSize: 14, color: '#888' } },
            grid: { left: 8, right: 32, top: 8, bottom: 24, containLabel: true },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
            xAxis: { type: 'value', minInterval: 1, show: workloads.length > 0 },
            yAxis: { type: 'category', show: workloads.length > 0, data: rows.map((w) => w.name + '（' + w.organisation + '）'),
                axisLabel: { width: Math.min(260, Math.round(box.clientWidth * 0.4)), overflow: 'truncate' } },
            series: [{ type: 'bar', name: '在办案件', data: rows.map((w) => w.openCases), barMaxWidth: 22,
                label: { show: true, position: 'right' },
                itemStyle: { color: '#3a8f5c' } }]
        }, true);
    }

    function renderCases(prefix, block) {
        block = block || { open: 0, overdue: 0, cases: [] };
        $(prefix + '-open').textContent = String(block.open);
        $(prefix + '-overdue').textContent = String(block.overdue);
        const body = $(prefix + '-cases').tBodies[0];
        body.replaceChildren();
        if (!block.cases.length) {
            const td = el('td', 'empty', '暂无在办案件');
            td.colSpan = 4;
            const tr = el('tr');
            tr.append(td);
            body.append(tr);
            return;
        }
        block.cases.forEach((c) => {
            const tr = el('tr', c.overdue ? 'overdue' : null);
            tr.dataset.id = c.id;
            const due = el('td');
            if (c.dueAt) {
                const t = el('time', null, dateTime.format(new Date(c.dueAt)));
                t.dateTime = c.dueAt;
                due.append(t);
            } else {
                due.textContent = '—';
            }
            if (c.overdue) due.append(el('span', 'badge', '已超期'));
            tr.append(el('td', 'ref', c.reference), el('td', null, STATUS[c.status] || c.status),
                el('td', null, c.regionName || regionLabel(c.regionCode)), due);
            body.append(tr);
        });
    }

    function renderCoverage(coverage, standing) {
        coverage = coverage || {};
        standing = standing || {};
        $('committees').textContent = String(standing.committees ?? '–');
        $('mediators').textContent = String(standing.mediators ?? '–');
        $('advisor-covered').textContent = String(coverage.covered ?? '–');
        $('advisor-villages').textContent = String(coverage.villages ?? '–');
        $('advisor-rate').textContent = coverage.rate === null || coverage.rate === undefined ? '—' : Number(coverage.rate).toFixed(1) + '%';
        const uncovered = coverage.uncovered || [];
        $('advisor-uncovered').textContent = uncovered.length ? uncovered.map((v) => v.name).join('、') : '无';
    }

    /** Advisors behind their monthly on-site hours or quarterly lectures, per village. */
    function renderCommitments(behind) {
        $('advisors-behind-count').textContent = String(behind.length);
        const body = $('advisors-behind').querySelector('tbody');
        body.replaceChildren();
        if (!behind.length) {
            const tr = el('tr');
            const td = el('td', 'empty', '本月各村（社区）法律顾问均已达到服务承诺');
            td.colSpan = 4;
            tr.append(td);
            body.append(tr);
        }
        behind.forEach((c) => {
            const tr = el('tr');
            const hours = el('td', null, c.onsiteHours + ' / ' + c.committedHours);
            if (Number(c.onsiteHours) < c.committedHours) hours.className = 'bad';
            const lectures = el('td', null, c.lecturesInQuarter + ' / ' + c.committedLectures);
            if (c.lecturesInQuarter < c.committedLectures) lectures.className = 'bad';
            tr.append(el('td', null, c.advisorName), el('td', null, c.villageName || regionLabel(c.villageCode)), hours,
                lectures);
            body.append(tr);
        });
    }

    /** The year's top topics (episodes published, plays) and most played episodes, as the API orders them. */
    function renderVideos(videos) {
        const topics = videos.topics || [];
        const episodes = videos.episodes || [];
        const list = $('video-topics');
        list.replaceChildren();
        if (!topics.length) list.append(el('li', 'empty', '暂无已发布的普法视频'));
        topics.forEach((t) => {
            const li = el('li');
            li.append(el('span', null, t.label), el('b', null, t.episodes + ' 期 · 播放 ' + t.plays + ' 人次'));
            list.append(li);
        });
        const top = $('video-episodes');
        top.replaceChildren();
        if (!episodes.length) top.append(el('li', 'empty', '本年暂无播放'));
        episodes.forEach((e) => {
            const li = el('li');
            const name = '《' + e.columnName + '》第' + e.episodeNo + '期 ' + e.title;
            li.append(el('span', null, name), el('b', null, e.plays + ' 人次'));
            top.append(li);
        });
    }

    // ---------------------------------------------------------------- annual report

    function setUpYears(today) {
        const year = Number(String(today).slice(0, 4));
        const select = $('report-year');
        select.replaceChildren();
        for (let y = year; y > year - 5; y--) select.append(option(String(y), y + ' 年'));
        select.value = String(year);
    }

    function reportQuery() {
        return query({ region: state.region, year: $('report-year').value });
    }

    async function loadReport() {
        const box = $('report-paragraphs');
        const seq = ++state.reportSeq;
        box.setAttribute('aria-busy', 'true');
        try {
            const report = await json('/api/reports/annual' + reportQuery());
            if (seq !== state.reportSeq) return;
            box.replaceChildren();
            (report.paragraphs || []).forEach((p) => box.append(el('p', null, p)));
            if (!box.children.length) box.append(el('p', 'empty', '本年度暂无数据。'));
        } catch (e) {
            if (e.status !== 401) box.replaceChildren(el('p', 'error', e.message));
        } finally {
            box.setAttribute('aria-busy', 'false');
        }
    }

    function fileName(disposition, fallback) {
        const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '') || /filename="?([^";]+)"?/i.exec(disposition || '');
        if (!m) return fallback;
        try {
            return decodeURIComponent(m[1]);
        } catch (e) {
            return m[1];
        }
    }

    /** fetch → blob → a temporary link: the download carries the Authorization header. */
    async function download(kind, button) {
        button.disabled = true;
        try {
            const res = await api('/api/reports/annual/' + kind + reportQuery(), '*/*');
            const fallback = '法治政府建设情况报告-' + (state.names[state.region] || state.region) + '-' + $('report-year').value + '.' + kind;
            const url = URL.createObjectURL(await res.blob());
            const a = el('a');
            a.href = url;
            a.download = fileName(res.headers.get('Content-Disposition'), fallback);
            a.hidden = true;
            document.body.append(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(url), 60000);
        } catch (e) {
            if (e.status !== 401) showError(e.message);
        } finally {
            button.disabled = false;
        }
    }

    // ---------------------------------------------------------------- wiring

    document.addEventListener('DOMContentLoaded', () => {
        $('signin-form').addEventListener('submit', signIn);
        $('logout').addEventListener('click', () => signOut(null));
        $('refresh').addEventListener('click', () => load(state.region));
        $('region-picker').addEventListener('change', (e) => load(e.target.value));
        $('monthly-metric').addEventListener('change', () => {
            state.metricPicked = true; // the user's choice stays across refreshes; the default follows the data
            drawMonthly();
        });
        $('report-year').addEventListener('change', loadReport);
        $('report-docx').addEventListener('click', (e) => download('docx', e.currentTarget));
        $('report-xlsx').addEventListener('click', (e) => download('xlsx', e.currentTarget));
        window.addEventListener('resize', () => Object.keys(state.charts).forEach((k) => state.charts[k].resize()));
        if (sessionStorage.getItem(TOKEN_KEY)) {
            start().catch((e) => { if (e.status !== 401) signOut(e.message); });
        } else {
            showSignIn(null);
        }
    });
}());
