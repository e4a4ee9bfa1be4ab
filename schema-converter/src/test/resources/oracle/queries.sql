-- Synthetic: MERGE, CONNECT BY, (+) joins, EXECUTE IMMEDIATE, analytics, DDL variety
CREATE GLOBAL TEMPORARY TABLE tmp_ids (id NUMBER(*,0) PRIMARY KEY) ON COMMIT PRESERVE ROWS;

CREATE TABLE sales (
  sale_id     NUMBER GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1 NOCACHE),
  region      VARCHAR2(10 BYTE) DEFAULT ON NULL 'EU' NOT NULL,
  sold_at     TIMESTAMP(3) WITH LOCAL TIME ZONE,
  amount      NUMBER(12,2) CONSTRAINT sales_amount_ck CHECK (amount >= 0) DEFERRABLE INITIALLY DEFERRED,
  amount_eur  AS (amount * 1.1) VIRTUAL,
  tax         GENERATED ALWAYS AS (ROUND(amount * 0.2, 2)) VIRTUAL,
  warranty    INTERVAL YEAR(2) TO MONTH,
  duration    INTERVAL DAY(3) TO SECOND(6),
  ratio       BINARY_DOUBLE,
  f           FLOAT(126),
  notes       NCLOB,
  doc         BLOB,
  raw_id      RAW(16),
  legacy      LONG RAW,
  nm          NVARCHAR2(50),
  code        NCHAR(2),
  x           XMLTYPE,
  j           JSON,
  rid         ROWID,
  "Mixed Case" VARCHAR2(5 CHAR),
  customer_id NUMBER REFERENCES customers (customer_id) ON DELETE SET NULL,
  CONSTRAINT sales_pk PRIMARY KEY (sale_id) USING INDEX TABLESPACE users ENABLE VALIDATE,
  CONSTRAINT sales_region_fk FOREIGN KEY (region) REFERENCES regions (code) ON DELETE CASCADE NOVALIDATE
)
TABLESPACE users PCTFREE 10 INITRANS 2 LOGGING
STORAGE (INITIAL 64K NEXT 1M MAXEXTENTS UNLIMITED)
LOB (doc) STORE AS SECUREFILE (TABLESPACE users ENABLE STORAGE IN ROW)
COMPRESS FOR OLTP
PARTITION BY RANGE (sold_at) INTERVAL (NUMTOYMINTERVAL(1, 'MONTH'))
( PARTITION p2020 VALUES LESS THAN (TIMESTAMP '2021-01-01 00:00:00') TABLESPACE users,
  PARTITION pmax VALUES LESS THAN (MAXVALUE) );

CREATE TABLE codes (code VARCHAR2(5), label VARCHAR2(50), CONSTRAINT codes_pk PRIMARY KEY (code))
  ORGANIZATION INDEX;
CREATE TABLE hashed (id NUMBER) PARTITION BY HASH (id) PARTITIONS 8;
CREATE TABLE listed (region VARCHAR2(2)) PARTITION BY LIST (region)
  (PARTITION p_eu VALUES ('DE', 'FR'), PARTITION p_other VALUES (DEFAULT));
CREATE UNIQUE INDEX sales_u ON sales (region, UPPER(code) DESC) REVERSE TABLESPACE idx COMPUTE STATISTICS;
CREATE BITMAP INDEX sales_region_bx ON sales (region) LOCAL NOLOGGING;
CREATE SEQUENCE sales_seq START WITH 1 INCREMENT BY -1 MAXVALUE 999999999 MINVALUE -5 CYCLE CACHE 20 ORDER;
CREATE OR REPLACE FORCE EDITIONABLE VIEW v_sales (id, region CONSTRAINT v_pk PRIMARY KEY RELY DISABLE NOVALIDATE) AS
  SELECT sale_id, region FROM sales WITH CHECK OPTION;
CREATE MATERIALIZED VIEW mv_sales BUILD IMMEDIATE REFRESH FAST ON COMMIT ENABLE QUERY REWRITE AS
  SELECT region, COUNT(*) cnt FROM sales GROUP BY region;
CREATE OR REPLACE PUBLIC SYNONYM sales FOR app.sales@remote_db;
CREATE OR REPLACE TYPE address_t AS OBJECT (
  street VARCHAR2(100),
  city   VARCHAR2(50),
  MEMBER FUNCTION label RETURN VARCHAR2,
  CONSTRUCTOR FUNCTION address_t(p_city VARCHAR2) RETURN SELF AS RESULT
) NOT FINAL;
/
CREATE OR REPLACE TYPE phones_t AS VARRAY(5) OF VARCHAR2(20);
/
CREATE OR REPLACE TYPE address_tab AS TABLE OF address_t;
/
CREATE OR REPLACE TYPE BODY address_t AS
  MEMBER FUNCTION label RETURN VARCHAR2 IS
  BEGIN
    RETURN street || ', ' || city;
  END;
  CONSTRUCTOR FUNCTION address_t(p_city VARCHAR2) RETURN SELF AS RESULT IS
  BEGIN
    SELF.city := p_city;
    RETURN;
  END;
END;
/
COMMENT ON TABLE sales IS 'Sales facts';
COMMENT ON COLUMN sales.region IS q'{Region code, e.g. 'EU'}';
ALTER TABLE sales ADD (discount NUMBER(5,2) DEFAULT 0 NOT NULL, CONSTRAINT disc_ck CHECK (discount BETWEEN 0 AND 100));
ALTER TABLE sales MODIFY (region VARCHAR2(20) DEFAULT 'EU', notes NULL);
ALTER TABLE sales DROP COLUMN legacy CASCADE CONSTRAINTS;
ALTER TABLE sales DROP CONSTRAINT disc_ck;
ALTER TABLE sales RENAME COLUMN nm TO name_n;
ALTER TABLE sales DISABLE CONSTRAINT sales_amount_ck;

