//! Arrays, objects and maps: the container types of a view.

use super::*;

impl<'a> Walker<'a> {
    pub(super) fn expand_array(
        &mut self,
        view: &View<'a>,
        nullable: bool,
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let tuple = view.parts.iter().find_map(|p| {
            if p.node.get("prefixItems").is_some() {
                Some(key_span(p.node, "prefixItems"))
            } else {
                p.node
                    .get("items")
                    .and_then(Json::items)
                    .map(|_| key_span(p.node, "items"))
            }
        });
        if let Some(span) = tuple {
            self.note(
                codes::SCHEMA_LOSSY,
                path,
                span,
                "a tuple-style array (`items: [..]` or `prefixItems`) becomes JSON",
            );
            return Ok(Out::json(nullable));
        }
        let items: Vec<(&'a Json<'a>, usize)> = view
            .parts
            .iter()
            .filter_map(|p| p.node.get("items").map(|i| (i, p.at)))
            .collect();
        let item = if items.is_empty() || items.iter().any(|(i, _)| i.value == Value::Bool(false)) {
            Out::json(true)
        } else {
            self.expand_child(view, &items, &format!("{path}[]"), level + 1)?
        };
        let depth = item.depth + 1;
        let fields = check_fields(item.fields.saturating_add(1), path, view.at)?;
        let field = item.field("item", item.nullable);
        Ok(Out::arrow(
            DataType::List(Arc::new(field)),
            nullable,
            depth,
            fields,
        ))
    }

    pub(super) fn expand_object(
        &mut self,
        view: &View<'a>,
        nullable: bool,
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        // Properties of all parts, united in document order: each name with the schemas
        // that describe it (one, unless several parts list it).
        let with_properties: Vec<(&'a Json<'a>, usize)> = view
            .parts
            .iter()
            .filter_map(|part| {
                let props = part.node.get("properties")?;
                props.members().map(|_| (props, part.at))
            })
            .collect();
        let mut properties: Vec<(&'a str, Schemas<'a>)> = Vec::new();
        if let [(props, at)] = with_properties[..] {
            // The common case needs no merging: `entries` already has each name once.
            properties.extend(
                entries(props)
                    .into_iter()
                    .map(|(name, schema)| (name, Schemas::One([(schema, at)]))),
            );
        } else {
            // Where each name sits in `properties`, so that uniting stays linear.
            let mut index: HashMap<&'a str, usize> = HashMap::new();
            for (props, at) in with_properties {
                for (name, schema) in entries(props) {
                    match index.get(name).and_then(|&i| properties.get_mut(i)) {
                        Some((_, schemas)) => schemas.push((schema, at)),
                        None => {
                            index.insert(name, properties.len());
                            properties.push((name, Schemas::One([(schema, at)])));
                        }
                    }
                }
            }
        }
        if !properties.is_empty() {
            let required = Required::of(view);
            let mut fields = Vec::with_capacity(properties.len());
            let mut depth = 0;
            let mut count: usize = 0;
            // One buffer for the children's paths (`path.name`).
            let mut child_path = String::with_capacity(path.len() + 32);
            child_path.push_str(path);
            if !path.is_empty() {
                child_path.push('.');
            }
            let base = child_path.len();
            for (name, schemas) in properties {
                child_path.truncate(base);
                child_path.push_str(name);
                let out = self.expand_child(view, schemas.as_slice(), &child_path, level + 1)?;
                depth = depth.max(out.depth + 1);
                count = check_fields(
                    count.saturating_add(out.fields).saturating_add(1),
                    path,
                    view.at,
                )?;
                fields.push(out.field(name, out.nullable || !required.contains(name)));
            }
            return Ok(Out::arrow(
                DataType::Struct(Fields::from(fields)),
                nullable,
                depth,
                count,
            ));
        }

        self.expand_map(view, nullable, path, level)
    }

