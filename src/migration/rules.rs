//! What Flink's and RisingWave's connector options become here, as data: one [`Rule`] per
//! foreign key (or key prefix), grouped per foreign connector in [`CONNECTORS`]. The facts
//! are those of `reference/flink-risingwave.md`.

/// Whose name a rule maps (said in the message, so the reader knows why we mention it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Who {
    Flink,
    RisingWave,
    Both,
}

impl Who {
    pub(crate) fn possessive(self) -> &'static str {
        match self {
            Who::Flink => "Flink's",
            Who::RisingWave => "RisingWave's",
            Who::Both => "Flink's and RisingWave's",
        }
    }
}

/// What a foreign option becomes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum To {
    /// Our option of that key; the value as written unless a [`ValueMap`] says otherwise.
    Key(&'static str),
    /// No equivalent, and leaving it out keeps the table's meaning (runtime tuning, or what
    /// we always do); the text says why.
    Drop(&'static str),
    /// No equivalent, and leaving it out changes what the table does: the user decides. The
    /// text says what to do instead, if anything.
    No(&'static str),
}

/// What one foreign value of an option becomes (values are matched case-insensitively).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Val {
    /// Our value, and options to add when the table does not set them yet.
    Is(&'static str, &'static [(&'static str, &'static str)]),
    /// With this value, the option can be left out (it is what we do anyway): why.
    Drop(&'static str),
    /// No equivalent for this value: what to do instead.
    No(&'static str),
}

/// A value computed from the one written (a stream ARN → its name), or why not.
pub(crate) type Compute = fn(&str) -> Result<String, &'static str>;

/// One foreign option.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    /// The foreign key, or a key prefix when `prefix`.
    pub key: &'static str,
    pub prefix: bool,
    pub who: Who,
    pub to: To,
    /// Foreign values that differ from ours; other values are kept as written.
    pub values: &'static [(&'static str, Val)],
    /// Options to add with it (when the table does not set them yet).
    pub extra: &'static [(&'static str, &'static str)],
    /// The value, computed from the one written.
    pub compute: Option<Compute>,
    /// Options with no equivalent that are one feature (the key's format and fields, a
    /// start position and its timestamp) share a group: the table hears of it once.
    pub group: Option<&'static str>,
    /// What the rest of the table is checked with while this option has no equivalent
    /// (so that, say, a credential it carried is not reported missing as well).
    pub stand_in: &'static [(&'static str, &'static str)],
    /// The key is ours too, with values of ours: it is read as foreign only when the
    /// table is foreign by other signs (`format = 'avro'` is valid here as written).
    pub weak: bool,
}

impl Rule {
    const fn new(key: &'static str, to: To) -> Rule {
        Rule {
            key,
            prefix: false,
            who: Who::Flink,
            to,
            values: &[],
            extra: &[],
            compute: None,
            group: None,
            stand_in: &[],
            weak: false,
        }
    }
    const fn weak(mut self) -> Rule {
        self.weak = true;
        self
    }
    const fn group(mut self, group: &'static str) -> Rule {
        self.group = Some(group);
        self
    }
    const fn stand_in(mut self, options: &'static [(&'static str, &'static str)]) -> Rule {
        self.stand_in = options;
        self
    }
    const fn values(mut self, values: &'static [(&'static str, Val)]) -> Rule {
        self.values = values;
        self
    }
    const fn extra(mut self, extra: &'static [(&'static str, &'static str)]) -> Rule {
        self.extra = extra;
        self
    }
    const fn prefix(mut self) -> Rule {
        self.prefix = true;
        self
    }
    const fn rw(mut self) -> Rule {
        self.who = Who::RisingWave;
        self
    }
    const fn both(mut self) -> Rule {
        self.who = Who::Both;
        self
    }
    const fn compute(mut self, f: Compute) -> Rule {
        self.compute = Some(f);
        self
    }

    /// Whether it is the rule of `key` (already lower-cased).
    pub(crate) fn matches(&self, key: &str) -> bool {
        if self.prefix {
            key.starts_with(self.key)
        } else {
            key == self.key
        }
    }

    /// What `value` (as written) becomes, when the rule lists it.
    pub(crate) fn value(&self, value: &str) -> Option<Val> {
        self.values
            .iter()
            .find(|(v, _)| v.eq_ignore_ascii_case(value))
            .map(|(_, to)| *to)
    }
}

