-- checks, unique keys, foreign keys, defaults, generated columns and indexes
CREATE TABLE department (
    dept_no TEXT NOT NULL,
    dept_name TEXT NOT NULL,
    PRIMARY KEY (dept_no),
    UNIQUE (dept_name)
);
CREATE TABLE employee (
    emp_no INTEGER NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('M','F')),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT COLLATE NOCASE,
    full_name TEXT GENERATED ALWAYS AS (first_name || ' ' || last_name) VIRTUAL,
    salary INTEGER CHECK (salary IS NOT NULL AND salary >= 0),
    dept_no TEXT REFERENCES department (dept_no) ON DELETE SET NULL ON UPDATE CASCADE,
    boss INTEGER,
    updated TEXT DEFAULT (datetime('now')),
    PRIMARY KEY (emp_no),
    CONSTRAINT fk_boss FOREIGN KEY (boss) REFERENCES employee DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idx_employee_name ON employee (last_name, first_name DESC);
CREATE UNIQUE INDEX ux_employee_email ON employee (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX idx_employee_salary_flag ON employee (ifnull(salary, 0));
