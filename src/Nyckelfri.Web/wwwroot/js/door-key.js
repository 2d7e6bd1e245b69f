// The staff app's device key in the browser (docs/opening-doors.md, "The key in the browser").
// The key pair is made here with WebCrypto (ECDSA P-256, private half not extractable) and kept in
// IndexedDB, one record per login on this origin; the server only ever sees the public half. "Öppna"
// asks the server for a credential and the lock's challenge, signs the response here exactly as
// docs/lock-protocol.md "Response" defines, and hands the response back for the server to present.
// The response tag and protocol version come from the server (rendered from the C# constants).

const DB_NAME = 'nyckelfri-device-keys';
const STORE = 'keys';

// The order of P-256's base point: a low-S signature has s <= n / 2 (locks refuse the other encoding).
const N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551n;

export function base64(bytes) {
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
}

export function fromBase64(text) {
    return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}

export function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
}

/** A UUID's 16 bytes in RFC 9562 order (the order of the hex digits in its text). */
export function uuidBytes(uuid) {
    const hex = uuid.replace(/-/g, '');
    return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.substr(i * 2, 2), 16));
}

function toBigInt(bytes) {
    return bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}

/** r || s with s replaced by n - s when s > n / 2 (WebCrypto's ECDSA output is already IEEE P1363 r || s). */
export function lowS(signature) {
    const s = toBigInt(signature.slice(32));
    if (s <= N / 2n) return signature;
    let low = N - s;
    const out = signature.slice();
    for (let i = 63; i >= 32; i--) { out[i] = Number(low & 0xFFn); low >>= 8n; }
    return out;
}

export async function sign(privateKey, bytes) {
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, bytes));
    return lowS(signature);
}

/** The enrolment proof's signed bytes: tag || challenge (32) || digital key id (16) || public key (65). */
export function enrolmentSignedBytes(tag, challenge, digitalKeyId, publicKey) {
    return concat(new TextEncoder().encode(tag), challenge, uuidBytes(digitalKeyId), publicKey);
}

/** The lock's challenge message: type 0x02, version, lock id (16), nonce length (1), nonce, lock time (8). */
export function parseChallenge(bytes) {
    if (bytes.length < 19 || bytes[0] !== 0x02) throw new Error('Låsets utmaning gick inte att läsa.');
    const n = bytes[18];
    return { version: bytes[1], lockId: bytes.slice(2, 18), nonce: bytes.slice(19, 19 + n) };
}

/** The response's signed bytes: tag || version || lock id (from the challenge) || n || nonce || SHA-256(credential). */
export async function responseSignedBytes(tag, version, challenge, credential) {
    const { lockId, nonce } = parseChallenge(challenge);
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', credential));
    return concat(new TextEncoder().encode(tag), Uint8Array.of(version), lockId, Uint8Array.of(nonce.length), nonce, hash);
}

/** The response message: 0x03, version, n, nonce, credential length (2, big-endian), credential, signature (64). */
export function responseBytes(version, challenge, credential, signature) {
    const { nonce } = parseChallenge(challenge);
    return concat(Uint8Array.of(0x03, version, nonce.length), nonce,
        Uint8Array.of(credential.length >> 8, credential.length & 0xFF), credential, signature);
}

function store(mode, action) {
    return new Promise((resolve, reject) => {
        const open = indexedDB.open(DB_NAME, 1);
        open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'login' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
            const tx = open.result.transaction(STORE, mode);
            const request = action(tx.objectStore(STORE));
            tx.oncomplete = () => { open.result.close(); resolve(request.result); };
            tx.onerror = () => { open.result.close(); reject(tx.error); };
        };
    });
}

/** This login's key pair on this origin, made (not extractable) and stored on first use. */
export async function deviceKey(login) {
    const stored = await store('readonly', s => s.get(login));
    if (stored) return stored;
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const record = { login, privateKey: pair.privateKey, publicKey, createdAt: new Date().toISOString() };
    await store('readwrite', s => s.put(record));
    return record;
}

/** The page's antiforgery token: the API refuses a cookie-authenticated write without it. */
function antiforgeryToken() {
    return document.querySelector('meta[name="request-verification-token"]')?.getAttribute('content') ?? '';
}

async function post(url, body) {
    const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'RequestVerificationToken': antiforgeryToken() },
        body: JSON.stringify(body ?? {}), credentials: 'same-origin',
    });
    const text = await response.text();
    return { ok: response.ok, status: response.status, body: text ? JSON.parse(text) : {} };
}

class Problem extends Error {
    constructor(body) {
        super(body.detail || firstError(body) || body.title || 'Något gick fel. Försök igen.');
        this.body = body;
    }
}

function firstError(body) {
    const errors = body.errors ? Object.values(body.errors).flat() : [];
    return errors[0];
}