const fn key(foreign: &'static str, ours: &'static str) -> Rule {
    Rule::new(foreign, To::Key(ours))
}
const fn drop(foreign: &'static str, why: &'static str) -> Rule {
    Rule::new(foreign, To::Drop(why))
}
const fn no(foreign: &'static str, help: &'static str) -> Rule {
    Rule::new(foreign, To::No(help))
}

/// A foreign connector and what it is here.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ForeignConnector {
    /// The name Flink or RisingWave use.
    pub name: &'static str,
    pub who: Who,
    /// Our connector, or (when there is none) what to do instead.
    pub ours: Result<&'static str, &'static str>,
    /// Options our connector needs that the foreign one does not have (added when absent).
    pub extra: &'static [(&'static str, &'static str)],
    /// Its option rules, searched in order (the first match wins).
    pub rules: &'static [&'static [Rule]],
    /// Its metadata keys that ours names otherwise (`foreign`, `ours`).
    pub metadata: &'static [(&'static str, &'static str)],
}

const RUNTIME: &str = "parallelism is set when the job runs, not by the table";

/// Options of every connector of Flink's and RisingWave's (formats and tuning).
const COMMON: &[Rule] = &[
    key("format", "format").values(FORMATS).weak(),
    key("value.format", "format").values(FORMATS),
    drop("scan.parallelism", RUNTIME),
    drop("sink.parallelism", RUNTIME),
    key("json.ignore-parse-errors", "bad_data").values(&[
        ("true", Val::Is("drop", &[])),
        ("false", Val::Drop("failing on a record that does not decode is the default (`bad_data = 'fail'`)")),
    ]),
    no("json.fail-on-missing-field", "a missing field reads as NULL here; there is no setting to fail instead").values(&[
        ("false", Val::Drop("a missing field reads as NULL here too")),
    ]),
    key("json.timestamp-format.standard", "json.timestamp_format").values(&[
        ("ISO-8601", Val::Is("rfc3339", &[])),
        ("SQL", Val::No("timestamps are written as RFC 3339 (`rfc3339`) or epoch milliseconds (`unix_millis`); there is no SQL form")),
    ]),
    key("avro-confluent.url", "schema_registry.endpoint").extra(CONFLUENT),
    key("value.avro-confluent.url", "schema_registry.endpoint").extra(CONFLUENT),
    key("value.avro-confluent.subject", "value.subject"),
    key("avro-confluent.subject", "value.subject"),
    no("protobuf.message-class-name", "name the message with `protobuf.message_name` and give the `.proto` schema (`protobuf.schema_file`) or a schema registry; Java classes are not read here"),
];

const CONFLUENT: &[(&str, &str)] = &[("avro.confluent_schema_registry", "true")];

/// Flink's and RisingWave's format names that differ from ours.
const FORMATS: &[(&str, Val)] = &[
    (
        "avro",
        Val::Is("avro", &[("avro.raw_datums", "true")]),
    ),
    ("avro-confluent", Val::Is("avro", CONFLUENT)),
    ("raw", Val::Is("raw_string", &[])),
    ("csv", Val::No("there is no CSV format here; `json`, `avro`, `protobuf`, `parquet`, `raw_string` and `raw_bytes` are")),
    ("orc", Val::No("there is no ORC format here; files are written as `json` or `parquet`")),
    ("canal-json", Val::No("Canal's changelog format has no equivalent; `debezium_json` reads Debezium's")),
    ("maxwell-json", Val::No("Maxwell's changelog format has no equivalent; `debezium_json` reads Debezium's")),
    ("ogg-json", Val::No("Oracle GoldenGate's changelog format has no equivalent; `debezium_json` reads Debezium's")),
    ("debezium-avro-confluent", Val::No("Debezium over Avro has no equivalent; `debezium_json` reads Debezium's JSON")),
];

