/**
 * The laptop's first-run page (server/edge/setup-server.ts): plain HTML, no build, since nothing else is served yet.
 * Every text from the province is put in with textContent, never as HTML.
 */
export const SETUP_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chuẩn bị máy chủ điểm cầu</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2937;background:#f6f8fb}
main{max-width:760px;margin:0 auto;padding:24px 16px}
h1{font-size:22px;margin:0 0 4px;color:#0b4ea2}h2{font-size:18px;margin:0 0 8px}
.card{background:#fff;border:1px solid #dde3ec;border-radius:12px;padding:18px;margin:16px 0}
label{display:block;margin-bottom:12px}label span{display:block;font-weight:600;margin-bottom:4px}
small{display:block;color:#6b7280;font-size:13px;margin-top:2px}
input[type=text],input[type=url],input[type=password],input[type=number]{width:100%;box-sizing:border-box;font:inherit;padding:9px 10px;border:1px solid #b8c2d0;border-radius:8px}
button{font:inherit;padding:9px 16px;border-radius:8px;border:1px solid #0b4ea2;background:#0b4ea2;color:#fff;cursor:pointer;margin-right:8px}
button.secondary{background:#fff;color:#0b4ea2}button:disabled{opacity:.6;cursor:wait}
.muted{color:#6b7280}.alert{border-radius:8px;padding:10px 12px;margin:12px 0}
.error{background:#fdecec;border:1px solid #f3b4b4;color:#8a1c1c}.warn{background:#fff7e6;border:1px solid #f5c26b}
.ok{background:#eaf7ee;border:1px solid #9ed3ad}
.site{display:flex;gap:10px;align-items:flex-start;padding:8px 10px;border:1px solid #dde3ec;border-radius:8px;margin-bottom:8px}
.site input{margin-top:5px}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left}
td.code{font-family:ui-monospace,Consolas,monospace;font-size:16px;letter-spacing:1px}
#slips-print{display:none}
@media print{
  body{background:#fff}
  main>*:not(#slips-print){display:none!important}
  #slips-print{display:grid;grid-template-columns:1fr 1fr;gap:8px}
  .slip{border:1px dashed #555;padding:10px;break-inside:avoid;font-size:13px}
  .slip b.code{font-family:ui-monospace,Consolas,monospace;font-size:20px;letter-spacing:2px}
}
</style></head>
<body><main>
<h1>Chuẩn bị máy chủ điểm cầu</h1>
<p class="muted">Máy xách tay này sẽ phục vụ bài khảo sát cho người dự thi tại điểm cầu, kể cả khi đường truyền về máy chủ tỉnh
bị mất; bài làm được gửi về tỉnh khi có mạng trở lại. Lúc chuẩn bị máy cần có mạng.</p>
<div id="error" class="alert error" role="alert" hidden></div>

<form id="signin" class="card" novalidate>
  <h2>1. Đăng nhập máy chủ tỉnh</h2>
  <label><span>Địa chỉ máy chủ tỉnh</span><input type="url" name="upstream" placeholder="https://boiduong.sogd.gov.vn" required>
  <small>Địa chỉ trang Bồi dưỡng của Sở, như trên trình duyệt của ban tổ chức.</small></label>
  <label><span>Tên đăng nhập</span><input type="text" name="username" autocomplete="username" required>
  <small>Tài khoản của giám sát điểm cầu (hoặc của ban tổ chức).</small></label>
  <label><span>Mật khẩu</span><input type="password" name="password" autocomplete="current-password" required></label>
  <button type="submit">Đăng nhập và tìm điểm cầu</button>
</form>

<form id="choose" class="card" hidden novalidate>
  <h2>2. Chọn điểm cầu</h2>
  <div id="sites"></div>
  <label><span>Số điểm cầu</span><input type="number" name="siteId" min="1">
  <small>Điền khi điểm cầu không có trong danh sách trên: ban tổ chức xem số này ở thẻ “Máy chủ điểm cầu” của đợt bồi dưỡng.</small></label>
  <label><span>Tên máy (không bắt buộc)</span><input type="text" name="name" maxlength="120" placeholder="Ví dụ: Máy 2 — phòng họp">
  <small>Để trống thì máy mang tên điểm cầu.</small></label>
  <button type="submit">Chuẩn bị máy này</button>
  <small>Người dự thi của điểm cầu chưa bắt đầu làm trên máy chủ tỉnh sẽ làm bài trên máy này (không làm được trên máy chủ tỉnh nữa).</small>
</form>

<section id="done" class="card" hidden>
  <h2 id="done-title"></h2>
  <p id="done-summary"></p>
  <div class="alert warn"><b>Mã dự thi chỉ hiện một lần.</b> Máy này và máy chủ tỉnh chỉ giữ bản băm của mã: in phiếu hoặc
  tải tệp ngay bây giờ, phát cho từng người, rồi xóa tệp. Người dự thi đăng nhập bằng tên đăng nhập và nhập mã dự thi vào ô Mật khẩu.</div>
  <p><button type="button" id="print">In phiếu mã dự thi</button><button type="button" id="download" class="secondary">Tải tệp CSV</button></p>
  <div id="status" class="alert" role="status">Máy chủ điểm cầu đang khởi động…</div>
  <p id="monitor"></p>
  <table><thead><tr><th>Họ và tên</th><th>Đơn vị</th><th>Tên đăng nhập</th><th>Mã dự thi</th></tr></thead><tbody id="slips"></tbody></table>
</section>
<section id="left" class="card" hidden>
  <h2 id="left-title"></h2>
  <p class="muted">Những người này không làm bài trên máy này; họ làm trên máy chủ tỉnh nếu được phép.</p>
  <table><thead><tr><th>Họ và tên</th><th>Đơn vị</th><th>Bài khảo sát</th><th>Lý do</th></tr></thead><tbody id="left-rows"></tbody></table>
</section>
<div id="slips-print"></div>
</main>
<script>
const $ = (id) => document.getElementById(id);
let credentials = null;
let prepared = null;

function showError(message) {
  $('error').textContent = message || '';
  $('error').hidden = !message;
}

async function post(path, body) {
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new Error('Không gọi được chương trình trên máy này: kiểm tra cửa sổ dòng lệnh đang chạy boiduong edge.');
  }
  const reply = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(reply.message || 'Lỗi ' + response.status);
  return reply;
}

function busy(form, on) {
  for (const el of form.elements) el.disabled = on;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
}

$('signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const data = Object.fromEntries(new FormData(form));
  if (!data.upstream || !data.username || !data.password) {
    showError('Hãy điền đủ địa chỉ máy chủ tỉnh, tên đăng nhập và mật khẩu.');
    return;
  }
  showError('');
  busy(form, true);
  try {
    const { items } = await post('/setup/sites', data);
    credentials = data;
    const list = $('sites');
    list.replaceChildren();
    if (items.length === 0) {
      const p = document.createElement('p');
      p.className = 'muted';
      p.textContent = 'Tài khoản này không là giám sát của điểm cầu nào: điền số điểm cầu bên dưới.';
      list.append(p);
    }
    for (const site of items) {
      const label = document.createElement('label');
      label.className = 'site';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'site';
      radio.value = String(site.id);
      radio.checked = items.length === 1;
      const text = document.createElement('div');
      const name = document.createElement('b');
      name.textContent = site.name;
      const detail = document.createElement('small');
      detail.textContent = site.campaignName + ' · ' + site.participants + ' người · số ' + site.id;
      text.append(name, detail);
      label.append(radio, text);
      list.append(label);
    }
    $('choose').hidden = false;
    $('choose').scrollIntoView({ behavior: 'smooth' });
  } catch (err) {
    showError(err.message);
  } finally {
    busy(form, false);
  }
});

$('choose').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const data = Object.fromEntries(new FormData(form));
  const siteId = Number(data.siteId || data.site);
  if (!Number.isInteger(siteId) || siteId < 1) {
    showError('Hãy chọn một điểm cầu hoặc điền số điểm cầu.');
    return;
  }
  showError('');
  busy(form, true);
  busy($('signin'), true);
  try {
    prepared = await post('/setup/prepare', { ...credentials, siteId, name: data.name || undefined });
    showPrepared();
  } catch (err) {
    showError(err.message);
    busy(form, false);
    busy($('signin'), false);
  }
});

function showPrepared() {
  $('signin').hidden = true;
  $('choose').hidden = true;
  $('done').hidden = false;
  $('done-title').textContent = 'Đã chuẩn bị máy cho điểm cầu “' + prepared.siteName + '”';
  $('done-summary').textContent = prepared.people + ' người dự thi; bài khảo sát: ' + prepared.surveys.join('; ') + '.';
  const body = $('slips');
  const cards = $('slips-print');
  for (const slip of prepared.slips) {
    const row = body.insertRow();
    cell(row, slip.fullName);
    cell(row, slip.unitName);
    cell(row, slip.username);
    cell(row, slip.code, 'code');
    const card = document.createElement('div');
    card.className = 'slip';
    const lines = [
      ['PHIẾU DỰ THI — ', prepared.siteName],
      ['Họ và tên: ', slip.fullName],
      ['Đơn vị: ', slip.unitName],
      ['Tên đăng nhập: ', slip.username],
    ];
    for (const [label, value] of lines) {
      const div = document.createElement('div');
      div.textContent = label + value;
      card.append(div);
    }
    const code = document.createElement('div');
    const b = document.createElement('b');
    b.className = 'code';
    b.textContent = slip.code;
    code.append('Mã dự thi (nhập vào ô Mật khẩu): ', b);
    card.append(code);
    if (prepared.addresses.length > 0) {
      const where = document.createElement('div');
      where.textContent = 'Mở trên điện thoại: ' + prepared.addresses[0];
      card.append(where);
    }
    cards.append(card);
  }
  if (prepared.leftOnProvince.length > 0) {
    $('left').hidden = false;
    $('left-title').textContent = 'Không đưa lên máy này (' + prepared.leftOnProvince.length + ')';
    for (const l of prepared.leftOnProvince) {
      const row = $('left-rows').insertRow();
      cell(row, l.fullName);
      cell(row, l.unitName);
      cell(row, l.survey);
      cell(row, l.reason);
    }
  }
  waitForServer();
}

async function waitForServer() {
  for (;;) {
    try {
      const response = await fetch('/healthz', { cache: 'no-store' });
      if (response.ok) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const status = $('status');
  status.className = 'alert ok';
  const monitor = document.createElement('a');
  monitor.href = '/may-diem-cau';
  monitor.textContent = 'Theo dõi máy này (đường truyền, bài chờ gửi)';
  $('monitor').replaceChildren(monitor);
  status.textContent = prepared.addresses.length > 0
    ? 'Máy chủ điểm cầu đã sẵn sàng. Người dự thi kết nối Wi-Fi của điểm cầu và mở: ' + prepared.addresses.join(' hoặc ')
    : 'Máy chủ điểm cầu đã sẵn sàng tại ' + location.origin + '/thi. Máy chưa mở cho mạng nội bộ: hãy nối Wi-Fi của '
      + 'điểm cầu và chạy lại boiduong edge (HOST=0.0.0.0, mặc định).';
}

$('print').addEventListener('click', () => window.print());
$('download').addEventListener('click', () => {
  const blob = new Blob([prepared.csv], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'ma-du-thi-diem-cau-' + prepared.siteName + '.csv';
  a.click();
  URL.revokeObjectURL(a.href);
});
</script>
</body></html>`;