    /// An object without properties: a map if `additionalProperties` or
    /// `patternProperties` describe the values, otherwise "any object" (JSON).
    pub(super) fn expand_map(
        &mut self,
        view: &View<'a>,
        nullable: bool,
        path: &str,
        level: usize,
    ) -> Result<Out, SchemaError> {
        let Some(value_schemas) = self.map_values(view, path) else {
            return Ok(Out::json(nullable));
        };
        let value_path = format!("{path}{{}}");
        let start = self.notes.len();
        let mut value: Option<Out> = None;
        for schema in &value_schemas {
            let out =
                self.expand_child(view, std::slice::from_ref(schema), &value_path, level + 1)?;
            value = Some(match value {
                None => out,
                Some(previous) => {
                    match self.merge_map_values(&previous, &out, start, &value_path, schema.0.span)
                    {
                        Some(merged) => merged,
                        None => {
                            value = Some(Out::json(true));
                            break;
                        }
                    }
                }
            });
        }
        let value = value.unwrap_or_else(|| Out::json(true));
        let depth = value.depth + 1;
        // `entries`, `key` and `value`, and what the value holds.
        let fields = check_fields(value.fields.saturating_add(3), path, view.at)?;
        Ok(Out::arrow(
            map_type(value.field("value", value.nullable)),
            nullable,
            depth,
            fields,
        ))
    }

    /// The value schemas of a map-like object (each with its part), or `None` if the object
    /// is not map-like or admits no keys.
    #[inline(never)]
    pub(super) fn map_values(
        &mut self,
        view: &View<'a>,
        path: &str,
    ) -> Option<Vec<(&'a Json<'a>, usize)>> {
        let mut value_schemas: Vec<(&'a Json<'a>, usize)> = Vec::new();
        let mut keyed = false;
        let mut closed = view.at;
        for part in &view.parts {
            if let Some(patterns) = part.node.get("patternProperties") {
                if patterns.members().is_some() {
                    keyed = true;
                    value_schemas.extend(entries(patterns).into_iter().map(|(_, s)| (s, part.at)));
                }
            }
        }
        for part in &view.parts {
            if let Some(extra) = part.node.get("additionalProperties") {
                keyed = true;
                if extra.value == Value::Bool(false) {
                    closed = extra.span;
                } else {
                    value_schemas.push((extra, part.at));
                }
            }
        }
        if keyed && value_schemas.is_empty() {
            self.note(
                codes::SCHEMA_LOSSY,
                path,
                closed,
                "an object without properties that allows no other keys becomes JSON",
            );
        }
        (!value_schemas.is_empty()).then_some(value_schemas)
    }

    /// The common type of two map value schemas, or `None` after a note that the values
    /// become JSON (replacing the notes made since `start`).
    #[inline(never)]
    pub(super) fn merge_map_values(
        &mut self,
        previous: &Out,
        out: &Out,
        start: usize,
        path: &str,
        span: Span,
    ) -> Option<Out> {
        if let Some(merged) = unify(previous, out) {
            return Some(merged);
        }
        self.notes.truncate(start);
        self.note(
            codes::SCHEMA_LOSSY,
            path,
            span,
            format!(
                "map values of different types (`{}` and `{}`) become JSON",
                previous.describe(),
                out.describe()
            ),
        );
        None
    }
}

/// The schemas that describe one property: almost always one, so kept inline.
enum Schemas<'a> {
    One([(&'a Json<'a>, usize); 1]),
    Many(Vec<(&'a Json<'a>, usize)>),
}

impl<'a> Schemas<'a> {
    fn push(&mut self, schema: (&'a Json<'a>, usize)) {
        match self {
            Schemas::One([first]) => *self = Schemas::Many(vec![*first, schema]),
            Schemas::Many(all) => all.push(schema),
        }
    }

    fn as_slice(&self) -> &[(&'a Json<'a>, usize)] {
        match self {
            Schemas::One(one) => one,
            Schemas::Many(all) => all,
        }
    }
}

/// The names in the `required` lists of a view's parts.
struct Required<'a> {
    names: Vec<&'a str>,
    /// The names as a set, once there are too many to scan.
    set: Option<HashSet<&'a str>>,
}

impl<'a> Required<'a> {
    fn of(view: &View<'a>) -> Self {
        const SCAN: usize = 16;
        let names: Vec<&'a str> = view
            .parts
            .iter()
            .filter_map(|part| part.node.get("required").and_then(Json::items))
            .flatten()
            .filter_map(Json::as_str)
            .collect();
        let set = (names.len() > SCAN).then(|| names.iter().copied().collect());
        Required { names, set }
    }

    fn contains(&self, name: &str) -> bool {
        match &self.set {
            Some(set) => set.contains(name),
            None => self.names.contains(&name),
        }
    }
}
