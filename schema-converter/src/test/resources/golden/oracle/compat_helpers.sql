CREATE TABLE contracts (contract_id NUMBER(6) PRIMARY KEY, code VARCHAR2(40), signed DATE, ended DATE);
CREATE VIEW contract_terms AS
  SELECT contract_id, MONTHS_BETWEEN(ended, signed) months_run,
         INSTR(code, '-', 1, 2) second_dash, INSTR(code, '-', -1) last_dash
  FROM contracts;
CREATE VIEW contract_codes AS
  SELECT contract_id, INSTR(code, '-') first_dash FROM contracts;
