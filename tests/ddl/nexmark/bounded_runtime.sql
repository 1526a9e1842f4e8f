-- expect: ok +config
CREATE TABLE bids WITH (connector = 'nexmark', event_rate = 1000, runtime = 60);
