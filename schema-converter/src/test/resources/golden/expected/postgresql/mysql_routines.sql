-- SCHEMA golden [PRE_LOAD] from line 0
CREATE SCHEMA golden;

-- TABLE golden.account [PRE_LOAD] from line 2
CREATE TABLE golden.account (
    id integer NOT NULL,
    owner varchar(40),
    balance numeric(10,2) DEFAULT 0 NOT NULL,
    created timestamp(0),
    PRIMARY KEY (id)
);

-- TABLE golden.audit [PRE_LOAD] from line 3
CREATE TABLE golden.audit (
    account_id integer,
    note varchar(100)
);

-- ROUTINE golden.balance_of [POST_LOAD] from line 5
--   MY-PG-0130 LOW @5:1: routine balance_of translated to PL/pgSQL
--   MY-PG-0129 LOW @9:3: DECLARE EXIT HANDLER FOR NOT FOUND became IF NOT FOUND checks after SELECT ... INTO
CREATE FUNCTION golden.balance_of(p_id integer) RETURNS numeric(10,2) LANGUAGE plpgsql AS $$
#variable_conflict use_variable
DECLARE
    v_balance numeric(10,2) := 0;
BEGIN
    SELECT balance INTO v_balance FROM golden.account WHERE id = p_id;
    IF NOT FOUND THEN
        RETURN -1;
    END IF;
    IF v_balance < 0 THEN
        RETURN 0;
    ELSIF v_balance > 1000 THEN
        v_balance := 1000;
    END IF;
    RETURN COALESCE(v_balance, 0);
END
$$;

-- ROUTINE golden.countdown [POST_LOAD] from line 24
--   MY-PG-0130 LOW @24:1: routine countdown translated to PL/pgSQL
CREATE FUNCTION golden.countdown(n integer) RETURNS integer LANGUAGE plpgsql AS $$
#variable_conflict use_variable
BEGIN
    <<lbl>> WHILE n > 0 LOOP
        n := n - 1;
        IF n = 5 THEN
            EXIT lbl;
        END IF;
    END LOOP;
    LOOP
        n := n + 1;
        EXIT WHEN n >= 7;
    END LOOP;
    RETURN n;
END
$$;

-- ROUTINE golden.reset_all [POST_LOAD] from line 30
--   MY-PG-0118 HIGH @30:1: procedure reset_all is not converted
-- NOT CONVERTED

-- ROUTINE golden.with_cursor [POST_LOAD] from line 33
--   MY-PG-0118 HIGH @33:1: routine with_cursor is not converted
--   MY-PG-0118 HIGH @35:3: DECLARE c CURSOR FOR SELECT id FROM account has no automatic PL/pgSQL translation
-- NOT CONVERTED

-- TRIGGER golden.account_created [POST_LOAD] from line 18
--   MY-PG-0130 LOW @18:1: trigger account_created translated to PL/pgSQL
CREATE FUNCTION golden.account_created() RETURNS trigger LANGUAGE plpgsql AS $$
#variable_conflict use_variable
BEGIN
    new.created := CURRENT_TIMESTAMP;
    RETURN NEW;
END
$$;
CREATE TRIGGER account_created BEFORE INSERT ON golden.account FOR EACH ROW EXECUTE FUNCTION golden.account_created();

-- TRIGGER golden.account_audit [POST_LOAD] from line 19
--   MY-PG-0130 LOW @19:1: trigger account_audit translated to PL/pgSQL
CREATE FUNCTION golden.account_audit() RETURNS trigger LANGUAGE plpgsql AS $$
#variable_conflict use_variable
BEGIN
    IF (old.balance != new.balance) THEN
        INSERT INTO golden.audit (account_id, note) VALUES (new.id, ('balance ' || old.balance || ' -> ' || new.balance));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER account_audit AFTER UPDATE ON golden.account FOR EACH ROW EXECUTE FUNCTION golden.account_audit();

