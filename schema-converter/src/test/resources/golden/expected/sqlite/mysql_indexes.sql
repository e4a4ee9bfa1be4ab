-- TABLE main.parent [PRE_LOAD] AUTO_WITH_WARNINGS
--   XX-SQ-0103 INFO: Column id: the auto-number became the rowid
--   XX-SQ-0105 LOW: Check constraint chk_code (code <> '') not carried over
CREATE TABLE "parent" (
    "id" INTEGER NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT,
    PRIMARY KEY ("id")
);

-- TABLE main.child [PRE_LOAD] AUTO
--   XX-SQ-0103 INFO: Column id: the auto-number became the rowid
CREATE TABLE "child" (
    "id" INTEGER NOT NULL,
    "parent_id" INTEGER NOT NULL,
    "title" VARCHAR(200),
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_child_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- INDEX main.parent_code_key [POST_LOAD] AUTO
CREATE UNIQUE INDEX "parent_code_key" ON "parent" ("code");

-- INDEX main.uk_title_code [POST_LOAD] AUTO
CREATE UNIQUE INDEX "uk_title_code" ON "parent" ("title", "code");

-- INDEX main.idx_title [POST_LOAD] AUTO
CREATE INDEX "idx_title" ON "parent" ("title");

-- INDEX main.ft_body [POST_LOAD] MANUAL
--   XX-SQ-0107 LOW: Index ft_body on parent (fulltext) is not a plain column index
-- NOT CONVERTED

-- INDEX main.uk_child [POST_LOAD] AUTO
CREATE UNIQUE INDEX "uk_child" ON "child" ("parent_id", "title");

-- INDEX main.child_idx_title [POST_LOAD] AUTO
--   XX-SQ-0106 INFO: Index idx_title on child became child_idx_title
CREATE INDEX "child_idx_title" ON "child" ("title");

-- INDEX main.idx_child_parent_title [POST_LOAD] AUTO
CREATE INDEX "idx_child_parent_title" ON "child" ("parent_id", "title" DESC);

