-- SCHEMA golden [PRE_LOAD]
CREATE DATABASE IF NOT EXISTS golden CHARACTER SET utf8mb4;

-- TABLE parent [PRE_LOAD]
CREATE TABLE parent (
    id INT NOT NULL AUTO_INCREMENT,
    code VARCHAR(10) NOT NULL,
    title VARCHAR(200) NOT NULL,
    body TEXT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;

-- TABLE child [PRE_LOAD]
CREATE TABLE child (
    id INT NOT NULL AUTO_INCREMENT,
    parent_id INT NOT NULL,
    title VARCHAR(200) NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;

-- INDEX parent.idx_title [POST_LOAD]
CREATE INDEX idx_title ON parent (title(20));

-- INDEX parent.ft_body [POST_LOAD]
CREATE FULLTEXT INDEX ft_body ON parent (title, body);

-- INDEX child.idx_title [POST_LOAD]
CREATE INDEX idx_title ON child (title);

-- INDEX child.idx_child_parent_title [POST_LOAD]
CREATE INDEX idx_child_parent_title ON child (parent_id, title DESC);

-- CONSTRAINT parent.parent_code_key [POST_LOAD]
ALTER TABLE parent ADD CONSTRAINT parent_code_key UNIQUE (code);

-- CONSTRAINT parent.uk_title_code [POST_LOAD]
ALTER TABLE parent ADD CONSTRAINT uk_title_code UNIQUE (title, code);

-- CONSTRAINT chk_code [POST_LOAD]
ALTER TABLE parent ADD CONSTRAINT chk_code CHECK (code <> '');

-- CONSTRAINT child.uk_child [POST_LOAD]
ALTER TABLE child ADD CONSTRAINT uk_child UNIQUE (parent_id, title);

-- FOREIGN_KEY fk_child_parent [POST_LOAD]
ALTER TABLE child ADD CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE CASCADE;

