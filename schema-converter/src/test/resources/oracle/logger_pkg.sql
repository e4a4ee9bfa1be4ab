-- Synthetic: a realistic utility package (logging, LOBs, collections, dynamic SQL, cursors FOR UPDATE)
CREATE TABLE app_log (
  id          NUMBER GENERATED ALWAYS AS IDENTITY,
  logged_at   TIMESTAMP(6) WITH TIME ZONE DEFAULT SYSTIMESTAMP NOT NULL,
  lvl         VARCHAR2(10 CHAR) CONSTRAINT app_log_lvl_ck CHECK (lvl IN ('DEBUG', 'INFO', 'WARN', 'ERROR')),
  module      VARCHAR2(128),
  message     CLOB,
  call_stack  VARCHAR2(4000),
  CONSTRAINT app_log_pk PRIMARY KEY (id)
);

CREATE OR REPLACE PACKAGE logger AUTHID DEFINER IS
  SUBTYPE level_t IS app_log.lvl%TYPE;
  TYPE id_tab IS TABLE OF app_log.id%TYPE INDEX BY BINARY_INTEGER;
  TYPE text_tab IS TABLE OF VARCHAR2(4000);
  c_debug CONSTANT level_t := 'DEBUG';
  PROCEDURE log(p_level IN level_t, p_message IN VARCHAR2, p_module IN VARCHAR2 DEFAULT NULL);
  FUNCTION enabled(p_level IN level_t) RETURN BOOLEAN;
  PROCEDURE purge(p_older_than IN INTERVAL DAY TO SECOND DEFAULT INTERVAL '30' DAY);
  PROCEDURE recent(p_cur OUT SYS_REFCURSOR, p_limit IN PLS_INTEGER := 100);
  PRAGMA RESTRICT_REFERENCES(enabled, WNDS);
END logger;
/

CREATE OR REPLACE PACKAGE BODY logger IS
  g_level level_t := 'INFO';
  g_buffer text_tab := text_tab();

  FUNCTION rank_of(p IN level_t) RETURN PLS_INTEGER DETERMINISTIC IS
  BEGIN
    RETURN CASE UPPER(p) WHEN 'DEBUG' THEN 1 WHEN 'INFO' THEN 2 WHEN 'WARN' THEN 3 ELSE 4 END;
  END rank_of;

  FUNCTION enabled(p_level IN level_t) RETURN BOOLEAN IS
  BEGIN
    RETURN rank_of(p_level) >= rank_of(g_level);
  END enabled;

  PROCEDURE log(p_level IN level_t, p_message IN VARCHAR2, p_module IN VARCHAR2 DEFAULT NULL) IS
    PRAGMA AUTONOMOUS_TRANSACTION;
    l_clob  CLOB;
    l_id    app_log.id%TYPE;
    l_start TIMESTAMP := SYSTIMESTAMP;
  BEGIN
    IF NOT enabled(p_level) THEN
      RETURN;
    END IF;
    DBMS_LOB.CREATETEMPORARY(l_clob, TRUE);
    DBMS_LOB.APPEND(l_clob, TO_CLOB(p_message));
    INSERT INTO app_log (lvl, module, message, call_stack)
    VALUES (p_level, NVL(p_module, SYS_CONTEXT('USERENV', 'MODULE')), l_clob,
            SUBSTR(DBMS_UTILITY.FORMAT_CALL_STACK, 1, 4000))
    RETURNING id, message INTO l_id, l_clob;
    g_buffer.EXTEND;
    g_buffer(g_buffer.LAST) := TO_CHAR(l_id) || ':' || EXTRACT(SECOND FROM (SYSTIMESTAMP - l_start));
    g_buffer := g_buffer MULTISET UNION DISTINCT text_tab('marker');
    COMMIT;
  EXCEPTION
    WHEN OTHERS THEN
      ROLLBACK;
      DBMS_OUTPUT.PUT_LINE(q'!logger failed: !' || SQLCODE || ' ' || SQLERRM);
  END log;

  PROCEDURE purge(p_older_than IN INTERVAL DAY TO SECOND DEFAULT INTERVAL '30' DAY) IS
    CURSOR c_old IS
      SELECT id FROM app_log WHERE logged_at < SYSTIMESTAMP - p_older_than FOR UPDATE NOWAIT;
    l_ids  id_tab;
    l_rows PLS_INTEGER := 0;
  BEGIN
    OPEN c_old;
    LOOP
      FETCH c_old BULK COLLECT INTO l_ids LIMIT 500;
      EXIT WHEN l_ids.COUNT = 0;
      FORALL i IN VALUES OF l_ids
        DELETE FROM app_log WHERE id = l_ids(i);
      l_rows := l_rows + SQL%ROWCOUNT;
    END LOOP;
    CLOSE c_old;
    FOR r IN (WITH old AS (SELECT id FROM app_log WHERE ROWNUM <= 10) SELECT id FROM old) LOOP
      UPDATE app_log SET message = EMPTY_CLOB() WHERE id = r.id;
    END LOOP;
    EXECUTE IMMEDIATE q'[DELETE FROM app_log WHERE lvl = :l]' USING c_debug;
    log('INFO', 'purged ' || l_rows || ' rows', p_module => $$PLSQL_UNIT);
  END purge;

  PROCEDURE recent(p_cur OUT SYS_REFCURSOR, p_limit IN PLS_INTEGER := 100) IS
  BEGIN
    OPEN p_cur FOR
      SELECT l.id, l.logged_at, l.lvl, DBMS_LOB.SUBSTR(l.message, 200, 1) msg
        FROM app_log l
       WHERE l.id IN (SELECT COLUMN_VALUE FROM TABLE(CAST(g_buffer AS text_tab)))
          OR l.lvl = 'ERROR'
       ORDER BY l.logged_at DESC
       FETCH FIRST p_limit ROWS ONLY;
  END recent;
BEGIN
  SELECT NVL(MAX(value), 'INFO') INTO g_level FROM app_settings WHERE name = 'LOG_LEVEL';
EXCEPTION
  WHEN NO_DATA_FOUND THEN
    g_level := 'INFO';
END logger;
/
SHOW ERRORS PACKAGE BODY logger
EXEC logger.log('INFO', 'installed')
