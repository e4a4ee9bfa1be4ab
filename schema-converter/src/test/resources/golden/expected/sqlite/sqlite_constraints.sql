-- TABLE main.department [PRE_LOAD] AUTO
CREATE TABLE "department" (
    "dept_no" TEXT NOT NULL,
    "dept_name" TEXT NOT NULL,
    PRIMARY KEY ("dept_no")
);

-- TABLE main.employee [PRE_LOAD] AUTO_WITH_WARNINGS
--   XX-SQ-0105 LOW: Column full_name: generated as first_name || ' ' || last_name in the source; a plain column here
--   XX-SQ-0105 LOW: Check constraint (gender IN ('M','F')) not carried over
--   XX-SQ-0105 LOW: Check constraint (salary IS NOT NULL AND salary >= 0) not carried over
CREATE TABLE "employee" (
    "emp_no" INTEGER NOT NULL,
    "gender" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "email" TEXT,
    "full_name" TEXT,
    "salary" INTEGER,
    "dept_no" TEXT,
    "boss" INTEGER,
    "updated" TEXT DEFAULT (datetime('now')),
    PRIMARY KEY ("emp_no"),
    CONSTRAINT "fk_boss" FOREIGN KEY ("boss") REFERENCES "employee" ("emp_no"),
    FOREIGN KEY ("dept_no") REFERENCES "department" ("dept_no") ON DELETE SET NULL ON UPDATE CASCADE
);

-- INDEX main.department_dept_name_key [POST_LOAD] AUTO
CREATE UNIQUE INDEX "department_dept_name_key" ON "department" ("dept_name");

-- INDEX main.idx_employee_name [POST_LOAD] AUTO
CREATE INDEX "idx_employee_name" ON "employee" ("last_name", "first_name" DESC);

-- INDEX main.ux_employee_email [POST_LOAD] MANUAL
--   XX-SQ-0107 LOW: Index ux_employee_email on employee (btree) is not a plain column index
-- NOT CONVERTED

-- INDEX main.idx_employee_salary_flag [POST_LOAD] MANUAL
--   XX-SQ-0107 LOW: Index idx_employee_salary_flag on employee (btree) is not a plain column index
-- NOT CONVERTED

