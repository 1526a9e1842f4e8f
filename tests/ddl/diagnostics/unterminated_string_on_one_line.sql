-- expect: error parse::syntax
-- A string left open on a one-line statement swallows the next key: reported where it opens.
CREATE TABLE t (id BIGINT) WITH (connector = 'kafka', bootstrap_servers = 'b:1', topic = 't, type = 'source', format = 'json');
