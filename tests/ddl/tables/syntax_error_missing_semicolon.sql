-- expect: error parse::syntax
CREATE TABLE a (id BIGINT)
CREATE TABLE b (id BIGINT);
