-- keys and indexes: unique, prefix, FULLTEXT, SPATIAL, foreign keys, names MySQL scopes per table
CREATE TABLE parent (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(10) NOT NULL UNIQUE,
  title VARCHAR(200) NOT NULL,
  body TEXT,
  KEY idx_title (title(20)),
  UNIQUE KEY uk_title_code (title, code),
  FULLTEXT KEY ft_body (title, body),
  CONSTRAINT chk_code CHECK (code <> '')
);
CREATE TABLE child (
  id INT NOT NULL AUTO_INCREMENT,
  parent_id INT NOT NULL,
  title VARCHAR(200),
  PRIMARY KEY (id),
  KEY idx_title (title),
  CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX idx_child_parent_title ON child (parent_id, title DESC);
ALTER TABLE child ADD CONSTRAINT uk_child UNIQUE (parent_id, title);