MERGE INTO sales s
USING (SELECT id, amt FROM staging WHERE amt IS NOT NULL) st
ON (s.sale_id = st.id)
WHEN MATCHED THEN UPDATE SET s.amount = st.amt WHERE s.amount <> st.amt DELETE WHERE st.amt = 0
WHEN NOT MATCHED THEN INSERT (sale_id, amount) VALUES (st.id, st.amt) WHERE st.amt > 0;

SELECT LPAD(' ', 2 * (LEVEL - 1)) || e.last_name AS name, LEVEL, SYS_CONNECT_BY_PATH(e.last_name, '/') path,
       CONNECT_BY_ROOT e.last_name root, CONNECT_BY_ISLEAF leaf
  FROM employees e
 START WITH e.manager_id IS NULL
CONNECT BY NOCYCLE PRIOR e.employee_id = e.manager_id
 ORDER SIBLINGS BY e.last_name;

SELECT e.last_name, d.department_name, l.city
  FROM employees e, departments d, locations l
 WHERE e.department_id = d.department_id(+)
   AND d.location_id = l.location_id (+)
   AND e.hire_date BETWEEN DATE '2005-01-01' AND ADD_MONTHS(SYSDATE, -12)
   AND e.last_name LIKE 'S\_%' ESCAPE '\'
   AND e.salary > ALL (SELECT salary FROM employees WHERE department_id = 10)
   AND EXISTS (SELECT 1 FROM job_history jh WHERE jh.employee_id = e.employee_id)
   AND e.job_id NOT IN ('AD_PRES', 'AD_VP');

WITH dept_costs AS (
  SELECT department_id, SUM(salary) total FROM employees GROUP BY ROLLUP (department_id)
), avg_cost AS (SELECT AVG(total) avg_total FROM dept_costs)
SELECT DISTINCT d.department_id, d.total,
       RANK() OVER (PARTITION BY d.department_id ORDER BY d.total DESC NULLS LAST) rnk,
       SUM(d.total) OVER (ORDER BY d.department_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) running,
       MAX(d.total) KEEP (DENSE_RANK FIRST ORDER BY d.department_id) first_total,
       LISTAGG(d.department_id, ',') WITHIN GROUP (ORDER BY d.department_id) OVER (PARTITION BY 1) ids,
       CAST(d.total AS NUMBER(10,2)) t2, EXTRACT(YEAR FROM SYSDATE) yr, INTERVAL '1' DAY one_day,
       INTERVAL '1-6' YEAR TO MONTH ym, sales_seq.NEXTVAL nv, ROWID, ROWNUM,
       CASE WHEN d.total > 100 THEN 'high' WHEN d.total IS NULL THEN NULL ELSE 'low' END band,
       DECODE(d.department_id, 10, 'ten', 'other') dec, JSON_VALUE(j.doc, '$.a' RETURNING NUMBER NULL ON ERROR) ja,
       TREAT(x AS address_t).city city
  FROM dept_costs d CROSS JOIN avg_cost a
  LEFT OUTER JOIN departments dep ON dep.department_id = d.department_id
  JOIN locations USING (location_id)
  NATURAL JOIN regions
 WHERE d.total > a.avg_total AND j.doc IS JSON
 GROUP BY CUBE (d.department_id, d.total), GROUPING SETS ((d.department_id), ())
HAVING COUNT(*) > 1
UNION ALL
SELECT 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 FROM dual
MINUS
SELECT 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 FROM dual
ORDER BY 1 OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY;

INSERT ALL
  INTO t1 (a, b) VALUES (x, y)
  INTO t2 VALUES (x)
SELECT x, y FROM src;

INSERT INTO big_sales SELECT * FROM sales WHERE amount > 1000;
UPDATE sales SET amount = amount * 1.1, region = DEFAULT WHERE sale_id IN (SELECT id FROM tmp_ids);
DELETE sales WHERE sold_at < SYSTIMESTAMP - INTERVAL '2' YEAR;

DECLARE
  v_sql   VARCHAR2(4000);
  v_cnt   PLS_INTEGER;
  v_cur   SYS_REFCURSOR;
  v_row   sales%ROWTYPE;
BEGIN
  <<outer_loop>>
  FOR i IN 1..3 LOOP
    v_sql := 'SELECT COUNT(*) FROM sales WHERE region = :r';
    EXECUTE IMMEDIATE v_sql INTO v_cnt USING IN 'EU';
    EXECUTE IMMEDIATE 'TRUNCATE TABLE tmp_ids';
    EXECUTE IMMEDIATE 'UPDATE sales SET amount = 0 WHERE sale_id = :1 RETURNING amount INTO :2'
      USING i RETURNING INTO v_cnt;
    EXIT outer_loop WHEN v_cnt > 10;
  END LOOP outer_loop;
  OPEN v_cur FOR SELECT * FROM sales WHERE region = 'EU';
  OPEN v_cur FOR v_sql USING 'EU';
  FETCH v_cur INTO v_row;
  IF v_cur%NOTFOUND OR NOT v_cur%ISOPEN OR v_cur%FOUND THEN
    GOTO done;
  END IF;
  SAVEPOINT before_upd;
  SET TRANSACTION READ ONLY;
  ROLLBACK TO SAVEPOINT before_upd;
  <<done>>
  NULL;
END;
/
DROP TABLE tmp_ids CASCADE CONSTRAINTS PURGE;
DROP SEQUENCE sales_seq;
DROP PACKAGE BODY app.order_api;
GRANT SELECT, INSERT ON sales TO reporting WITH GRANT OPTION;
REVOKE INSERT ON sales FROM reporting;
