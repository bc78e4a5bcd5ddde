"""Sunboard's canonical forms (docs/LEDGER.md) written a second time, in plain Python.

Anyone can hash a record version and a ledger entry with this alone; scripts/bench-verify uses it to
chain generated records, which proves the document is enough to reproduce the server's hashes.
"""

import hashlib


def quote(text):
    """A JSON string literal: quote, backslash and control characters escaped, the rest as itself."""
    out = ['"']
    for ch in text:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def value(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int):
        return str(v)
    return quote(v)


def form(kind, version, lines):
    """`sunboard/<kind>/<version>` and one `name: value` line per field, each ending in a line feed."""
    return f"sunboard/{kind}/{version}\n" + "".join(f"{name}: {value(v)}\n" for name, v in lines)


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(kind, record_id, version, fields):
    """A record version's canonical form: its kind, id and version, then its fields in byte order of their keys."""
    lines = [("record.kind", kind), ("record.id", record_id), ("record.version", version)]
    lines += sorted(fields.items(), key=lambda item: item[0].encode("utf-8"))
    return form("record", 1, lines)


def entry(sequence, event, kind, record_id, version, recorded_at, payload_sha256, previous_sha256):
    """A ledger entry of format 2; its SHA-256 is the entry's hash."""
    return form("ledger-entry", 2, [
        ("sequence", sequence), ("event", event), ("kind", kind), ("record", record_id), ("version", version),
        ("recorded_at", recorded_at), ("payload_sha256", payload_sha256), ("previous_sha256", previous_sha256)])


def secret(value, salt):
    """How a value the public may not see is written: its digest with the record's secret salt."""
    return "sha256:" + sha256(salt + "\n" + value)
