-- views: SQLite-only functions and operators translated on the parse tree
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, tag TEXT, born TEXT);
CREATE VIEW v_named AS
    SELECT id, ifnull(name, '?') AS name, iif(score > 5, 'high', 'low') AS band,
           instr(name, 'a') AS pos, substring(name, 1, 3) AS prefix
    FROM main.t
    WHERE name LIKE 'a%' AND tag IS NOT 'x' AND score == 1.5
    ORDER BY name COLLATE NOCASE
    LIMIT 5, 10;
CREATE VIEW v_agg AS
    SELECT tag, group_concat(name, ';') AS names, total(score) AS total_score, max(max(score), 0) AS floor_score, count(*) AS n
    FROM t GROUP BY tag;
CREATE VIEW v_nested AS SELECT n.tag, n.n FROM v_agg AS n WHERE n.n > 1;
CREATE VIEW v_untranslatable AS SELECT id, strftime('%Y', born) AS year FROM t;
CREATE VIEW "V Quoted"(a, b) AS SELECT id, x'CAFE' FROM t WHERE born ISNULL;
CREATE VIEW latest AS
    SELECT tag, MAX(born) AS born, min(score) AS low
    FROM t
    GROUP BY tag;
