-- Exchange packages that carry only what changed since the package a commune last acknowledged.
--
-- exchange_sent     the office's record of what each package for a unit
--                   held: per table, each row's key and a short hash of
--                   its values (hashes: JSON), kept from the package the
--                   commune last acknowledged on, so that the next package
--                   carries the rows that differ from any of them and the
--                   keys of every row (the copy drops the others)
-- exchange_units.ack_seq
--                   the office's package the commune's last applied return
--                   was written on (0: none yet; the next package is whole)
-- exchange_self.received
--                   a commune copy: every row of the office's packages as
--                   it last received them (JSON), on which the next package
--                   that carries only changes is laid
CREATE TABLE exchange_sent (
    unit_id BIGINT NOT NULL REFERENCES units(id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    hashes TEXT NOT NULL,
    PRIMARY KEY (unit_id, seq)
);

ALTER TABLE exchange_units ADD COLUMN ack_seq INTEGER NOT NULL DEFAULT 0 CHECK (ack_seq >= 0);

ALTER TABLE exchange_self ADD COLUMN received TEXT;
