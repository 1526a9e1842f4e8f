//! The one value grammar that every connector option goes through.
//!
//! Arroyo parses each kind of option value in its own place, and the parsers disagree:
//! lists are split without trimming, data sizes panic on a quantity that overflows `u64`
//! (or wrap around when multiplied by the unit), and durations accept some spellings in
//! one form and not in another. Here every kind of value (string, boolean, integer,
//! float, duration, data size, list, field reference, map, enumeration) has exactly one
//! parser: a pure function from a [`Value`] to the typed result or a [`ValueError`].
//! Connectors never look at a raw value themselves, so every option of a kind accepts
//! the same spellings and fails with the same message.
//!
//! **Invariant:** nothing here panics or wraps on any input. All arithmetic is checked,
//! digits must be ASCII, and a value too large to represent is a
//! [`ValueErrorKind::Overflow`], which callers report as `value::overflow`.
//!
//! Errors carry no span: the caller reports them at the span of the whole value. Only
//! list items keep their own spans, because a connector may want to point at one of them
//! (an unknown topic, a duplicate column).

mod collections;
mod data_size;
mod duration;
mod enumeration;
mod error;
mod numbers;
mod strings;
mod suggest;
#[cfg(test)]
mod tests;

#[cfg(doc)]
use crate::options::Value;
pub(crate) use collections::{list, map};
pub(crate) use data_size::{data_size, format_data_size};
pub(crate) use duration::{duration, format_duration};
pub(crate) use enumeration::enumeration;
pub(crate) use error::{ValueError, ValueErrorKind};
pub(crate) use numbers::{float, signed, unsigned};
pub(crate) use strings::{boolean, field_ref, string, FieldRef};
pub(crate) use suggest::{did_you_mean, is_typo};
