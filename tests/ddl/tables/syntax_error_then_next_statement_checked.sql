-- expect: error parse::syntax type::unknown
CREATE TABLE a (id BIGINT name TEXT);
CREATE TABLE b (id BIGINTT);
