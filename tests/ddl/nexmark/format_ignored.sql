-- expect: warning format::unsupported
CREATE TABLE nexmark WITH (connector = 'nexmark', event_rate = 10, format = 'json');
