-- expect: error parse::syntax
-- A comma missing between two options on one line: the help and the fix add it.
CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', bootstrap_servers = 'b:1', topic = 't' type = 'source', format = 'json');
