-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.sales [PRE_LOAD] from line 2
--   MY-PG-0122 HIGH @2:1: PostgreSQL allows no primary or unique key on a table partitioned by an expression (YEAR(sold))
--   MY-PG-0122 HIGH @2:1: range partitioning of sales (3 partitions)
CREATE TABLE golden.sales (
    id integer NOT NULL,
    sold date NOT NULL,
    amount numeric(10,2),
    PRIMARY KEY (id, sold)
);

-- TABLE golden.readings [PRE_LOAD] from line 8
--   MY-PG-0131 LOW @8:1: range columns partitioning of readings with 2 partitions
CREATE TABLE golden.readings (
    sensor integer NOT NULL,
    at timestamp(0) NOT NULL,
    v double precision
) PARTITION BY RANGE (sensor, at);
CREATE TABLE golden.readings_r0 PARTITION OF golden.readings FOR VALUES FROM (MINVALUE, MINVALUE) TO (100, '2024-01-01 00:00:00');
CREATE TABLE golden.readings_r1 PARTITION OF golden.readings FOR VALUES FROM (100, '2024-01-01 00:00:00') TO (MAXVALUE, MAXVALUE);

-- TABLE golden.regions [PRE_LOAD] from line 13
--   MY-PG-0131 LOW @13:1: list partitioning of regions with 2 partitions
CREATE TABLE golden.regions (
    id integer NOT NULL,
    region integer NOT NULL
) PARTITION BY LIST (region);
CREATE TABLE golden.regions_north PARTITION OF golden.regions FOR VALUES IN (1, 2);
CREATE TABLE golden.regions_south PARTITION OF golden.regions FOR VALUES IN (3);

-- TABLE golden.events [PRE_LOAD] from line 15
--   MY-PG-0131 LOW @15:1: hash partitioning of events with 3 partitions
CREATE TABLE golden.events (
    id integer NOT NULL,
    PRIMARY KEY (id)
) PARTITION BY HASH (id);
CREATE TABLE golden.events_p0 PARTITION OF golden.events FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE golden.events_p1 PARTITION OF golden.events FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE golden.events_p2 PARTITION OF golden.events FOR VALUES WITH (MODULUS 3, REMAINDER 2);

-- TABLE golden.sessions [PRE_LOAD] from line 16
--   MY-PG-0131 LOW @16:1: key partitioning of sessions with 2 partitions
CREATE TABLE golden.sessions (
    id integer NOT NULL,
    PRIMARY KEY (id)
) PARTITION BY HASH (id);
CREATE TABLE golden.sessions_p0 PARTITION OF golden.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE golden.sessions_p1 PARTITION OF golden.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);

-- TABLE golden.nested [PRE_LOAD] from line 17
--   MY-PG-0122 HIGH @17:1: range partitioning of nested (2 partitions, subpartitioned)
CREATE TABLE golden.nested (
    id integer NOT NULL,
    d date NOT NULL
);

-- TABLE golden.logs [PRE_LOAD] from line 21
--   MY-PG-0131 LOW @21:1: range partitioning of logs with 2 partitions
CREATE TABLE golden.logs (
    id integer NOT NULL,
    at date NOT NULL
) PARTITION BY RANGE (((CAST(at AS date) - DATE '0001-01-01' + 366)));
CREATE TABLE golden.logs_old PARTITION OF golden.logs FOR VALUES FROM (MINVALUE) TO ((CAST('2020-01-01' AS date) - DATE '0001-01-01' + 366));
CREATE TABLE golden.logs_cur PARTITION OF golden.logs FOR VALUES FROM ((CAST('2020-01-01' AS date) - DATE '0001-01-01' + 366)) TO (MAXVALUE);

