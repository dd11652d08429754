-- Offline exchange packages: an office's key and its communes' returns, a commune copy's own state, and the conflicts left to resolve.
--
-- exchange_self     one row, this database's part in exchanges:
--   role             'office' (makes packages for communes) or 'commune'
--                    (a commune's copy opened from an office's package)
--   office_id        the office's identity (random, hex); a commune copy
--                    keeps the office's it reports to
--   public_key, secret_key
--                    this side's libsodium signing keys (hex)
--   unit_id          a commune copy's unit (its ids are the office's)
--   office_key       a commune copy: the office's public key, from the
--                    first package it opened
--   base_seq         a commune copy: the number of the office's package it
--                    holds
--   sent_seq         a commune copy: the number of its last return package
--   return_token     a commune copy: the office's token for its first
--                    return, which registers its key
-- exchange_units    the office's record per commune: its packages out (the
--                   last number, when, the token its first return must
--                   carry) and back (the commune's key, the last number
--                   applied, its checksum, when)
-- exchange_base     a commune copy's rows as it last received or sent
--                   them, by table and id (data: a JSON array in the
--                   table's exchange column order), against which its
--                   changes are found; origin 'office' for a row the
--                   office's package brought (its id is the office's),
--                   'commune' for one made in the copy
-- exchange_ids      the office's id of each row a commune made in its
--                   copy and sent back, by the copy's id
-- exchange_conflicts
--                   a field both the office and a commune changed since the
--                   commune's copy, with the three values, of a row by id
--                   (tasks) or by its key columns (row_key, "XA/FW/2026/1.1"
--                   of a result); state 'open' until resolved ('office' or
--                   'commune' kept)
CREATE TABLE exchange_self (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    role TEXT NOT NULL CHECK (role IN ('office', 'commune')),
    office_id TEXT NOT NULL,
    public_key TEXT NOT NULL,
    secret_key TEXT NOT NULL,
    unit_id BIGINT REFERENCES units(id),
    office_key TEXT NOT NULL DEFAULT '',
    base_seq INTEGER NOT NULL DEFAULT 0 CHECK (base_seq >= 0),
    sent_seq INTEGER NOT NULL DEFAULT 0 CHECK (sent_seq >= 0),
    return_token TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE exchange_units (
    unit_id BIGINT PRIMARY KEY REFERENCES units(id),
    out_seq INTEGER NOT NULL DEFAULT 0 CHECK (out_seq >= 0),
    out_at TEXT,
    return_token TEXT NOT NULL DEFAULT '',
    commune_key TEXT NOT NULL DEFAULT '',
    in_seq INTEGER NOT NULL DEFAULT 0 CHECK (in_seq >= 0),
    in_sha256 TEXT NOT NULL DEFAULT '',
    in_at TEXT
);

CREATE TABLE exchange_base (
    table_name TEXT NOT NULL,
    row_id BIGINT NOT NULL,
    data TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'office' CHECK (origin IN ('office', 'commune')),
    PRIMARY KEY (table_name, row_id)
);

CREATE TABLE exchange_ids (
    unit_id BIGINT NOT NULL REFERENCES units(id),
    table_name TEXT NOT NULL,
    commune_id BIGINT NOT NULL,
    office_id BIGINT NOT NULL,
    PRIMARY KEY (unit_id, table_name, commune_id)
);

CREATE TABLE exchange_conflicts (
    id {{PK}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    package_seq INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id BIGINT NOT NULL,
    row_key TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL,
    base TEXT,
    office TEXT,
    commune TEXT,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'office', 'commune')),
    created_at TEXT NOT NULL,
    resolved_by TEXT,
    resolved_at TEXT
);

CREATE INDEX exchange_conflicts_open_idx ON exchange_conflicts (state, unit_id, id);

ALTER TABLE exchange_packages ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
