//! A small JSON Schema validator for the keywords Arroyo's `table.json` files and our
//! generated schemas use (`type`, `properties`, `required`, `additionalProperties`,
//! `oneOf`, `anyOf`, `enum`, `const`, `items`, `minimum`, `maximum`, `maxLength`). Written
//! here rather than pulled in as a crate: the subset is small and the machine's build time
//! is not.

use serde_json::Value;

/// Every violation of `schema` by `value`, as `path: what` lines; empty when it validates.
pub fn validate(schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, value, "$", &mut errors, 0);
    errors
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        _ => false,
    }
}

fn check(schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>, depth: usize) {
    assert!(depth < 64, "schema too deep at {at}");
    let Some(s) = schema.as_object() else {
        return; // `true` / `{}`
    };
    if let Some(t) = s.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, v),
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(|t| type_ok(t, v)),
            _ => true,
        };
        if !ok {
            errors.push(format!("{at}: expected type {t}, found {v}"));
            return;
        }
    }
    if let Some(Value::Array(values)) = s.get("enum") {
        if !values.contains(v) {
            errors.push(format!("{at}: {v} is not one of {values:?}"));
        }
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errors.push(format!("{at}: {v} is not {c}"));
        }
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if n < min {
            errors.push(format!("{at}: {n} < {min}"));
        }
    }
    if let (Some(max), Some(n)) = (s.get("maximum").and_then(Value::as_f64), v.as_f64()) {
        if n > max {
            errors.push(format!("{at}: {n} > {max}"));
        }
    }
    if let (Some(max), Some(text)) = (s.get("maxLength").and_then(Value::as_u64), v.as_str()) {
        if text.chars().count() as u64 > max {
            errors.push(format!("{at}: longer than {max}"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        if let Some(Value::Array(req)) = s.get("required") {
            for r in req.iter().filter_map(Value::as_str) {
                if !obj.contains_key(r) {
                    errors.push(format!("{at}: missing required `{r}`"));
                }
            }
        }
        for (k, val) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => check(ps, val, &format!("{at}.{k}"), errors, depth + 1),
                None => match s.get("additionalProperties") {
                    Some(Value::Bool(false)) => errors.push(format!("{at}: unexpected key `{k}`")),
                    Some(ap @ Value::Object(_)) => {
                        check(ap, val, &format!("{at}.{k}"), errors, depth + 1)
                    }
                    _ => {}
                },
            }
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, item) in arr.iter().enumerate() {
            check(items, item, &format!("{at}[{i}]"), errors, depth + 1);
        }
    }
    // `oneOf` is read as `anyOf`: Arroyo's types are untagged enums that take the first
    // variant that parses, and its schemas leave some variants open (redis's `Lookup`
    // accepts any object), so Arroyo's own sink configs match two branches.
    for (kw, exactly_one) in [("oneOf", false), ("anyOf", false)] {
        if let Some(Value::Array(branches)) = s.get(kw) {
            let passing = branches
                .iter()
                .filter(|b| {
                    let mut e = Vec::new();
                    check(b, v, at, &mut e, depth + 1);
                    e.is_empty()
                })
                .count();
            let ok = if exactly_one {
                passing == 1
            } else {
                passing >= 1
            };
            if !ok {
                errors.push(format!("{at}: {passing} branches of {kw} match {v}"));
            }
        }
    }
}

/// Structural checks that `schema` is a JSON Schema of the draft-07/2019-09 vocabulary we
/// use: known `type` names, `properties` objects, `required` arrays of strings naming
/// properties, `enum` arrays, sub-schemas that are objects or booleans.
pub fn well_formed(schema: &Value, at: &str, errors: &mut Vec<String>, depth: usize) {
    assert!(depth < 64, "schema too deep at {at}");
    let s = match schema {
        Value::Bool(_) => return,
        Value::Object(s) => s,
        other => {
            errors.push(format!(
                "{at}: a schema must be an object or a boolean, found {other}"
            ));
            return;
        }
    };
    const TYPES: &[&str] = &[
        "object", "array", "string", "boolean", "null", "number", "integer",
    ];
    match s.get("type") {
        None => {}
        Some(Value::String(t)) if TYPES.contains(&t.as_str()) => {}
        Some(Value::Array(ts))
            if ts
                .iter()
                .all(|t| t.as_str().is_some_and(|t| TYPES.contains(&t))) => {}
        Some(t) => errors.push(format!("{at}: bad type {t}")),
    }
    if let Some(p) = s.get("properties") {
        match p.as_object() {
            Some(p) => {
                for (k, sub) in p {
                    well_formed(sub, &format!("{at}.properties.{k}"), errors, depth + 1);
                }
            }
            None => errors.push(format!("{at}: properties must be an object")),
        }
    }
    if let Some(r) = s.get("required") {
        match r.as_array() {
            Some(r) if r.iter().all(Value::is_string) => {}
            _ => errors.push(format!("{at}: required must be an array of strings")),
        }
    }
    if let Some(e) = s.get("enum") {
        if !e.is_array() {
            errors.push(format!("{at}: enum must be an array"));
        }
    }
    for kw in ["oneOf", "anyOf", "allOf"] {
        if let Some(b) = s.get(kw) {
            match b.as_array() {
                Some(b) => {
                    for (i, sub) in b.iter().enumerate() {
                        well_formed(sub, &format!("{at}.{kw}[{i}]"), errors, depth + 1);
                    }
                }
                None => errors.push(format!("{at}: {kw} must be an array")),
            }
        }
    }
    for kw in ["items", "additionalProperties"] {
        if let Some(sub) = s.get(kw) {
            well_formed(sub, &format!("{at}.{kw}"), errors, depth + 1);
        }
    }
}
