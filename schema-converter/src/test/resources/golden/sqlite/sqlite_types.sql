-- SQLite declared types, affinity, identities and table options
CREATE TABLE "Artist" (
    [ArtistId] INTEGER NOT NULL,
    [Name] NVARCHAR(120),
    CONSTRAINT [PK_Artist] PRIMARY KEY ([ArtistId])
);
CREATE TABLE counter (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label VARCHAR(40) NOT NULL DEFAULT 'none',
    price NUMERIC(10,2) DEFAULT 0,
    ratio REAL,
    blobby BLOB,
    anything,
    flag BOOLEAN NOT NULL DEFAULT 0,
    created DATETIME DEFAULT CURRENT_TIMESTAMP,
    born DATE,
    weird VARYING CHARACTER(10),
    amount MONEYISH,
    big UNSIGNED BIG INT
);
CREATE TABLE pairs (
    a TEXT NOT NULL,
    b INTEGER NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE TABLE strict_t (
    id INTEGER PRIMARY KEY,
    v ANY,
    n INT
) STRICT;