const OFFSETS: &[(&str, Val)] = &[
    ("earliest-offset", Val::Is("earliest", &[])),
    ("latest-offset", Val::Is("latest", &[])),
    ("group-offsets", Val::Is("group", &[])),
    ("timestamp", Val::No("a source cannot start at a timestamp here; it starts at `earliest`, `latest` or the group's committed offsets (`group`)")),
    ("specific-offsets", Val::No("a source cannot start at given offsets here; it starts at `earliest`, `latest` or the group's committed offsets (`group`)")),
];

const GUARANTEES: &[(&str, Val)] = &[
    ("at-least-once", Val::Is("at_least_once", &[])),
    ("exactly-once", Val::Is("exactly_once", &[])),
    ("none", Val::No("a sink here guarantees at least once (`at_least_once`, the default) or exactly once (`exactly_once`)")),
];

const KEY_FORMAT: &str = "the message key is not decoded into columns here: a source reads it raw with a `key BYTEA METADATA FROM 'key'` column, and a sink writes one column as the key with `sink.key_field`";

/// Flink's and RisingWave's Kafka options.
const KAFKA: &[Rule] = &[
    key("properties.bootstrap.servers", "bootstrap_servers"),
    key("properties.bootstrap.server", "bootstrap_servers").rw(),
    key("properties.group.id", "source.group_id").both(),
    key("group.id.prefix", "source.group_id_prefix").rw(),
    key("scan.startup.mode", "source.offset").both().values(OFFSETS).group("startup"),
    no("scan.startup.specific-offsets", "a source cannot start at given offsets here; it starts at `earliest`, `latest` or the group's committed offsets (`group`)").group("startup"),
    no("scan.startup.timestamp-millis", "a source cannot start at a timestamp here; it starts at `earliest`, `latest` or the group's committed offsets (`group`)").group("startup"),
    no("scan.startup.timestamp.millis", "a source cannot start at a timestamp here; it starts at `earliest`, `latest` or the group's committed offsets (`group`)").rw().group("startup"),
    no("scan.bounded.", "sources here are unbounded; there is no end offset").prefix(),
    drop("scan.topic-partition-discovery.interval", "new partitions are discovered by the runtime"),
    no("topic-pattern", "a table reads one topic here: write `topic = '…'`, one table per topic").stand_in(&[("topic", "topic")]),
    key("sink.delivery-guarantee", "sink.commit_mode").values(GUARANTEES),
    key("sink.semantic", "sink.commit_mode").values(GUARANTEES),
    drop("sink.transactional-id-prefix", "exactly-once sinks name their transactions themselves"),
    no("sink.partitioner", "messages are spread over partitions by their key (`sink.key_field`), or evenly without one; there is no other partitioner").values(&[
        ("default", Val::Drop("messages are spread by their key (`sink.key_field`), or evenly without one, as Flink's `default` does")),
    ]),
    no("key.format", KEY_FORMAT).group("key"),
    no("key.fields", KEY_FORMAT).group("key"),
    no("key.fields-prefix", KEY_FORMAT).group("key"),
    no("key.", KEY_FORMAT).prefix().group("key"),
    no("value.fields-include", "every column is part of the value here").values(&[
        ("all", Val::Drop("every column is part of the value here too")),
    ]),
    key("properties.security.protocol", "auth.protocol").both().values(&[
        ("SASL_SSL", Val::Is("SASL_SSL", &[("auth.type", "sasl")])),
        ("SASL_PLAINTEXT", Val::Is("SASL_PLAINTEXT", &[("auth.type", "sasl")])),
        ("PLAINTEXT", Val::Drop("an unauthenticated plaintext connection is the default (`auth.type = 'none'`)")),
        ("SSL", Val::No("TLS without SASL is a librdkafka setting here: `client_configs = 'security.protocol=SSL'`")),
    ]),
    key("properties.sasl.mechanism", "auth.mechanism").both(),
    key("properties.sasl.username", "auth.username").rw(),
    key("properties.sasl.password", "auth.password").rw(),
    no("properties.sasl.jaas.config", "write the user name and password as `auth.username` and `auth.password` (with `auth.type = 'sasl'`), preferably as `{{ VAR }}` placeholders").stand_in(&[("auth.type", "sasl"), ("auth.mechanism", "PLAIN"), ("auth.protocol", "SASL_SSL"), ("auth.username", "{{ KAFKA_USERNAME }}"), ("auth.password", "{{ KAFKA_PASSWORD }}")]),
    no("properties.ssl.truststore.", "Java keystores are not read here: give librdkafka PEM files in `client_configs` (`ssl.ca.location=…`)").prefix(),
    no("properties.ssl.keystore.", "Java keystores are not read here: give librdkafka PEM files in `client_configs` (`ssl.certificate.location=…`, `ssl.key.location=…`)").prefix(),
    no("properties.", "other client settings go in one option, `client_configs = 'key=value,…'`, with librdkafka's names").both().prefix(),
    no("privatelink.", "there is no PrivateLink setting here").rw().prefix(),

    no("debezium-avro-confluent.", "Debezium over Avro has no equivalent; `debezium_json` reads Debezium's JSON").prefix(),
    no("sink.buffer-flush.", "there is no upsert buffering here").prefix(),
];

