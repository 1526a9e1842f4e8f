-- expect: warning format::unsupported +config
CREATE TABLE nexmark WITH (connector = 'nexmark', event_rate = 10, format = 'json');
