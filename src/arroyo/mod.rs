//! Arroyo's API shapes: what its connection-table API takes and returns, so the crate can
//! stand in for the validation behind Arroyo's REST API.
//!
//! - In: [`compile_request`](crate::compile_request) reads a `config` in Arroyo's stored
//!   table-config shape as well as the flat option map (through the maps in `shapes`).
//! - Out: [`connection_table`] gives a compiled table as `GET /v1/connection_tables`
//!   returns one, and [`connectors`] each registered connector as `GET /v1/connectors`
//!   does.
//!
//! ```
//! use connector_ddl::{arroyo, compile_sql, Env, Registry};
//!
//! let registry = Registry::builtin();
//! let env = Env::new(&registry);
//! let sql = "CREATE TABLE payments (id BIGINT NOT NULL) WITH (connector = 'kafka',
//!     bootstrap_servers = 'b:9092', topic = 'payments', type = 'source',
//!     'source.offset' = 'earliest', format = 'json')";
//! let compiled = compile_sql(sql, &env);
//! let table = compiled.table("payments").and_then(|t| t.as_connection()).ok_or("no table")?;
//! let view = arroyo::connection_table(table, &env, &arroyo::View::new().created_at(1));
//! assert_eq!(view["config"]["type"]["offset"], "earliest");
//! assert_eq!(view["table_type"], "source");
//! assert!(view["id"].as_str().is_some_and(|id| id.starts_with("ct_")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod catalog;
pub(crate) mod profiles;
pub(crate) mod shapes;
mod table;

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value as Json;

use crate::compile::{Connection, Env};
use crate::connector::Registry;

/// Makes the public ids of the objects a view creates (`ct_…`, `cp_…`). Replace it to use
/// your store's ids.
pub trait Ids: Send + Sync {
    /// A new id starting with `prefix` and `_`, e.g. `ct_3HkW9pQe1a`.
    fn next_id(&self, prefix: &str) -> String;
}

/// Random, URL-safe ids: the prefix, `_` and ten letters and digits, as Arroyo's.
#[derive(Clone, Copy, Debug, Default)]
pub struct RandomIds;

impl Ids for RandomIds {
    fn next_id(&self, prefix: &str) -> String {
        // std's RandomState is seeded per process from the OS; a counter and the time make
        // each hash differ. Not for secrets, only for unique names.
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        h.write_u128(now_micros_u128());
        let mut n = h.finish();
        const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        let mut id = format!("{prefix}_");
        for _ in 0..10 {
            let i = usize::try_from(n % 62).unwrap_or(0);
            id.push(char::from(ALPHABET.get(i).copied().unwrap_or(b'0')));
            n /= 62;
        }
        id
    }
}

fn now_micros_u128() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros())
        .unwrap_or(0)
}

/// What a [`connection_table`] view fills in that a compiled table does not know: ids and
/// the creation time.
pub struct View<'a> {
    ids: &'a dyn Ids,
    created_at: Option<u64>,
    secrets: bool,
}

impl Default for View<'_> {
    fn default() -> Self {
        View::new()
    }
}

impl<'a> View<'a> {
    /// Random ids, created now.
    pub fn new() -> Self {
        View {
            ids: &RandomIds,
            created_at: None,
            secrets: false,
        }
    }

    /// Ids from `ids`.
    pub fn ids(mut self, ids: &'a dyn Ids) -> Self {
        self.ids = ids;
        self
    }

    /// Created at `micros` since the Unix epoch.
    pub fn created_at(mut self, micros: u64) -> Self {
        self.created_at = Some(micros);
        self
    }

    /// Secret values as written, for storing the view (Arroyo's database keeps them), not
    /// for showing it: without this, every secret is `********`.
    pub fn with_secrets(mut self) -> Self {
        self.secrets = true;
        self
    }

    fn created_at_micros(&self) -> u64 {
        self.created_at
            .unwrap_or_else(|| u64::try_from(now_micros_u128()).unwrap_or(u64::MAX))
    }
}

/// A compiled table as Arroyo's `ConnectionTable` (`GET /v1/connection_tables`): `id`,
/// `name`, `created_at`, `connector`, `connection_profile` (the table's profile, resolved
/// through `env`, as Arroyo's `ConnectionProfile`, or `null`), `table_type`, `config` in
/// Arroyo's table-config shape, `schema` as Arroyo's `ConnectionSchema`, and `consumers`
/// (0). Secrets are redacted. Posting `config` and `schema` back with
/// [`compile_request`](crate::compile_request) gives the same table (generated columns
/// and the watermark have no place in Arroyo's schema and are left out).
pub fn connection_table(table: &Connection, env: &Env<'_>, view: &View<'_>) -> Json {
    table::connection_table(table, env, view)
}

/// Every registered connector as Arroyo's `Connector` (`GET /v1/connectors`), sorted by
/// name, with JSON Schemas of its profile and table configs generated from the catalogue.
pub fn connectors(registry: &Registry) -> Json {
    catalog::connectors(registry)
}