/// Flink's format names on a filesystem table: files of Avro carry their schema, so
/// `avro` is not schemaless datums there (and stays as written).
const FILE_FORMATS: &[(&str, Val)] = &[
    ("raw", Val::Is("raw_string", &[])),
    ("csv", Val::No("there is no CSV format here; files are read as `json`, `avro`, `parquet`, `raw_string` or `raw_bytes`, and written as `json` or `parquet`")),
    ("orc", Val::No("there is no ORC format here; files are written as `json` or `parquet`")),
    ("canal-json", Val::No("Canal's changelog format has no equivalent; `debezium_json` reads Debezium's")),
    ("maxwell-json", Val::No("Maxwell's changelog format has no equivalent; `debezium_json` reads Debezium's")),
    ("ogg-json", Val::No("Oracle GoldenGate's changelog format has no equivalent; `debezium_json` reads Debezium's")),
];

/// Flink's filesystem options.
const FILESYSTEM: &[Rule] = &[
    key("format", "format").values(FILE_FORMATS).weak(),
    key("source.path.regex-pattern", "source.regex_pattern"),
    no("source.monitor-interval", "a filesystem source here does not watch the directory for new files"),
    no("partition.default-name", "there is no setting for the name of the NULL partition here"),
    key("sink.rolling-policy.file-size", "rolling_policy.file_size"),
    key("sink.rolling-policy.rollover-interval", "rolling_policy.interval"),
    key("sink.rolling-policy.inactivity-interval", "rolling_policy.inactivity_interval"),
    drop("sink.rolling-policy.check-interval", "files roll as soon as a policy says so"),
    key("sink.shuffle-by-partition.enable", "shuffle_by_partition.enabled"),
    no("partition.time-extractor.timestamp-pattern", "write the partition layout as a `strftime` pattern of the event time: `partitioning.time_pattern = '%Y-%m-%d/%H'`"),
    no("partition.time-extractor.", "partition times are not extracted from directory names here").prefix(),
    no("sink.partition-commit.", "partitions are not committed here (no success files, no metastore)").prefix(),
    no("auto-compaction", "files are not compacted here; `rolling_policy.file_size` controls how large they grow").values(&[
        ("false", Val::Drop("files are not compacted here either")),
    ]),
    no("compaction.file-size", "files are not compacted here; `rolling_policy.file_size` controls how large they grow"),
];

