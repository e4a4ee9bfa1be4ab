-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- SEQUENCE golden.all_types_id_seq [PRE_LOAD] from line 2
CREATE SEQUENCE golden.all_types_id_seq START WITH 1001;

-- TABLE golden.all_types [PRE_LOAD] from line 2
--   MY-PG-0102 INFO @2:1: Column id: BIGINT UNSIGNED → numeric(20) with a range check
--   MY-PG-0101 INFO @2:1: Column t1: tinyint(1) → boolean
--   MY-PG-0102 INFO @2:1: Column t: TINYINT UNSIGNED → smallint with a range check
--   MY-PG-0116 INFO @2:1: Column s: ZEROFILL dropped
--   MY-PG-0102 INFO @2:1: Column s: SMALLINT UNSIGNED ZEROFILL → integer with a range check
--   MY-PG-0102 INFO @2:1: Column i: INT(11) UNSIGNED → bigint with a range check
--   MY-PG-0103 LOW @2:1: Column c uses character set latin1
--   MY-PG-0125 LOW @2:1: Column v: collation utf8mb4_general_ci dropped
--   MY-PG-0110 LOW @2:1: Column dt: zero-date default '0000-00-00' dropped
--   MY-PG-0104 INFO @2:1: Column ts: timestamp → timestamptz
--   MY-PG-0105 LOW @2:1: Column tm: time keeps only times of day
--   MY-PG-0106 INFO @2:1: Column y: year → smallint
--   MY-PG-0107 INFO @2:1: Column e: ENUM → varchar(6) with a CHECK
--   MY-PG-0108 LOW @2:1: Column st: SET → text with a CHECK on its members
--   MY-PG-0112 LOW @2:1: Virtual column full_name became STORED
--   MY-PG-0121 INFO @2:1: Table options of All_Types dropped: charset=utf8mb4, engine=InnoDB
CREATE TABLE golden.all_types (
    id numeric(20) DEFAULT nextval('golden.all_types_id_seq') NOT NULL CHECK (id >= 0),
    t1 boolean DEFAULT FALSE NOT NULL,
    t smallint DEFAULT '7' CHECK (t BETWEEN 0 AND 255),
    s integer CHECK (s >= 0),
    m integer,
    i bigint CHECK (i >= 0),
    d numeric(10,2) DEFAULT 0.00 NOT NULL,
    f real,
    dbl double precision,
    b1 boolean DEFAULT TRUE,
    b8 bit varying(8),
    c char(3),
    v varchar(100),
    tt text,
    lt text,
    bl bytea,
    vb bytea,
    dt date,
    dtm timestamp(3) DEFAULT LOCALTIMESTAMP,
    ts timestamptz(0),
    tm time(2),
    y smallint CHECK (y = 0 OR y BETWEEN 1901 AND 2155),
    e varchar(6) DEFAULT 'small' CHECK (e IN ('small', 'medium', 'it''s')),
    st text CHECK (string_to_array(st, ',') <@ ARRAY['a', 'b', 'c']::text[]),
    j jsonb,
    full_name varchar(201) GENERATED ALWAYS AS ((v || ' ' || c)) STORED,
    PRIMARY KEY (id)
);

-- COMMENT golden.all_types [PRE_LOAD] from line 2
COMMENT ON TABLE golden.all_types IS 'every type';

-- TRIGGER golden.all_types_on_update [POST_LOAD] from line 2
--   MY-PG-0111 INFO @2:1: ON UPDATE of All_Types.dtm became trigger all_types_on_update
CREATE FUNCTION golden.all_types_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
        IF NEW.dtm IS NOT DISTINCT FROM OLD.dtm THEN
            NEW.dtm := LOCALTIMESTAMP;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER all_types_on_update BEFORE UPDATE ON golden.all_types FOR EACH ROW EXECUTE FUNCTION golden.all_types_on_update();

-- IDENTITY_RESTART golden.all_types_id_restart [POST_LOAD] from line 2
SELECT setval('golden.all_types_id_seq', GREATEST(COALESCE(max(id), 0) + 1, 1001)::bigint, false) FROM golden.all_types;

