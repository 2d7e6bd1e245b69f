#!/usr/bin/env python3
"""Checks a Nyckelfri audit proof bundle without Nyckelfri (docs/audit-log.md, "Checking it yourself").

    python3 tools/audit-verify.py bundle.json [--verifier-key KEY]

The bundle (JSON, format nyckelfri-audit-proof/v1) holds the municipality's published verifier key,
signed checkpoints (C2SP tlog-checkpoint in a C2SP signed note, ECDSA P-256, signature type 0x02),
inclusion proofs and consistency proofs. Pass --verifier-key with the key you got from the municipality
itself: a bundle's own key proves nothing about who signed. Every checkpoint's signature, every inclusion
proof (RFC 9162 2.1.3.2) and every consistency proof (RFC 9162 2.1.4.2) is checked. Exit 0 and "OK" when all
hold; exit 1 with the first reason otherwise. Needs Python 3 and the cryptography package
(Debian: python3-cryptography).
"""
import base64
import binascii
import hashlib
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec


class Refused(Exception):
    pass


def b64(text, what):
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise Refused(f"{what} is not base64")
    if base64.b64encode(raw).decode() != text:
        raise Refused(f"{what} is not canonical base64")
    return raw


def leaf_hash(entry):
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def parse_verifier_key(key):
    parts = key.split("+", 2)
    if len(parts) != 3 or len(parts[1]) != 8:
        raise Refused("the verifier key is not name+keyid+key")
    name, key_id, raw = parts[0], int(parts[1], 16), b64(parts[2], "the verifier key")
    if len(raw) < 2 or raw[0] != 0x02:
        raise Refused("the verifier key is not an ECDSA (0x02) key")
    spki = raw[1:]
    if int.from_bytes(hashlib.sha256(spki).digest()[:4], "big") != key_id:
        raise Refused("the verifier key's key id does not match its key")
    public_key = serialization.load_der_public_key(spki)
    if not isinstance(public_key, ec.EllipticCurvePublicKey) or public_key.curve.name != "secp256r1":
        raise Refused("the verifier key is not ECDSA P-256")
    return name, key_id, public_key


def open_checkpoint(note, verifier):
    name, key_id, public_key = verifier
    if any(ord(c) < 0x20 and c != "\n" for c in note):
        raise Refused("the note contains a control character")
    split = note.rfind("\n\n")
    if split < 0:
        raise Refused("no blank line separates the text from the signatures")
    text, signatures = note[: split + 1], note[split + 2 :]
    if not signatures.endswith("\n"):
        raise Refused("the signatures do not end in a newline")
    trusted = False
    for line in signatures[:-1].split("\n"):
        if not line.startswith("\u2014 ") or line.count(" ") != 2:
            raise Refused(f"malformed signature line {line[:40]!r}")
        _, signer, encoded = line.split(" ")
        raw = b64(encoded, "a signature")
        if len(raw) < 5:
            raise Refused("a signature is too short")
        if signer != name or int.from_bytes(raw[:4], "big") != key_id:
            continue  # another key (a witness): ignored, as the signed-note spec says
        try:
            public_key.verify(raw[4:], text.encode("utf-8"), ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            raise Refused(f"the signature by {signer} does not verify")
        trusted = True
    if not trusted:
        raise Refused(f"no signature by {name}")
    lines = text[:-1].split("\n")
    if len(lines) < 3 or any(line == "" for line in lines):
        raise Refused("the checkpoint has fewer than three lines or an empty line")
    origin, size, root = lines[0], lines[1], lines[2]
    if not size.isascii() or not size.isdigit() or (len(size) > 1 and size[0] == "0"):
        raise Refused(f"the tree size {size!r} is not a decimal number")
    root_hash = b64(root, "the root hash")
    if len(root_hash) != 32:
        raise Refused("the root hash is not 32 bytes")
    return origin, int(size), root_hash


def verify_inclusion(index, size, leaf, proof, root):
    if index < 0 or index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(size1, size2, root1, root2, proof):
    if size1 > size2:
        return False
    if size1 == size2:
        return not proof and root1 == root2
    if size1 == 0:
        return not proof and root1 == hashlib.sha256(b"").digest()
    if not proof:
        return False
    path = ([root1] if size1 & (size1 - 1) == 0 else []) + list(proof)
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == root1 and sr == root2 and sn == 0


def hashes_of(items, what):
    out = [b64(item, what) for item in items]
    if any(len(h) != 32 for h in out):
        raise Refused(f"{what} holds a hash that is not 32 bytes")
    return out


def check(bundle, verifier_key):
    if bundle.get("format") != "nyckelfri-audit-proof/v1":
        raise Refused("not a nyckelfri-audit-proof/v1 bundle")
    verifier = parse_verifier_key(verifier_key or bundle["verifierKey"])
    checkpoints = [open_checkpoint(note, verifier) for note in bundle["checkpoints"]]
    if len({origin for origin, _, _ in checkpoints}) > 1:
        raise Refused("the checkpoints are of more than one log")
    for n, item in enumerate(bundle.get("inclusion", [])):
        _, size, root = checkpoints[item["checkpoint"]]
        leaf = b64(item["leafHash"], "a leaf hash")
        if item.get("entry") is not None and leaf_hash(b64(item["entry"], "an entry")) != leaf:
            raise Refused(f"inclusion proof {n}: the entry does not give its leaf hash")
        if not verify_inclusion(item["leafIndex"], size, leaf, hashes_of(item["proof"], "an inclusion proof"), root):
            raise Refused(f"inclusion proof {n}: entry {item['leafIndex']} is not in the tree of size {size}")
    for n, item in enumerate(bundle.get("consistency", [])):
        _, size1, root1 = checkpoints[item["from"]]
        _, size2, root2 = checkpoints[item["to"]]
        if not verify_consistency(size1, size2, root1, root2, hashes_of(item["proof"], "a consistency proof")):
            raise Refused(f"consistency proof {n}: the tree of size {size1} is not a prefix of the tree of size {size2}")
    return len(checkpoints), len(bundle.get("inclusion", [])), len(bundle.get("consistency", []))


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--verifier-key"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            bundle = json.load(f)
        counts = check(bundle, argv[3] if len(argv) == 4 else None)
    except Refused as refused:
        print(f"FAILED: {refused}", file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
        print(f"FAILED: the bundle does not read ({type(error).__name__}: {error})", file=sys.stderr)
        return 1
    print("OK: %d checkpoints signed, %d inclusion proofs, %d consistency proofs" % counts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
