use super::*;
use crate::schema::expand::is_json;

/// The text each note of `text`'s expansion points at (empty for the schema as a whole).
fn note_places(text: &str) -> Vec<(&'static str, &str)> {
    let (e, places) = expand_json_schema_placed(text).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(e.notes.len(), places.len());
    e.notes
        .iter()
        .zip(places)
        .map(|(n, p)| {
            let at = if p.is_detached() {
                ""
            } else {
                &text[p.start..p.end]
            };
            (n.code.as_str(), at)
        })
        .collect()
}

/// The text a failed expansion of `text` points at.
fn error_place(text: &str) -> (&'static str, &str) {
    let e = expand_json_schema(text)
        .err()
        .unwrap_or_else(|| panic!("expanded"));
    let span = e.span.unwrap_or_else(|| panic!("no place: {e:?}"));
    let at = if span.is_detached() {
        ""
    } else {
        &text[span.start..span.end]
    };
    (e.code.as_str(), at)
}

fn expand(text: &str) -> Expansion {
    match expand_json_schema(text) {
        Ok(e) => e,
        Err(e) => panic!("expansion failed: {e:?}"),
    }
}

fn field<'e>(e: &'e Expansion, name: &str) -> &'e Field {
    e.fields
        .iter()
        .find(|f| f.name() == name)
        .unwrap_or_else(|| panic!("no field {name} in {:?}", e.fields))
}

/// The type of property `p` of a one-property object schema.
fn prop(schema: &str) -> Field {
    let e = expand(&format!(r#"{{"properties": {{"p": {schema}}}}}"#));
    field(&e, "p").clone()
}

fn note_codes(e: &Expansion) -> Vec<(&'static str, &str)> {
    e.notes
        .iter()
        .map(|n| (n.code.as_str(), n.path.as_str()))
        .collect()
}

fn list_of(item: Field) -> DataType {
    DataType::List(Arc::new(item))
}

mod limits;
mod places;
mod refs;
mod types;
