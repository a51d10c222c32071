// The web chat page: shows the transcript the server streams (Server-Sent Events), sends what
// the person types, presses or uploads (POST with the session's CSRF token). Bot messages are
// text only (textContent); the bot's buttons are real buttons; the typed answer stays in the box
// until the server has taken it, however long the connection is down.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const log = $('log');
  const text = $('text');
  const errorBox = $('error');
  const offline = $('offline');
  const toast = $('toast');
  let csrf = '';
  let maxFileBytes = 10 * 1024 * 1024;
  let busy = false;
  const messages = new Map();

  // The page's words in Chinese and, where the site has English (publisher.yaml languages), English.
  const WORDS = {
    zh: {
      step: (n, of, title) => `第 ${n} 步，共 ${of} 步（还剩 ${of - n} 步）：${title}`,
      me: '我',
      bot: '办理助手',
      download: '下载',
      signedIn: (unit) => `已登录：${unit}（可报送新条目）`,
      tooBig: (size, max) => `文件过大（${size} MB）：上限为 ${max} MB。请压缩或拆分后再上传。`,
      uploadFailed: '上传失败，请重试。',
      uploadOffline: '无法连接服务器，请稍后重新上传。',
      switchTo: 'English',
    },
    en: {
      step: (n, of, title) => `Step ${n} of ${of} (${of - n} to go): ${title}`,
      me: 'Me',
      bot: 'Assistant',
      download: 'Download',
      signedIn: (unit) => `Signed in: ${unit} (may submit new entries)`,
      tooBig: (size, max) =>
        `The file is too big (${size} MB): the limit is ${max} MB. Compress or split it.`,
      uploadFailed: 'The upload failed; please try again.',
      uploadOffline: 'Cannot reach the server; upload again in a moment.',
      switchTo: '中文',
    },
  };
  const STATIC_EN = [
    ['h1', 'Online services'],
    ['#who', 'Objections, credit repair and progress'],
    ['[data-command="/objection"]', 'Object to an entry'],
    ['[data-command="/repair"]', 'Credit repair'],
    ['[data-command="/status"]', 'Progress'],
    ['[data-command="/new"]', 'Submit a new entry'],
    ['[data-command="/cancel"]', 'Cancel'],
    ['#offline', 'Cannot reach the server; retrying… (what you typed is kept)'],
    ['.chat-file span', 'Upload a file'],
    ['#send', 'Send'],
  ];
  let lang = 'zh';
  const w = () => WORDS[lang];
  function applyLanguage() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    if (lang !== 'en') return;
    document.title = 'Online services · Credit lists';
    for (const [selector, text] of STATIC_EN) document.querySelector(selector).textContent = text;
    text.placeholder = 'Type your answer; Enter sends, Shift+Enter starts a new line';
    for (const [selector, label] of [
      ['nav', 'Services'],
      ['#step-bar', 'Progress'],
      ['#log', 'Conversation'],
      ['#upload', 'Upload progress'],
    ])
      document.querySelector(selector).setAttribute('aria-label', label);
    document.querySelector('label[for="text"]').textContent = 'Your answer';
  }

  const showError = (message) => (errorBox.textContent = message || '');
  const showToast = (message) => {
    toast.textContent = message;
    setTimeout(() => toast.textContent === message && (toast.textContent = ''), 6000);
  };
  const setOffline = (down) => (offline.hidden = !down);
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));

  /** POSTs JSON; network failures are retried until the server answers (the answer is kept). */
  async function post(path, body, retry = true) {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(`api/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify(body),
          credentials: 'same-origin',
        });
        setOffline(false);
        const answer = await response.json().catch(() => ({}));
        if (!response.ok)
          throw Object.assign(new Error(answer.error || `服务器错误 ${response.status}`), {
            refused: true,
          });
        return answer;
      } catch (error) {
        if (error.refused || !retry) throw error;
        setOffline(true);
        await wait(Math.min(10000, 1000 * 2 ** attempt));
      }
    }
  }

  /** The step a question shows: "(3/12) 标题". */
  function showStep(message) {
    const m = /^\((\d+)\/(\d+)\)\s*(.*)$/m.exec(message.split('\n')[0] || '');
    $('step').hidden = !m;
    if (!m) return;
    const [n, of] = [Number(m[1]), Number(m[2])];
    $('step-text').textContent = w().step(n, of, m[3]);
    $('step-bar').max = of;
    $('step-bar').value = n;
  }

  function renderButtons(box, id, rows) {
    box.replaceChildren();
    for (const row of rows || []) {
      const line = document.createElement('div');
      line.className = 'chat-row';
      for (const b of row) {
        if (b.data.startsWith('url:')) {
          const a = document.createElement('a');
          a.href = b.data.slice(4);
          a.textContent = b.text;
          a.rel = 'noopener noreferrer';
          line.append(a);
          continue;
        }
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = b.text;
        button.addEventListener('click', () => press(id, b.data, button));
        line.append(button);
      }
      box.append(line);
    }
  }

  /** Only the latest question's buttons can be pressed; older ones are put away. */
  function disableOlderButtons(latest) {
    for (const [id, m] of messages) if (id !== latest) m.buttons.hidden = true;
  }

  function render(e) {
    document.body.dataset.seen = e.seq;
    if (e.kind === 'toast') return showToast(e.text);
    if (e.kind === 'edit' || e.kind === 'delete') {
      const m = messages.get(e.id);
      if (!m) return;
      if (e.kind === 'delete') return m.el.remove();
      if (e.text !== undefined) m.body.textContent = e.text;
      if (e.buttons) renderButtons(m.buttons, e.id, e.buttons);
      return;
    }
    const el = document.createElement('article');
    el.className = `chat-msg chat-${e.kind === 'user' ? 'user' : 'bot'}`;
    el.setAttribute('aria-label', e.kind === 'user' ? w().me : w().bot);
    const body = document.createElement('p');
    body.className = 'chat-text';
    body.textContent =
      e.kind === 'file' ? `📄 ${e.name}${e.caption ? `\n${e.caption}` : ''}` : e.text;
    el.append(body);
    if (e.kind === 'file' && e.fileId.startsWith('webfile-')) {
      const a = document.createElement('a');
      a.href = `api/files/${e.fileId}`;
      a.textContent = w().download;
      el.append(a);
    }
    const buttons = document.createElement('div');
    buttons.className = 'chat-buttons';
    el.append(buttons);
    log.append(el);
    if (e.kind === 'bot') {
      messages.set(e.seq, { el, body, buttons });
      renderButtons(buttons, e.seq, e.buttons);
      // A message without buttons (a refusal, a note) leaves the question's buttons in place.
      if (e.buttons.length) disableOlderButtons(e.seq);
      showStep(e.text);
    }
    // The newest message (and its buttons) just above the reply box.
    scrollTo(0, document.documentElement.scrollHeight);
  }

  async function send(body) {
    if (busy) return false;
    busy = true;
    $('send').disabled = true;
    showError('');
    try {
      const answer = await post('send', body);
      // The transcript's position once the bot has answered (tests wait for the page to get there).
      document.body.dataset.awaiting = answer.seq;
      return true;
    } catch (error) {
      showError(error.message);
      return false;
    } finally {
      busy = false;
      $('send').disabled = false;
    }
  }

  async function press(id, data, button) {
    button.setAttribute('aria-pressed', 'true');
    await send({ messageId: id, data });
  }

  $('compose').addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = text.value;
    if (!value.trim()) return;
    // The typed answer is cleared only once the server has it.
    if (await send({ text: value })) text.value = '';
    text.focus();
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('compose').requestSubmit();
    }
  });
  for (const b of document.querySelectorAll('[data-command]'))
    b.addEventListener('click', () => send({ text: b.dataset.command }));

  $('file').addEventListener('change', () => {
    const file = $('file').files[0];
    if (!file) return;
    showError('');
    if (file.size > maxFileBytes)
      return showError(
        w().tooBig((file.size / 1048576).toFixed(1), (maxFileBytes / 1048576).toFixed(0)),
      );
    const bar = $('upload');
    const request = new XMLHttpRequest();
    request.open('POST', 'api/upload');
    request.setRequestHeader('x-csrf-token', csrf);
    request.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    bar.hidden = false;
    bar.value = 0;
    request.upload.addEventListener(
      'progress',
      (e) => e.lengthComputable && (bar.value = e.loaded / e.total),
    );
    request.addEventListener('loadend', () => {
      bar.hidden = true;
      $('file').value = '';
      if (request.status === 200) {
        document.body.dataset.awaiting = JSON.parse(request.responseText).seq;
        return;
      }
      let reason = w().uploadFailed;
      try {
        reason = JSON.parse(request.responseText).error || reason;
      } catch {}
      showError(request.status === 0 ? w().uploadOffline : reason);
    });
    request.send(file);
  });

  function connect() {
    const source = new EventSource('api/events');
    source.addEventListener('open', () => setOffline(false));
    source.addEventListener('message', (event) => render(JSON.parse(event.data)));
    // EventSource reconnects by itself and resumes after the last event it saw.
    source.addEventListener(
      'error',
      () => source.readyState !== EventSource.OPEN && setOffline(true),
    );
  }

  async function start() {
    const params = new URLSearchParams(location.search);
    const wanted =
      params.get('lang') ||
      localStorage.getItem('honghei-chat-lang') ||
      (navigator.language.startsWith('en') ? 'en' : 'zh');
    const session = await post('session', { lang: wanted === 'en' ? 'en' : 'zh-CN' });
    csrf = session.csrf;
    lang = session.lang === 'en' ? 'en' : 'zh';
    applyLanguage();
    if ((session.languages || []).includes('en')) {
      const toggle = $('lang');
      toggle.hidden = false;
      toggle.textContent = w().switchTo;
      toggle.lang = lang === 'en' ? 'zh-CN' : 'en';
      toggle.addEventListener('click', () => {
        localStorage.setItem('honghei-chat-lang', lang === 'en' ? 'zh' : 'en');
        location.search = '';
      });
    }
    maxFileBytes = session.maxFileBytes || maxFileBytes;
    const invite = /invite=([\w-]+)/.exec(location.hash);
    if (invite) {
      history.replaceState(null, '', location.pathname + location.search);
      try {
        const redeemed = await post('redeem', { invite: invite[1] });
        session.unit = redeemed.unit;
      } catch (error) {
        showError(error.message);
      }
    }
    if (session.unit) {
      $('who').textContent = w().signedIn(session.unit);
      $('cmd-new').hidden = false;
    }
    connect();
    const deepLink = params.get('start');
    if (deepLink && /^[\w-]{1,80}$/.test(deepLink)) {
      history.replaceState(null, '', location.pathname);
      await send({ text: `/start ${deepLink}` });
    }
    text.focus();
  }
  start().catch((error) => showError(error.message));
})();
