PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "customer" (
	"id"	INTEGER NOT NULL,
	"email"	TEXT NOT NULL UNIQUE COLLATE NOCASE,
	"name"	VARCHAR(80),
	"balance"	NUMERIC(12, 2) DEFAULT 0.00 CHECK("balance" >= 0),
	"created"	DATETIME DEFAULT (datetime('now')),
	PRIMARY KEY("id" AUTOINCREMENT)
);
INSERT INTO customer VALUES(1,'a@example.com','Ann',1.5,'2024-01-01 10:00:00');
INSERT INTO customer VALUES(2,'b@example.com',replace('B\nob','\n',char(10)),0,NULL);
CREATE TABLE "order" (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped')),
  total REAL GENERATED ALWAYS AS (0) VIRTUAL,
  payload BLOB DEFAULT x'00',
  UNIQUE (customer_id, id) ON CONFLICT ABORT
) STRICT;
CREATE TABLE kv (k TEXT PRIMARY KEY, v ANY) WITHOUT ROWID, STRICT;
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('customer',2);
CREATE INDEX customer_name ON customer (name COLLATE NOCASE DESC);
CREATE UNIQUE INDEX order_open ON "order" (customer_id) WHERE status <> 'shipped';
CREATE VIEW open_orders AS
  SELECT o.id, c.email, json_extract(o.payload, '$.x') ->> '$.y' AS y
  FROM "order" o JOIN customer c ON c.id = o.customer_id
  WHERE o.status <> 'shipped' AND EXISTS (SELECT 1 FROM kv WHERE k = 'open')
  ORDER BY o.id LIMIT 100;
CREATE TRIGGER order_status AFTER UPDATE OF status ON "order"
FOR EACH ROW WHEN NEW.status = 'paid'
BEGIN
  INSERT INTO kv (k, v) VALUES ('paid:' || NEW.id, CASE WHEN NEW.total > 100 THEN 'big' ELSE 'small' END)
    ON CONFLICT (k) DO UPDATE SET v = excluded.v;
  UPDATE customer SET balance = balance - NEW.total WHERE id = NEW.customer_id;
  SELECT RAISE(ABORT, 'negative balance') WHERE (SELECT balance FROM customer WHERE id = NEW.customer_id) < 0;
END;
COMMIT;