/// Flink's Kinesis options (new and legacy connector) and RisingWave's.
const KINESIS: &[Rule] = &[
    key("stream.arn", "stream_name").compute(stream_name_of_arn),
    key("stream", "stream_name").both(),
    key("aws.region", "aws_region").both(),
    key("source.init.position", "source.offset").values(INIT_POSITIONS).group("startup"),
    key("scan.stream.initpos", "source.offset").values(INIT_POSITIONS).group("startup"),
    key("scan.startup.mode", "source.offset").rw().values(INIT_POSITIONS).group("startup"),
    no("source.init.timestamp", "a source cannot start at a timestamp here; it starts at `earliest` or `latest`").group("startup"),
    no("scan.stream.initpos-timestamp", "a source cannot start at a timestamp here; it starts at `earliest` or `latest`").group("startup"),
    key("sink.batch.max-size", "sink.max_records_per_batch"),
    key("sink.flush-buffer.timeout", "sink.flush_interval_millis"),
    key("sink.flush-buffer.size", "sink.max_bytes_per_batch"),
    drop("aws.credentials.provider", "credentials come from the AWS environment (variables, profile or instance role)").both().values(&[
        ("BASIC", Val::No("credentials come from the AWS environment here (variables, profile or instance role); they are not written in the table")),
    ]),
    no("aws.credentials.", "credentials come from the AWS environment here (variables, profile or instance role); they are not written in the table").both().prefix(),
    no("aws.endpoint", "there is no endpoint override here; the stream is reached in `aws_region`").both(),
    no("aws.trust.all.certificates", "certificates are always verified here"),
    drop("source.reader.type", "how shards are read is up to the runtime"),
    drop("source.efo.", "how shards are read is up to the runtime").prefix(),
    drop("source.shard.", "how shards are discovered is up to the runtime").prefix(),
    drop("scan.stream.", "how shards are read is up to the runtime").prefix(),
    drop("scan.shard.", "how shards are read is up to the runtime").prefix(),
    no("sink.partitioner", "records are spread over shards by the runtime; there is no partitioner setting"),
    no("sink.partitioner-field-delimiter", "records are spread over shards by the runtime; there is no partitioner setting"),
    drop("sink.requests.", "request batching is up to the runtime").prefix(),
    drop("sink.http-client.", "the HTTP client is up to the runtime").prefix(),
    drop("sink.fail-on-error", "a failed write fails the sink here").values(&[
        ("false", Val::No("a failed write always fails the sink here")),
    ]),
];

const INIT_POSITIONS: &[(&str, Val)] = &[
    ("TRIM_HORIZON", Val::Is("earliest", &[])),
    ("LATEST", Val::Is("latest", &[])),
    ("earliest", Val::Is("earliest", &[])),
    (
        "AT_TIMESTAMP",
        Val::No("a source cannot start at a timestamp here; it starts at `earliest` or `latest`"),
    ),
    (
        "timestamp",
        Val::No("a source cannot start at a timestamp here; it starts at `earliest` or `latest`"),
    ),
];

/// RisingWave's `s3` source options (the filesystem connector with an `s3://` path).
const S3: &[Rule] = &[
    key("s3.bucket_name", "path").rw().compute(bucket_url),
    key("s3.region_name", "storage.aws_region").rw(),
    key("s3.credentials.access", "storage.aws_access_key_id").rw(),
    key("s3.credentials.secret", "storage.aws_secret_access_key").rw(),
    key("s3.endpoint_url", "storage.aws_endpoint").rw(),
    key("match_pattern", "source.regex_pattern").rw().compute(glob_to_regex),
    no("s3.assume_role", "credentials come from `storage.*` settings or the AWS environment; there is no role to assume").rw(),
    drop("refresh.interval.sec", "how often the bucket is listed is up to the runtime").rw(),
];

/// RisingWave's `deltalake` sink options.
const DELTA: &[Rule] = &[
    key("location", "path").rw().compute(s3a_to_s3),
    key("s3.endpoint", "storage.aws_endpoint").rw(),
    key("s3.access.key", "storage.aws_access_key_id").rw(),
    key("s3.secret.key", "storage.aws_secret_access_key").rw(),
    key("s3.region", "storage.aws_region").rw(),
];

/// RisingWave's NATS options.
const NATS: &[Rule] = &[
    key("server_url", "servers").rw(),
    key("connect_mode", "auth.type").rw().values(&[
        (
            "plain",
            Val::Drop("no authentication is the default (`auth.type = 'none'`)"),
        ),
        ("user_and_password", Val::Is("credentials", &[])),
        ("credential", Val::Is("jwt", &[])),
    ]),
    key("username", "auth.username").rw(),
    key("password", "auth.password").rw(),
    key("jwt", "auth.jwt").rw(),
    key("nkey", "auth.nkey_seed").rw(),
];