/** Enrols this browser's key on the login's web-app key, with a proof of possession (and the password when it replaces another device's). */
export async function enrol(key, password) {
    const challenge = await post('/api/v1/me/device-key/challenge');
    if (!challenge.ok) throw new Problem(challenge.body);
    const c = challenge.body;
    const proof = await sign(key.privateKey, enrolmentSignedBytes(c.tag, fromBase64(c.challenge), c.digitalKeyId, key.publicKey));
    const enrolled = await post('/api/v1/me/device-key', {
        challengeId: c.challengeId, publicKey: base64(key.publicKey), proof: base64(proof), password: password ?? null,
    });
    if (!enrolled.ok) throw new Problem(enrolled.body);
    return enrolled.body;
}

/** The whole opening: credential and challenge, the signature here, the response presented by the server. */
export async function open(login, lockId, breakGlassReason, askPassword) {
    const key = await deviceKey(login);
    const path = breakGlassReason === undefined ? 'challenge' : 'break-glass-challenge';
    for (let attempt = 0; attempt < 3; attempt++) {
        const step = await post(`/api/v1/doors/${lockId}/${path}`, { holderPublicKey: base64(key.publicKey), reason: breakGlassReason });
        if (step.ok) {
            const c = step.body;
            const challenge = fromBase64(c.challenge);
            const credential = fromBase64(c.credential);
            const signature = await sign(key.privateKey, await responseSignedBytes(c.responseTag, c.protocolVersion, challenge, credential));
            const outcome = await post(`/api/v1/doors/${lockId}/response`,
                { response: base64(responseBytes(c.protocolVersion, challenge, credential, signature)) });
            if (!outcome.ok) throw new Problem(outcome.body);
            return outcome.body;
        }
        const code = step.body.code;
        if (code === 'device-key-not-enrolled') await enrol(key, null);
        else if (code === 'device-key-elsewhere') {
            const password = await askPassword(step.body.detail);
            if (password === null) return { opened: false, message: 'Avbrutet: dörren öppnades inte.' };
            await enrol(key, password);
        } else throw new Problem(step.body);
    }
    throw new Error('Nyckeln kunde inte registreras. Försök igen.');
}

// ---- The page: buttons marked data-open-lock, a status region next to each (role="status"). ----

function show(status, ok, message) {
    status.textContent = message;
    status.className = `door-result alert ${ok ? 'alert-success' : 'alert-danger'} mt-2 mb-0 w-100`;
}

/** Asks for the password next to the button: resolves with it, or null when cancelled. */
function passwordPrompt(status) {
    return explanation => new Promise(resolve => {
        const form = document.createElement('form');
        form.className = 'door-password mt-2 w-100';
        const id = `pw-${Math.random().toString(36).slice(2)}`;
        form.innerHTML = `<p class="mb-2"></p><label class="form-label" for="${id}">Ditt lösenord</label>
            <input id="${id}" type="password" class="form-control mb-2" autocomplete="current-password" required>
            <div class="d-flex gap-2"><button type="submit" class="btn btn-primary">Flytta nyckeln hit</button>
            <button type="button" class="btn btn-outline-secondary">Avbryt</button></div>`;
        form.querySelector('p').textContent = explanation;
        status.after(form);
        const input = form.querySelector('input');
        input.focus();
        const done = value => { form.remove(); resolve(value); };
        form.addEventListener('submit', e => { e.preventDefault(); done(input.value); });
        form.querySelector('button[type=button]').addEventListener('click', () => done(null));
    });
}

function bind(root) {
    const login = root.dataset.login;
    for (const button of document.querySelectorAll('[data-open-lock]')) {
        const status = document.getElementById(button.dataset.status);
        const form = button.closest('form[data-break-glass]');
        const run = async () => {
            let reason;
            if (form) {
                const field = form.querySelector('textarea');
                const error = form.querySelector('.text-danger');
                reason = field.value;
                error.textContent = '';
                field.removeAttribute('aria-invalid');
            }
            button.disabled = true;
            status.className = 'door-result mt-2 mb-0 w-100';
            status.textContent = 'Öppnar …';
            try {
                const outcome = await open(login, button.dataset.openLock, reason, passwordPrompt(status));
                show(status, outcome.opened, outcome.message);
            } catch (e) {
                const reasonError = e.body?.errors?.reason;
                if (form && reasonError) {
                    const field = form.querySelector('textarea');
                    form.querySelector('.text-danger').textContent = reasonError[0];
                    field.setAttribute('aria-invalid', 'true');
                    show(status, false, 'Dörren öppnades inte.');
                    field.focus();
                } else show(status, false, e.message || 'Något gick fel. Försök igen.');
            } finally {
                button.disabled = false;
            }
        };
        if (form) form.addEventListener('submit', e => { e.preventDefault(); run(); });
        else button.addEventListener('click', run);
        button.disabled = false;
    }
}

const root = document.getElementById('door-key');
if (root) {
    if (window.crypto?.subtle && window.indexedDB) bind(root);
    else root.querySelector('.door-key-unsupported')?.removeAttribute('hidden');
}