/// Flink's `print` options.
const PRINT: &[Rule] = &[
    drop(
        "print-identifier",
        "records are printed without a prefix here",
    ),
    drop("standard-error", "records are printed to standard output").values(&[(
        "true",
        Val::No("records are printed to standard output here, never to standard error"),
    )]),
];

/// The connectors Flink and RisingWave name, and what they are here.
pub(crate) const CONNECTORS: &[ForeignConnector] = &[
    ForeignConnector {
        name: "kafka",
        who: Who::Both,
        ours: Ok("kafka"),
        extra: &[],
        rules: &[KAFKA, COMMON],
        metadata: &[("offset", "offset_id")],
    },
    ForeignConnector {
        name: "filesystem",
        who: Who::Flink,
        ours: Ok("filesystem"),
        extra: &[],
        rules: &[FILESYSTEM, COMMON],
        metadata: &[],
    },
    ForeignConnector {
        name: "kinesis",
        who: Who::Both,
        ours: Ok("kinesis"),
        extra: &[],
        rules: &[KINESIS, COMMON],
        metadata: &[],
    },
    ForeignConnector {
        name: "kinesis-legacy",
        who: Who::Flink,
        ours: Ok("kinesis"),
        extra: &[],
        rules: &[KINESIS, COMMON],
        metadata: &[],
    },
    ForeignConnector {
        name: "print",
        who: Who::Flink,
        ours: Ok("stdout"),
        // Flink prints rows as text; ours needs a format, and JSON shows every column.
        extra: &[("format", "json")],
        rules: &[PRINT, COMMON],
        metadata: &[],
    },
    ForeignConnector {
        name: "blackhole",
        who: Who::Both,
        ours: Ok("blackhole"),
        extra: &[],
        rules: &[COMMON],
        metadata: &[],
    },
    ForeignConnector {
        name: "s3",
        who: Who::RisingWave,
        ours: Ok("filesystem"),
        extra: &[],
        rules: &[S3, COMMON],
        metadata: &[],
    },
    ForeignConnector {
        name: "deltalake",
        who: Who::RisingWave,
        ours: Ok("delta"),
        // Delta Lake tables are Parquet files.
        extra: &[("format", "parquet")],
        rules: &[DELTA, COMMON],
        metadata: &[],
    },
    ForeignConnector {
        name: "nats",
        who: Who::RisingWave,
        ours: Ok("nats"),
        extra: &[],
        rules: &[NATS, COMMON],
        metadata: &[],
    },
    ForeignConnector {
        name: "upsert-kafka",
        who: Who::Flink,
        ours: Err("there is no upsert Kafka connector here. A `kafka` table with `format = 'debezium_json'` and a PRIMARY KEY reads and writes a changelog; keyed upserts (the last value per key) have no equivalent"),
        extra: &[],
        rules: &[],
        metadata: &[],
    },
    ForeignConnector {
        name: "datagen",
        who: Who::Both,
        ours: Err("there is no random-data generator here. `impulse` emits a counter at `event_rate` (its columns are fixed: `counter`, `subtask_index`), and `nexmark` generates the Nexmark benchmark's events"),
        extra: &[],
        rules: &[],
        metadata: &[],
    },
    ForeignConnector {
        name: "jdbc",
        who: Who::Both,
        ours: Err("there is no JDBC connector here; a database is read through its change stream (Debezium into Kafka, read with `format = 'debezium_json'`)"),
        extra: &[],
        rules: &[],
        metadata: &[],
    },
    ForeignConnector {
        name: "upsert-kinesis",
        who: Who::Flink,
        ours: Err("there is no upsert Kinesis connector here"),
        extra: &[],
        rules: &[],
        metadata: &[],
    },
    ForeignConnector {
        name: "hbase-2.2",
        who: Who::Flink,
        ours: Err("there is no HBase connector here"),
        extra: &[],
        rules: &[],
        metadata: &[],
    },
    ForeignConnector {
        name: "elasticsearch-7",
        who: Who::Flink,
        ours: Err("there is no Elasticsearch connector here; a `webhook` sink can post JSON to an HTTP endpoint"),
        extra: &[],
        rules: &[],
        metadata: &[],
    },
];

/// `arn:aws:kinesis:REGION:ACCOUNT:stream/NAME` → `NAME`.
fn stream_name_of_arn(arn: &str) -> Result<String, &'static str> {
    match arn.rsplit_once(":stream/") {
        Some((head, name)) if head.starts_with("arn:") && !name.is_empty() => Ok(name.to_string()),
        _ => Err(
            "the stream is named here, not given by ARN: write its name (the part after `stream/`)",
        ),
    }
}

/// A bucket name → the `s3://` URL of its root.
fn bucket_url(bucket: &str) -> Result<String, &'static str> {
    if bucket.is_empty() || bucket.contains(['/', ':']) {
        return Err("write the bucket's URL as `path = 's3://bucket/prefix'`");
    }
    Ok(format!("s3://{bucket}/"))
}

/// A Unix glob (RisingWave's `match_pattern`, over object keys) → the regular expression
/// that matches the same keys at the end of a path: `*` and `?` match within one path
/// segment, the rest is literal.
fn glob_to_regex(glob: &str) -> Result<String, &'static str> {
    let mut re = String::from("(^|/)");
    for c in glob.chars() {
        match c {
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            '[' | ']' | '{' | '}' => {
                return Err("write the pattern as a regular expression in `source.regex_pattern`")
            }
            c if "\\.+()|^$".contains(c) => {
                re.push('\\');
                re.push(c);
            }
            c => re.push(c),
        }
    }
    re.push('$');
    Ok(re)
}

/// Hadoop's `s3a://` scheme is `s3://` here; other locations are kept.
fn s3a_to_s3(location: &str) -> Result<String, &'static str> {
    Ok(match location.strip_prefix("s3a://") {
        Some(rest) => format!("s3://{rest}"),
        None => location.to_string(),
    })
}

/// The foreign connector called `name`.
pub(crate) fn connector(name: &str) -> Option<&'static ForeignConnector> {
    CONNECTORS
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(name))
}

/// The rule of option `key` of `connector`. Flink writes the value format's options with
/// a `value.` prefix too (`value.json.ignore-parse-errors`).
pub(crate) fn rule(connector: &ForeignConnector, key: &str) -> Option<&'static Rule> {
    // Keys are nearly always written in lower case: only others are copied.
    let key = match key.bytes().any(|b| b.is_ascii_uppercase()) {
        true => std::borrow::Cow::Owned(key.to_ascii_lowercase()),
        false => std::borrow::Cow::Borrowed(key),
    };
    let find = |key: &str| {
        connector
            .rules
            .iter()
            .flat_map(|rules| rules.iter())
            .find(|r| r.matches(key))
    };
    find(&key).or_else(|| {
        key.strip_prefix("value.")
            .filter(|k| k.starts_with("json.") || k.starts_with("avro"))
            .and_then(find)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_give_the_stream_name() {
        assert_eq!(
            stream_name_of_arn("arn:aws:kinesis:us-east-1:012345678901:stream/my-stream"),
            Ok("my-stream".to_string())
        );
        assert!(stream_name_of_arn("my-stream").is_err());
    }

    #[test]
    fn globs_become_anchored_regexes() {
        assert_eq!(
            glob_to_regex("logs/*.ndjson"),
            Ok("(^|/)logs/[^/]*\\.ndjson$".to_string())
        );
        assert_eq!(glob_to_regex("a?c"), Ok("(^|/)a[^/]c$".to_string()));
        assert!(glob_to_regex("{a,b}").is_err());
        assert_eq!(bucket_url("bkt"), Ok("s3://bkt/".to_string()));
    }

    #[test]
    fn specific_rules_come_before_prefixes() {
        let kafka = connector("kafka").map(|c| rule(c, "properties.bootstrap.servers"));
        assert!(matches!(
            kafka,
            Some(Some(Rule {
                to: To::Key("bootstrap_servers"),
                ..
            }))
        ));
        let other = connector("kafka").and_then(|c| rule(c, "properties.client.id"));
        assert!(matches!(other.map(|r| r.to), Some(To::No(_))));
        assert!(connector("KAFKA").is_some());
    }
}
